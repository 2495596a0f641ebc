import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import type { Programme } from '../../../src/guide/contract'
import {
  initialGuideHealth,
  recordGuideEvent,
  type GuideHealth,
} from '../../../src/guide/guideHealth'
import { skipped } from '../../../src/guide/wire'

const AT = Date.UTC(2026, 11, 5, 20)

const programme = (channelId: string, start: number): Programme => ({
  id: `${channelId}-${start}`,
  channelId,
  start,
  end: start + 1_800_000,
  title: { fr: 'JT' },
  classification: { minimumAge: 0 } as Programme['classification'],
  restart: false,
  replay: false,
})

describe('recordGuideEvent', () => {
  const start = (): GuideHealth => initialGuideHealth('xmltv', 'https://epg.example.be/tv.xml')

  it('records when a day was fetched, with its programmes and channels', () => {
    const health = recordGuideEvent(start(), {
      kind: 'loaded',
      load: {
        programmes: [programme('la1', AT), programme('la1', AT + 1), programme('een', AT)],
        problems: [],
      },
      fresh: [],
      at: AT,
    })
    expect(health).toMatchObject({ loadedAt: AT, programmes: 3, channels: 2, skipped: 0 })
    expect(health.firstSkipped).toBeUndefined()
  })

  it('counts the problems no earlier fetch reported, and names the first', () => {
    const overlap = skipped('xmltv', 'la1@20:00', 'overlaps the programme before it')
    const backwards = skipped('xmltv', 'een@21:00', 'ends before it starts')
    let health = start()
    // What GuideCache says of three fetches: each day's problems, the new ones among them.
    for (const [problems, fresh] of [
      [[overlap], [overlap]],
      [[overlap, backwards], [backwards]],
      [[backwards], []],
    ]) {
      health = recordGuideEvent(health, {
        kind: 'loaded',
        load: { programmes: [], problems: problems! },
        fresh: fresh!,
        at: AT,
      })
    }
    expect(health.skipped).toBe(2)
    expect(health.firstSkipped).toEqual({
      itemId: 'la1@20:00',
      message: 'overlaps the programme before it',
    })
  })

  it('keeps why the first skipped programme found no place, for the page to say in words', () => {
    const twice = skipped('xmltv', 'la1@20:00', 'starts at the same time', 'same-start')
    const health = recordGuideEvent(start(), {
      kind: 'loaded',
      load: { programmes: [], problems: [twice] },
      fresh: [twice],
      at: AT,
    })
    expect(health.firstSkipped).toEqual({
      itemId: 'la1@20:00',
      message: 'starts at the same time',
      placement: 'same-start',
    })
  })

  it("keeps what the last fetch's export covers, and none once a source says nothing of it", () => {
    const coverage = { lastEnd: AT - 1, unmatched: ['bbc1.uk'], unfed: ['la1'] }
    const covered = recordGuideEvent(start(), {
      kind: 'loaded',
      load: { programmes: [], problems: [], coverage },
      fresh: [],
      at: AT,
    })
    expect(covered.coverage).toEqual(coverage)
    const next = recordGuideEvent(covered, {
      kind: 'loaded',
      load: { programmes: [], problems: [] },
      fresh: [],
      at: AT,
    })
    expect(next).toHaveProperty('coverage', undefined)
  })

  it('keeps the last failure with its code, and the last good load beside it', () => {
    const loaded = recordGuideEvent(start(), {
      kind: 'loaded',
      load: { programmes: [programme('la1', AT)], problems: [] },
      fresh: [],
      at: AT,
    })
    const failure = new CatalogueError({
      severity: 'critical',
      category: 'format',
      code: CatalogueErrorCode.NOT_XML,
      backend: 'xmltv',
      message: 'https://epg.example.be/tv.xml: not XML',
    })
    const health = recordGuideEvent(loaded, { kind: 'failed', error: failure, at: AT + 60_000 })
    expect(health.lastError).toEqual({
      code: CatalogueErrorCode.NOT_XML,
      message: 'https://epg.example.be/tv.xml: not XML',
      at: AT + 60_000,
    })
    expect(health.loadedAt).toBe(AT)
    const plain = recordGuideEvent(health, {
      kind: 'failed',
      error: new TypeError('Failed to fetch'),
      at: AT,
    })
    expect(plain.lastError).toMatchObject({ code: 'TypeError', message: 'Failed to fetch' })
  })

  it('does not count a fetch given up on (the guide closed) as a failure', () => {
    const abort = new Error('guide request aborted')
    abort.name = 'AbortError'
    const aborted = new CatalogueError({
      severity: 'recoverable',
      category: 'network',
      code: CatalogueErrorCode.ABORTED,
      backend: 'http',
      message: 'aborted',
    })
    let health = start()
    for (const error of [abort, aborted]) {
      health = recordGuideEvent(health, { kind: 'failed', error, at: AT })
    }
    expect(health.lastError).toBeUndefined()
  })
})
