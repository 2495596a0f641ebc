import type { BackendHost, CatalogueLoad } from '../../../src/catalogue/backend'
import { isNotModified } from '../../../src/catalogue/backend'
import { Catalogue } from '../../../src/catalogue/Catalogue'
import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import { httpBackend } from '../../../src/catalogue/httpBackend'
import { fixtureDocument } from './fixture'
import { routeFetch, type FakeReply } from './httpFakes'
import { MALFORMED_ITEMS } from './malformed'

const BASE = 'http://cms.example.be/api/v1'

function makeHost(routes: Parameters<typeof routeFetch>[0]) {
  const { fetchFn, calls } = routeFetch(routes)
  const logs: string[] = []
  const host: BackendHost = {
    settings: { backend: 'http', url: BASE, timeoutMs: 1000, retries: 0 },
    fetch: fetchFn,
    asset: (path) => `/static/${path}`,
    baseUrl: 'http://box.local/',
    log: (message) => logs.push(message),
  }
  return { host, calls, logs }
}

const signal = () => new AbortController().signal
const items = () => fixtureDocument().titles

async function load(host: BackendHost): Promise<CatalogueLoad> {
  const result = await httpBackend(host).load({ signal: signal() })
  if (isNotModified(result)) throw new Error('unexpected 304')
  return result
}

const home = (body: unknown, headers: Record<string, string> = {}): FakeReply => ({ body, headers })

describe('httpBackend', () => {
  test('loads the layout from <url>/home: rails with names, item ids and cursors', async () => {
    const [rosetta, laTreve, rundskop] = items()
    const { host, calls } = makeHost({
      '/home': home(
        {
          version: 1,
          rails: [
            {
              id: 'new',
              name: { fr: 'Nouveautés', nl: 'Nieuw' },
              items: [rosetta, laTreve],
              next: '2',
            },
            { id: 'picks', name: { en: 'Picks' }, items: [laTreve, rundskop], next: null },
          ],
        },
        { ETag: '"rev-1"', 'Last-Modified': 'Sun, 22 Nov 2026 05:00:00 GMT' },
      ),
    })
    const loaded = await load(host)
    expect(calls[0]?.url).toBe(`${BASE}/home`)
    expect(loaded.titles.map((t) => t.id)).toEqual(['rosetta', 'la-treve', 'rundskop'])
    expect(loaded.layout).toEqual([
      {
        id: 'new',
        name: { fr: 'Nouveautés', nl: 'Nieuw' },
        itemIds: ['rosetta', 'la-treve'],
        next: '2',
      },
      { id: 'picks', name: { en: 'Picks' }, itemIds: ['la-treve', 'rundskop'], next: null },
    ])
    expect(loaded.revision).toEqual({
      etag: '"rev-1"',
      lastModified: 'Sun, 22 Nov 2026 05:00:00 GMT',
    })
    expect(loaded.problems).toEqual([])
  })

  test('what real backends send beside the contract is read and logged once: fields of their own, nulls, "1", no next', async () => {
    const [rosetta, laTreve] = items()
    const { host, logs } = makeHost({
      '/home': home({
        version: '1',
        generatedAt: '2026-12-05T00:00:00Z',
        rails: [
          {
            id: 'new',
            name: { fr: 'Nouveautés' },
            items: [
              { ...(rosetta as object), externalId: 'cms-1', year: '2019', genreLabels: null },
              { ...(laTreve as object), updatedAt: 'yesterday' },
            ],
            tracking: { list: 7 },
          },
          { id: 'last', name: { fr: 'Fin' }, items: [rosetta], next: '' },
        ],
      }),
    })
    const loaded = await load(host)
    expect(loaded.problems).toEqual([])
    expect(loaded.layout).toEqual([
      { id: 'new', name: { fr: 'Nouveautés' }, itemIds: ['rosetta', 'la-treve'], next: null },
      { id: 'last', name: { fr: 'Fin' }, itemIds: ['rosetta'], next: null },
    ])
    expect(loaded.titles.find((t) => t.id === 'rosetta')?.year).toBe(2019)
    expect(logs).toEqual([
      expect.stringMatching(
        /^catalogue\[http\]: read beside the contract: rosetta: .*ignored externalId.* \(and 1 more\)$/,
      ),
    ])
  })

  test('a second rail with an id already used is reported, not shown, and its items kept elsewhere', async () => {
    const [rosetta, laTreve] = items()
    const { host } = makeHost({
      '/home': home({
        version: 1,
        rails: [
          { id: 'new', name: { fr: 'Nouveautés' }, items: [rosetta], next: null },
          { id: 'new', name: { fr: 'Encore' }, items: [laTreve], next: null },
        ],
      }),
    })
    const loaded = await load(host)
    expect(loaded.layout?.map((rail) => rail.id)).toEqual(['new'])
    expect(loaded.titles.map((title) => title.id)).toEqual(['rosetta', 'la-treve'])
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        itemId: 'new',
        message: 'rail #1: id "new" is already used by an earlier rail; not shown',
      }),
    ])
  })

  test('a rail that cannot be shown (a blank id) still gives its titles', async () => {
    const [rosetta, laTreve] = items()
    const { host } = makeHost({
      '/home': home({
        version: 1,
        rails: [
          { id: 'new', name: { fr: 'Nouveautés' }, items: [rosetta], next: null },
          { id: ' ', name: { fr: 'Mélange' }, items: [laTreve], next: null },
        ],
      }),
    })
    const loaded = await load(host)
    expect(loaded.layout?.map((rail) => rail.id)).toEqual(['new'])
    expect(loaded.titles.map((title) => title.id)).toEqual(['rosetta', 'la-treve'])
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        itemId: 'rail #1',
        message: expect.stringMatching(/^rail id: /),
      }),
    ])
  })

  test("rail ids are the CMS's own keys, shown and paged as written (Top_10, a space, a number)", async () => {
    const [rosetta, laTreve, third] = items()
    const { host, calls } = makeHost({
      '/home': home({
        version: 1,
        rails: [
          { id: 'Top_10', name: { fr: 'Top 10' }, items: [rosetta], next: 'p2' },
          { id: 'Films belges', name: { fr: 'Films belges' }, items: [laTreve], next: null },
          { id: 42, name: { fr: 'Séries' }, items: [third], next: null },
        ],
      }),
      '/rails/Top_10?cursor=p2': { body: { items: [items()[3]], next: null } },
    })
    const loaded = await load(host)
    expect(loaded.layout?.map((rail) => rail.id)).toEqual(['Top_10', 'Films belges', '42'])
    expect(loaded.problems.filter((p) => p.severity !== 'recoverable' || p.itemId)).toEqual([])
    const page = await httpBackend(host).railPage!('Top_10', 'p2', { signal: signal() })
    expect(page.titles.map((t) => t.id)).toEqual(['dikkenek'])
    expect(calls.at(-1)?.url).toBe(`${BASE}/rails/Top_10?cursor=p2`)
  })

  test("a relative API URL is the operator's server beside the app", async () => {
    const { fetchFn, calls } = routeFetch({
      '/home': home({ version: 1, titles: { items: [items()[0]], next: null } }),
    })
    const host: BackendHost = {
      settings: { backend: 'http', url: 'api', timeoutMs: 1000, retries: 0 },
      fetch: fetchFn,
      asset: (path) => `/static/${path}`,
      baseUrl: 'http://box.local/app/index.html',
      log: () => undefined,
    }
    const [rosetta] = (await load(host)).titles
    expect(calls[0]?.url).toBe('http://box.local/app/api/home')
    expect(rosetta?.artwork.poster).toMatch(/^http:\/\/box\.local\/app\/api\//)
  })

  test('relative artwork and stream URLs resolve against the API, not the app', async () => {
    const { host } = makeHost({
      '/home': home({ version: 1, titles: { items: [items()[0]], next: null } }),
    })
    const [rosetta] = (await load(host)).titles
    expect(rosetta?.artwork.poster).toBe(
      'http://cms.example.be/api/v1/static/artwork/posters/rosetta.jpg',
    )
  })

  test("a title's relative VMAP resolves against the API like its streams, an episode's too", async () => {
    const film = items().find((title) => title.kind === 'film')!
    const series = items().find((title) => title.kind === 'series') as {
      seasons: { episodes: object[] }[]
    }
    const withVmap = (title: object) => ({
      ...title,
      ads: { vmap: '../ads/vmap?cb=[CACHEBUSTING]' },
    })
    const seriesWithVmap = {
      ...series,
      seasons: series.seasons.map((season) => ({
        ...season,
        episodes: season.episodes.map(withVmap),
      })),
    }
    const { host } = makeHost({
      '/home': home({
        version: 1,
        titles: { items: [withVmap(film), seriesWithVmap], next: null },
      }),
    })
    const [loadedFilm, loadedSeries] = (await load(host)).titles
    const vmap = 'http://cms.example.be/api/ads/vmap?cb=[CACHEBUSTING]'
    expect(loadedFilm?.kind === 'film' && loadedFilm.ads?.vmap).toBe(vmap)
    expect(loadedSeries?.kind === 'series' && loadedSeries.seasons[0]?.episodes[0]?.ads?.vmap).toBe(
      vmap,
    )
  })

  test('relative URLs in a rail page resolve against the API base too, not the page URL', async () => {
    const { host } = makeHost({
      '/rails/new?cursor=5': { body: { items: [items()[0]], next: null } },
    })
    const page = await httpBackend(host).railPage!('new', '5', { signal: signal() })
    expect(page.titles[0]?.artwork.poster).toBe(
      'http://cms.example.be/api/v1/static/artwork/posters/rosetta.jpg',
    )
  })

  test('without rails, the home is a page of titles and the app derives rails', async () => {
    const { host } = makeHost({
      '/home': home({ version: 1, titles: { items: items(), next: '5' } }),
    })
    const loaded = await load(host)
    expect(loaded.layout).toBeUndefined()
    expect(loaded.titlesNext).toBe('5')
    expect(new Catalogue(loaded.titles, loaded.problems).rails.length).toBeGreaterThan(0)
  })

  test('an empty "rails" beside the titles (no layout published yet) is a page of titles; a cursor written as a number is read', async () => {
    const { host } = makeHost({
      '/home': home({ version: 1, rails: [], titles: { items: items(), next: 5 } }),
    })
    const loaded = await load(host)
    expect(loaded.layout).toBeUndefined()
    expect(loaded.titles).toHaveLength(items().length)
    expect(loaded.titlesNext).toBe('5')
  })

  test('railPage and titlesPage fetch the next page with the cursor', async () => {
    const { host, calls } = makeHost({
      '/rails/new?cursor=abc%3D': { body: { items: [items()[3]], next: null } },
      '/titles?cursor=50': { body: { items: [items()[4]], next: '100' } },
    })
    const backend = httpBackend(host)
    const rail = await backend.railPage!('new', 'abc=', { signal: signal() })
    expect(rail.titles.map((t) => t.id)).toEqual(['dikkenek'])
    expect(rail.next).toBeNull()
    const page = await backend.titlesPage!('50', { signal: signal() })
    expect(page).toMatchObject({ next: '100', problems: [] })
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/rails/new?cursor=abc%3D`,
      `${BASE}/titles?cursor=50`,
    ])
  })

  test('item fetches one title by id', async () => {
    const { host } = makeHost({ '/titles/amelie': { body: items()[4] } })
    expect((await httpBackend(host).item!('amelie', { signal: signal() }))?.id).toBe('amelie')
  })

  test('item: 404 or 410 is "no such title"; a 5xx is an outage and rejects with its status', async () => {
    const { host } = makeHost({
      '/titles/gone': { status: 410, body: { error: 'withdrawn' } },
      '/titles/broken': { status: 503, body: { error: 'maintenance' } },
    })
    const backend = httpBackend(host)
    expect(await backend.item!('unknown', { signal: signal() })).toBeUndefined()
    expect(await backend.item!('gone', { signal: signal() })).toBeUndefined()
    await expect(backend.item!('broken', { signal: signal() })).rejects.toMatchObject({
      problem: { code: CatalogueErrorCode.HTTP_STATUS, status: 503 },
    })
  })

  test.each(MALFORMED_ITEMS)(
    'a malformed item ($kind) is skipped, reported with backend, id and reason, and logged; the rest of its rail shows',
    async ({ item, reportedId, reason }) => {
      const [rosetta, laTreve] = items()
      const { host, logs } = makeHost({
        '/home': home({
          version: 1,
          rails: [
            { id: 'new', name: { fr: 'Nouveautés' }, items: [rosetta, item, laTreve], next: null },
          ],
        }),
      })
      const loaded = await load(host)
      expect(loaded.layout?.[0]?.itemIds).toEqual(['rosetta', 'la-treve'])
      expect(loaded.problems).toHaveLength(1)
      const [problem] = loaded.problems
      expect(problem).toMatchObject({
        severity: 'recoverable',
        category: 'item',
        code: CatalogueErrorCode.ITEM_INVALID,
        backend: 'http',
      })
      expect(problem?.itemId?.startsWith(reportedId)).toBe(true)
      expect(problem?.message).toMatch(reason)
      expect(logs).toEqual([`catalogue[http]: skipped ${problem?.itemId} (${problem?.message})`])
      expect(
        new Catalogue(loaded.titles, loaded.problems, { layout: loaded.layout }).rails[0]?.items,
      ).toHaveLength(2)
    },
  )

  test('a rail whose items are all malformed is hidden; a malformed rail is skipped and reported', async () => {
    const [rosetta] = items()
    const { host } = makeHost({
      '/home': home({
        version: 1,
        rails: [
          {
            id: 'broken',
            name: { fr: 'Cassé' },
            items: MALFORMED_ITEMS.map((m) => m.item),
            next: null,
          },
          { id: '', name: { fr: 'x' }, items: [rosetta], next: null },
          { id: 'ok', name: { fr: 'Bon' }, items: [rosetta], next: null },
        ],
      }),
    })
    const loaded = await load(host)
    const catalogue = new Catalogue(loaded.titles, loaded.problems, { layout: loaded.layout })
    expect(catalogue.rails.map((r) => r.id)).toEqual(['ok'])
    expect(loaded.problems).toHaveLength(MALFORMED_ITEMS.length + 1)
    expect(loaded.problems.find((p) => p.itemId === 'rail #1')?.message).toMatch(/^rail id: /)
  })

  test.each<[string, FakeReply, number]>([
    ['an HTML page', { text: '<!doctype html><title>502</title>' }, CatalogueErrorCode.NOT_JSON],
    ['JSON of another shape', { body: { films: [] } }, CatalogueErrorCode.NOT_CONTRACT],
    [
      'both rails and titles',
      { body: { version: 1, rails: [{ id: 'new' }], titles: { items: [], next: null } } },
      CatalogueErrorCode.NOT_CONTRACT,
    ],
    ['another version', { body: { version: 2, rails: [] } }, CatalogueErrorCode.NOT_CONTRACT],
    ['rails as text', { body: { version: 1, rails: 'oops' } }, CatalogueErrorCode.NOT_CONTRACT],
    ['rails of numbers', { body: { version: 1, rails: [1, 2] } }, CatalogueErrorCode.NOT_CONTRACT],
    ['a 500', { status: 500 }, CatalogueErrorCode.HTTP_STATUS],
  ])('a home that is %s is a critical error', async (_label, answer, code) => {
    const { host } = makeHost({ '/home': answer })
    const error = await httpBackend(host)
      .load({ signal: signal() })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CatalogueError)
    expect((error as CatalogueError).problem).toMatchObject({ severity: 'critical', code })
  })

  test('revalidates with the revision it is given: 304 is notModified', async () => {
    const { host, calls } = makeHost({ '/home': { status: 304, headers: { ETag: '"rev-1"' } } })
    const result = await httpBackend(host).load({ signal: signal(), revision: { etag: '"rev-1"' } })
    expect(calls[0]?.headers['If-None-Match']).toBe('"rev-1"')
    expect(isNotModified(result)).toBe(true)
  })
})
