import { GuideCache } from '../../../src/app/guideCache'
import type { CatalogueBackend } from '../../../src/catalogue/backend'
import { httpBackend } from '../../../src/catalogue/httpBackend'
import { BackendRegistry } from '../../../src/catalogue/registry'
import { createGuideSource } from '../../../src/guide/sources'
import { parseGuideDocument } from '../../../src/guide/wire'
import type { Zoneless } from '../../../src/guide/zone'
import { routeFetch } from '../catalogue/httpFakes'

const HOUR = 3_600_000

describe('the catalogue guide source', () => {
  /**
   * A JSON guide server with programmes of required fields only, answering as the reference
   * server does: without an end, a programme meets the window asked when it starts in it.
   */
  function serverBackend(programmes: { channel: string; start: number; title: string }[]) {
    const backend: CatalogueBackend = {
      name: 'fake',
      load: () => Promise.reject(new Error('not used')),
      guide(channelIds, from, to) {
        const document = {
          version: 1,
          programmes: programmes
            .filter((p) => p.start >= from && p.start < to)
            .map((p) => ({ ...p, start: new Date(p.start).toISOString() })),
        }
        return Promise.resolve(parseGuideDocument(document, 'fake', 'guide', channelIds, from, to))
      },
      dispose: () => undefined,
    }
    const backends = new BackendRegistry()
    backends.register('fake', () => backend)
    const source = createGuideSource(
      { source: 'catalogue', url: '' },
      {
        fetch: jest.fn() as unknown as typeof fetch,
        log: () => undefined,
        asset: (path) => path,
        baseUrl: 'http://box.local/',
        catalogue: { backend: 'fake', url: '' },
        catalogueBackends: backends,
        xmlParser: () => new DOMParser(),
      },
    )
    return { source }
  }

  test('a programme without an end ends at the next one even when that one is in the next day', async () => {
    const first = Date.UTC(2026, 11, 4, 0, 30)
    const starts = Array.from({ length: 72 }, (_, hour) => first + hour * HOUR)
    const { source } = serverBackend(
      starts.map((start, i) => ({ channel: 'la-une', start, title: `P${i}` })),
    )
    const cache = new GuideCache(() => source)
    const from = Date.UTC(2026, 11, 5, 0, 30)
    const load = await cache.guide(['la-une'], from, from + 36 * HOUR, new AbortController().signal)
    const shown = load.programmes
    expect(load.problems).toEqual([])
    // Every hour of the window, each ending where the next starts: nothing hidden, no overlap.
    expect(shown.map((p) => p.start)).toEqual(
      starts.filter((start) => start + HOUR > from && start < from + 36 * HOUR),
    )
    shown.forEach((p) => expect(p.end).toBe(p.start + HOUR))
    source.dispose()
  })

  test("the evening's last programme seen alone ends where the next day's first starts", async () => {
    const at = (day: number, hour: number, minute = 0) =>
      new Date(2026, 11, day, hour, minute).getTime()
    const { source } = serverBackend([
      { channel: 'la-une', start: at(5, 21), title: 'Soir' },
      { channel: 'la-une', start: at(5, 23, 30), title: 'Film' },
      { channel: 'la-une', start: at(6, 0, 45), title: 'Nuit' },
    ])
    const cache = new GuideCache(() => source)
    // 23:45: only today is asked, and its last programme has no end of its own.
    const now = await cache.guide(
      ['la-une'],
      at(5, 23, 45),
      at(5, 23, 50),
      new AbortController().signal,
    )
    expect(now.programmes.map((p) => [p.title.fr, p.end])).toEqual([['Film', at(6, 0, 45)]])
    source.dispose()
  })

  test("only a channel's last known programme keeps the open end, whichever day is asked first", async () => {
    const start = Date.UTC(2026, 11, 5, 22, 30)
    const { source } = serverBackend([
      { channel: 'la-une', start, title: 'Avant' },
      { channel: 'la-une', start: start + HOUR, title: 'Minuit' },
      { channel: 'la-une', start: start + 2 * HOUR, title: 'Dernier' },
    ])
    const cache = new GuideCache(() => source)
    const day = Date.UTC(2026, 11, 5)
    const signal = new AbortController().signal
    await cache.guide(['la-une'], day + 24 * HOUR, day + 48 * HOUR, signal)
    const both = await cache.guide(['la-une'], day, day + 48 * HOUR, signal)
    expect(both.programmes.map((p) => [p.title.fr, p.end])).toEqual([
      ['Avant', start + HOUR],
      ['Minuit', start + 2 * HOUR],
      ['Dernier', start + 5 * HOUR],
    ])
    // Each day's answer is kept as it came: the cut is made where the days meet.
    const today = await source.guide(['la-une'], day, day + 24 * HOUR, { signal })
    expect(today.programmes.map((p) => [p.title.fr, p.end, p.openEnd])).toEqual([
      ['Avant', start + HOUR, undefined],
      ['Minuit', start + 4 * HOUR, true],
    ])
    source.dispose()
  })
})

describe('the catalogue guide source over the HTTP backend', () => {
  const guideAt = async (zoneless?: Zoneless) => {
    const { fetchFn } = routeFetch({
      'channels=la-une': {
        body: {
          version: 1,
          programmes: [
            { channel: 'la-une', start: '05-12-2026 21:30', end: '05-12-2026 23:15', title: 'Un' },
            { channel: 'la-une', start: '05-12-2026 23:15', title: 'Film' },
            { channel: 'la-une', start: '2026-12-06T00:45', title: 'Nuit' },
          ],
        },
      },
    })
    const backends = new BackendRegistry()
    backends.register('http', httpBackend)
    const source = createGuideSource(
      { source: 'catalogue', url: '', ...(zoneless ? { zoneless } : {}) },
      {
        fetch: fetchFn,
        log: () => undefined,
        asset: (path) => path,
        baseUrl: 'http://box.local/',
        catalogue: { backend: 'http', url: 'http://cms.example.be/api/v1', retries: 0 },
        catalogueBackends: backends,
        xmlParser: () => new DOMParser(),
      },
    )
    const day = Date.UTC(2026, 11, 5)
    const load = await source.guide(['la-une'], day, day + 48 * HOUR, {
      signal: new AbortController().signal,
    })
    source.dispose()
    return load.programmes.map((p) => [p.title.fr, new Date(p.start).toISOString()])
  }

  test('day-first times without a zone are Brussels time: 23:15 stays on the evening it airs', async () => {
    const expected = [
      ['Un', '2026-12-05T20:30:00.000Z'],
      ['Film', '2026-12-05T22:15:00.000Z'],
    ]
    expect((await guideAt()).slice(0, 2)).toEqual(expected)
    expect((await guideAt('utc')).slice(0, 2)).toEqual(expected)
  })

  test('guide.zoneless is honoured for ISO 8601 times without a zone, as for XMLTV', async () => {
    expect((await guideAt('utc'))[2]).toEqual(['Nuit', '2026-12-06T00:45:00.000Z'])
    expect((await guideAt('brussels'))[2]).toEqual(['Nuit', '2026-12-05T23:45:00.000Z'])
  })
})
