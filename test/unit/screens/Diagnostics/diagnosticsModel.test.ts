import type { CatalogueDiagnostics } from '../../../../src/app/context'
import {
  CatalogueErrorCode,
  partsLeftOut,
  skippedItem,
  type CatalogueProblem,
  type SkipReason,
} from '../../../../src/catalogue/errors'
import { offlineTimeParts } from '../../../../src/catalogue/offlineNotice'
import {
  clip,
  diagnosticsModel,
  ID_CHARS,
  MAX_IDS,
  guideLines,
  liveLines,
  storageLines,
} from '../../../../src/screens/Diagnostics/diagnosticsModel'
import { skippedByReason } from '../../../../src/screens/Diagnostics/skipped'
import { fakeTranslate } from '../../../harness/fakeContext'
import { clockText, wallZone } from '../../../../src/i18n/wallZone'

const BOX = wallZone('box')

const LOADED = Date.UTC(2026, 11, 2, 9, 30)

const skipped = (reason: SkipReason, ...ids: string[]): CatalogueProblem[] =>
  ids.map((id) => skippedItem('directpublisher', id, reason, `${reason} detail`))

const record = (change: Partial<CatalogueDiagnostics> = {}): CatalogueDiagnostics => ({
  backend: 'directpublisher',
  url: 'https://cms.example.be/feed.json',
  loadedAt: LOADED,
  source: 'network',
  titles: 8,
  shown: 8,
  problems: [],
  ...change,
})

const model = (change: Partial<CatalogueDiagnostics> = {}, warnShare = 0.2) =>
  diagnosticsModel(record(change), { warnShare, t: fakeTranslate, zone: BOX })

describe('skippedByReason', () => {
  it('counts skipped items by reason, largest first, ties in SKIP_REASONS order', () => {
    const groups = skippedByReason([
      ...skipped('missing-field', 'a', 'b'),
      ...skipped('no-playable-video', 'c', 'd', 'e'),
      ...skipped('duplicate-id', 'f', 'g'),
    ])
    expect(groups.map((group) => [group.reason, group.count, group.ids])).toEqual([
      ['no-playable-video', 3, ['c', 'd', 'e']],
      ['missing-field', 2, ['a', 'b']],
      ['duplicate-id', 2, ['f', 'g']],
    ])
  })

  it('leaves out problems that are not skipped items, and groups items without a reason as other', () => {
    const pageFailed: CatalogueProblem = {
      severity: 'recoverable',
      category: 'network',
      code: CatalogueErrorCode.PAGE_FAILED,
      backend: 'http',
      itemId: 'rail-1',
      message: 'further page not loaded',
    }
    const noReason: CatalogueProblem = {
      severity: 'recoverable',
      category: 'item',
      code: CatalogueErrorCode.ITEM_INVALID,
      backend: 'http',
      itemId: 'old',
      message: 'year: expected a number',
    }
    expect(skippedByReason([pageFailed, noReason])).toEqual([
      { reason: 'other', count: 1, ids: ['old'], firstMessage: 'year: expected a number' },
    ])
  })
})

describe('diagnosticsModel', () => {
  it('says where the catalogue comes from, when it loaded and from where', () => {
    const { date, time } = offlineTimeParts(LOADED, BOX)
    const lines = model().lines.map((line) => line.text)
    expect(lines).toContain('diagnostics.backend{"backend":"directpublisher"}')
    expect(lines).toContain('diagnostics.url{"url":"https://cms.example.be/feed.json"}')
    expect(lines).toContain(
      `diagnostics.loaded{"date":"${date}","time":"${time}","source":"diagnostics.source.network"}`,
    )
    expect(lines).toContain('diagnostics.titles{"shown":8,"count":8}')
    expect(lines).toContain('diagnostics.noError')
  })

  it('names the device copy and its age when the catalogue came from the cache', () => {
    const cachedAt = LOADED - 3 * 3_600_000
    const { date, time } = offlineTimeParts(cachedAt, BOX)
    const loaded = model({ source: 'cache', cachedAt }).lines[2]!.text
    const values = JSON.parse(loaded.slice('diagnostics.loaded'.length)) as { source: string }
    expect(values.source).toBe(`diagnostics.source.cache{"date":"${date}","time":"${time}"}`)
  })

  it('before any load, says so', () => {
    const { loadedAt: _never, ...never } = record()
    const lines = diagnosticsModel(never, { warnShare: 0.2, t: fakeTranslate, zone: BOX }).lines
    expect(lines.map((line) => line.text)).toContain('diagnostics.notLoaded')
  })

  it('lists skipped items by reason with their ids: the first few, then how many more', () => {
    const videoIds = Array.from({ length: 9 }, (_, i) => `MOV-${i + 1}`)
    const result = model({
      titles: 0,
      shown: 0,
      problems: [...skipped('no-playable-video', ...videoIds), ...skipped('missing-field', 'a')],
    })
    expect(result.skipped).toBe(10)
    expect(result.groups).toEqual([
      {
        reason: 'no-playable-video',
        count: 9,
        ids: videoIds.slice(0, MAX_IDS),
        more: 9 - MAX_IDS,
      },
      { reason: 'missing-field', count: 1, ids: ['a'], more: 0 },
    ])
    const items = result.lines.filter((line) => line.kind === 'item').map((line) => line.text)
    expect(items[0]).toBe(
      `diagnostics.group{"reason":"skip.no-playable-video{\\"count\\":9}","ids":"MOV-1, MOV-2, MOV-3, MOV-4 diagnostics.more{\\"count\\":5}"}`,
    )
    // Under each group, what was wrong with its first item: the field to fix.
    expect(items[1]).toBe('  MOV-1 · no-playable-video detail')
    expect(items[2]).toBe(
      'diagnostics.group{"reason":"skip.missing-field{\\"count\\":1}","ids":"a"}',
    )
    expect(items[3]).toBe('  a · missing-field detail')
  })

  it('shows what was wrong with the first item of the three largest groups only', () => {
    const reasons = ['no-playable-video', 'missing-field', 'invalid-field', 'duplicate-id'] as const
    const result = model({ problems: reasons.flatMap((reason) => skipped(reason, `id-${reason}`)) })
    const examples = result.lines.filter((line) => line.text.startsWith('  '))
    expect(examples).toHaveLength(3)
  })

  it('clips long ids, URLs and error messages so each line stays on screen', () => {
    const longId = `item-${'x'.repeat(300)}`
    const result = model({
      url: `https://cms.example.be/${'p/'.repeat(200)}feed.json`,
      problems: skipped('invalid-field', longId),
      lastError: { code: 1002, message: 'm'.repeat(500), at: LOADED },
    })
    const id = result.groups[0]!.ids[0]!
    expect(id).toHaveLength(ID_CHARS)
    expect(id.endsWith('…')).toBe(true)
    expect(longId.startsWith(id.slice(0, -1))).toBe(true)
    for (const line of result.lines) expect(line.text.length).toBeLessThan(260)
    expect(clip('short', 10)).toBe('short')
    expect(clip('abcdefghij', 5)).toBe('abcd…')
  })

  it('shows the last error with its code and time, as an error line', () => {
    const { date, time } = offlineTimeParts(LOADED, BOX)
    const error = model({ lastError: { code: 1002, message: 'HTTP 503', at: LOADED } }).lines.find(
      (line) => line.kind === 'error',
    )
    expect(error?.text).toBe(
      `diagnostics.lastError{"code":1002,"message":"HTTP 503","date":"${date}","time":"${time}"}`,
    )
  })

  it('lists other problems (a rail page not loaded) apart from skipped items, a few of them', () => {
    const pages: CatalogueProblem[] = Array.from({ length: 5 }, (_, i) => ({
      severity: 'recoverable',
      category: 'network',
      code: CatalogueErrorCode.PAGE_FAILED,
      backend: 'http',
      itemId: `rail-${i}`,
      message: 'further page not loaded: HTTP 500',
    }))
    const result = model({ problems: pages })
    expect(result.skipped).toBe(0)
    const texts = result.lines.map((line) => line.text)
    expect(texts).toContain('diagnostics.otherProblems{"count":5}')
    expect(texts).toContain('1008 · rail-0 · further page not loaded: HTTP 500')
    expect(texts).not.toContain('1008 · rail-3 · further page not loaded: HTTP 500')
    expect(texts).toContain('diagnostics.more{"count":2}')
  })

  it('says which titles shown lost subtitle files or credits, and why, apart from skipped items', () => {
    const problems = [
      ...skipped('no-playable-video', 'gone'),
      ...partsLeftOut('mrss', [
        {
          itemId: 'film-1',
          parts: [
            { reason: 'subtitle-format', detail: 'fr.ass' },
            { reason: 'subtitle-format', detail: 'nl.ssa' },
            { reason: 'credit-role', detail: 'Editor: Ed Monteur' },
          ],
        },
        {
          itemId: 'film-2',
          parts: [{ reason: 'subtitle-language', detail: 'x.vtt (no language)' }],
        },
        { itemId: 'film-3', parts: [{ reason: 'subtitle-format', detail: 'de.scc' }] },
      ]),
    ]
    const result = model({ problems })
    // Titles shown are not skipped: the count and the groups are the skipped item's alone.
    expect(result.skipped).toBe(1)
    expect(result.groups.map((group) => group.reason)).toEqual(['no-playable-video'])
    const lines = result.lines.map((line) => [line.kind, line.text])
    expect(lines).toEqual(
      expect.arrayContaining([
        ['warning', 'diagnostics.leftOut.subtitle-format{"count":3,"ids":"film-1, film-3"}'],
        ['item', '  film-1 · fr.ass'],
        ['warning', 'diagnostics.leftOut.subtitle-language{"count":1,"ids":"film-2"}'],
        ['item', '  film-2 · x.vtt (no language)'],
        ['field', 'diagnostics.leftOut.credit-role{"count":1,"ids":"film-1"}'],
        ['item', '  film-1 · Editor: Ed Monteur'],
      ]),
    )
    expect(lines.some(([, text]) => text!.startsWith('diagnostics.otherProblems'))).toBe(false)
  })

  it('lists titles held back by their availability window with their ids', () => {
    const result = model({ notOffered: { expired: ['old-1', 'old-2'], upcoming: ['soon'] } })
    expect(result.groups).toEqual([
      { reason: 'expired', count: 2, ids: ['old-1', 'old-2'], more: 0 },
      { reason: 'upcoming', count: 1, ids: ['soon'], more: 0 },
    ])
  })

  describe('the warning line', () => {
    it('appears when the share of skipped items exceeds the threshold', () => {
      // 3 skipped of 10 items: 30 % > 20 %.
      const result = model({ titles: 7, problems: skipped('missing-field', 'a', 'b', 'c') })
      expect(result.skippedShare).toBeCloseTo(0.3)
      expect(result.warning).toBe('diagnostics.warning{"percent":30,"threshold":20}')
      expect(result.lines.at(-1)).toEqual({ kind: 'warning', text: result.warning })
    })

    it('does not appear at or below the threshold', () => {
      // 2 of 10: exactly 20 %.
      const result = model({ titles: 8, problems: skipped('missing-field', 'a', 'b') })
      expect(result.warning).toBe('')
      expect(result.lines.some((line) => line.kind === 'warning')).toBe(false)
    })

    it('follows the configured threshold', () => {
      const problems = skipped('missing-field', 'a')
      expect(model({ titles: 99, problems }, 0).warning).not.toBe('')
      expect(model({ titles: 0, problems }, 1).warning).toBe('')
    })

    it('does not appear for an empty feed (nothing skipped, nothing loaded)', () => {
      expect(model({ titles: 0, shown: 0 }).warning).toBe('')
    })
  })
})

describe('storage lines', () => {
  const healthy = { failedWrites: 0, lastFailure: null, reclaimed: [], usedChars: 1_834_000 }

  it('says how much the app keeps, and nothing alarming while writes succeed', () => {
    const lines = diagnosticsModel(record(), {
      warnShare: 0.2,
      zone: BOX,
      t: fakeTranslate,
      storage: healthy,
    }).lines.slice(-1)
    expect(lines).toEqual([{ kind: 'field', text: 'diagnostics.storage{"kilo":1834}' }])
  })

  it('says when the quota is full: copies removed, and the writes lost with the last one', () => {
    const at = Date.UTC(2026, 11, 2, 11, 3)
    const lines = storageLines(
      {
        failedWrites: 3,
        lastFailure: { key: 'profile:abc:progress', at, message: 'QuotaExceededError' },
        reclaimed: ['catalogue.lastGood.http.http://old/'],
        usedChars: null,
      },
      fakeTranslate,
      BOX,
    )
    expect(lines.map((line) => line.kind)).toEqual(['warning', 'error'])
    expect(lines[0]!.text).toBe('diagnostics.storageReclaimed{"count":1}')
    expect(lines[1]!.text).toBe(
      `diagnostics.storageFull${JSON.stringify({ count: 3, key: 'profile:abc:progress', ...offlineTimeParts(at, BOX) })}`,
    )
  })
})

describe('the lite mode line', () => {
  it('tells the operator whether this box draws less, and why', () => {
    const lines = diagnosticsModel(record({}), {
      warnShare: 0.2,
      zone: BOX,
      t: fakeTranslate,
      render: { lite: true, reason: 'device-memory' },
    }).lines
    expect(lines.map((line) => line.text)).toContain(
      'diagnostics.lite{"state":"diagnostics.lite.on","reason":"diagnostics.lite.device-memory"}',
    )
  })
})

describe('live channel lines', () => {
  it('count the channels kept, and name the first skipped one with why, as a warning', () => {
    const problems = ['arte-be', 'channel #4'].map((itemId) => ({
      ...skippedItem('http', itemId, 'invalid-field', 'number: expected number'),
    }))
    const lines = diagnosticsModel(record({ live: { channels: 5, problems } }), {
      warnShare: 0.2,
      zone: BOX,
      t: fakeTranslate,
    }).lines
    const live = lines.slice(lines.findIndex((line) => line.text.startsWith('diagnostics.live')))
    expect(live.slice(0, 2)).toEqual([
      { kind: 'field', text: 'diagnostics.live{"count":5}' },
      {
        kind: 'warning',
        text: 'diagnostics.liveSkipped{"count":2,"itemId":"arte-be","message":"number: expected number"}',
      },
    ])
  })

  it('say nothing before the channel list was read, and no warning when none was skipped', () => {
    const text = (diagnostics: ReturnType<typeof record>) =>
      diagnosticsModel(diagnostics, { warnShare: 0.2, t: fakeTranslate, zone: BOX }).lines.map(
        (l) => l.text,
      )
    expect(text(record()).some((line) => line.startsWith('diagnostics.live'))).toBe(false)
    expect(liveLines({ channels: 3, problems: [] }, fakeTranslate)).toEqual([
      { kind: 'field', text: 'diagnostics.live{"count":3}' },
    ])
  })
})

describe('guide lines', () => {
  const health = {
    source: 'xmltv',
    url: 'https://epg.example.be/tv.xml',
    programmes: 0,
    channels: 0,
    skipped: 0,
  }

  it("names the guide's source and says it has not loaded before the guide is opened", () => {
    const lines = diagnosticsModel(record(), {
      warnShare: 0.2,
      zone: BOX,
      t: fakeTranslate,
      guide: health,
    }).lines
    expect(lines.map((line) => line.text)).toEqual(
      expect.arrayContaining([
        'diagnostics.guide{"source":"xmltv","url":"https://epg.example.be/tv.xml"}',
        'diagnostics.guideNotLoaded',
      ]),
    )
  })

  it('says what the last fetch brought, what was skipped and the last error', () => {
    const at = Date.UTC(2026, 11, 5, 20)
    const lines = guideLines(
      {
        ...health,
        loadedAt: at,
        programmes: 96,
        channels: 4,
        skipped: 3,
        firstSkipped: { itemId: 'la1@20:00', message: 'ends before it starts' },
        lastError: { code: 'TypeError', message: 'Failed to fetch', at },
      },
      fakeTranslate,
      BOX,
    )
    expect(lines.map((line) => line.kind)).toEqual(['field', 'field', 'warning', 'error'])
    expect(lines[1]!.text).toBe(
      `diagnostics.guideLoaded${JSON.stringify({ ...offlineTimeParts(at, BOX), programmes: 96, channels: 4 })}`,
    )
    expect(lines[2]!.text).toBe(
      'diagnostics.guideSkipped{"count":3,"itemId":"la1@20:00","message":"ends before it starts"}',
    )
    expect(lines[3]!.text).toBe(
      `diagnostics.guideError${JSON.stringify({ code: 'TypeError', message: 'Failed to fetch', ...offlineTimeParts(at, BOX) })}`,
    )
  })

  it('says why a programme found no place in the schedule in words, not the log’s English', () => {
    const lines = guideLines(
      {
        ...health,
        loadedAt: LOADED,
        skipped: 2,
        firstSkipped: {
          itemId: 'la1@20:00',
          message: 'starts at the same time as another programme of its channel',
          placement: 'same-start',
        },
      },
      fakeTranslate,
      BOX,
    )
    expect(lines.at(-1)).toEqual({
      kind: 'warning',
      text: 'diagnostics.guideSkipped{"count":2,"itemId":"la1@20:00","message":"diagnostics.guidePlacement.same-start"}',
    })
  })

  describe('what the export covers', () => {
    const now = Date.UTC(2026, 11, 5, 20)
    const covered = (coverage: { lastEnd?: number; unmatched?: string[]; unfed?: string[] }) =>
      guideLines(
        {
          ...health,
          loadedAt: now,
          coverage: { unmatched: [], unfed: [], ...coverage },
        },
        fakeTranslate,
        BOX,
        { now, language: 'fr' },
      ).slice(2)

    it('says an export whose programmes have all ended is out of date, when, and what to do', () => {
      const lastEnd = Date.UTC(2025, 10, 26, 5)
      expect(covered({ lastEnd })).toEqual([
        {
          kind: 'warning',
          text: `diagnostics.guideStale${JSON.stringify({ date: 'mer. 26 nov. 2025', time: clockText(BOX, lastEnd) })}`,
        },
        { kind: 'item', text: 'diagnostics.guideStaleHelp' },
      ])
      // The date in the UI language.
      const dutch = guideLines(
        { ...health, loadedAt: now, coverage: { lastEnd, unmatched: [], unfed: [] } },
        fakeTranslate,
        BOX,
        { now, language: 'nl' },
      )
      expect(dutch[2]!.text).toContain('"date":"wo 26 nov. 2025"')
      // Still on air, or no clock to judge by: not out of date.
      expect(covered({ lastEnd: now + 60_000 })).toEqual([])
      expect(
        guideLines(
          { ...health, coverage: { lastEnd, unmatched: [], unfed: [] } },
          fakeTranslate,
          BOX,
        ),
      ).toHaveLength(2)
    })

    it('says a file without a single programme is empty', () => {
      expect(covered({})).toEqual([{ kind: 'warning', text: 'diagnostics.guideFileEmpty' }])
    })

    it("lists the export's channels that match none of the app, the first few, the rest counted", () => {
      const ids = ['bbc1.uk', 'tf1.fr', 'arte.fr', 'rai1.it', 'zdf.de', `${'x'.repeat(40)}.be`]
      expect(covered({ lastEnd: now + 1, unmatched: ids })).toEqual([
        {
          kind: 'field',
          text: `diagnostics.guideUnmatched${JSON.stringify({
            count: 6,
            ids: 'bbc1.uk, tf1.fr, arte.fr, rai1.it diagnostics.more{"count":2}',
          })}`,
        },
      ])
      const long = covered({ lastEnd: now + 1, unmatched: ids.slice(5) })[0]!.text
      expect(long).toContain(`${'x'.repeat(ID_CHARS - 1)}…`)
    })

    it("warns of the app's channels without programmes, and points to the channel map", () => {
      expect(covered({ lastEnd: now + 1, unmatched: ['laune.be'], unfed: ['la-une'] })).toEqual([
        {
          kind: 'warning',
          text: 'diagnostics.guideUnfed{"count":1,"ids":"la-une"}',
        },
        {
          kind: 'warning',
          text: 'diagnostics.guideUnmatched{"count":1,"ids":"laune.be"}',
        },
        { kind: 'item', text: 'diagnostics.guideChannelMapHelp' },
      ])
    })

    it('reaches the page through the model, with its clock and language', () => {
      const lastEnd = Date.UTC(2025, 10, 26, 5)
      const lines = diagnosticsModel(record(), {
        warnShare: 0.2,
        zone: BOX,
        t: fakeTranslate,
        guide: { ...health, loadedAt: now, coverage: { lastEnd, unmatched: [], unfed: [] } },
        now,
        language: 'en',
      }).lines
      expect(lines.map((line) => line.text)).toContain(
        `diagnostics.guideStale${JSON.stringify({ date: 'Wed 26 Nov 2025', time: clockText(BOX, lastEnd) })}`,
      )
    })
  })

  it('says since when the guide has left tunes unanswered', () => {
    const at = Date.UTC(2026, 11, 5, 20)
    const lines = guideLines({ ...health, unansweredSince: at }, fakeTranslate, BOX)
    expect(lines.at(-1)).toEqual({
      kind: 'warning',
      text: `diagnostics.guideUnanswered${JSON.stringify(offlineTimeParts(at, BOX))}`,
    })
  })

  it('says "none" for a guide without a URL of its own (the catalogue backend’s guide)', () => {
    const lines = guideLines({ ...health, source: 'catalogue', url: '' }, fakeTranslate, BOX)
    expect(lines[0]!.text).toBe('diagnostics.guide{"source":"catalogue","url":"diagnostics.none"}')
  })
})
