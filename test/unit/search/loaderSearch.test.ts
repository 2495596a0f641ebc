import type { BackendFactory, SearchOptions } from '../../../src/catalogue/backend'
import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import { CatalogueLoader } from '../../../src/catalogue/loader'
import { BackendRegistry } from '../../../src/catalogue/registry'
import type { Title } from '../../../src/catalogue/schema'
import { fixtureTitles } from '../catalogue/fixture'

/** A loader over one fake backend: a feed (no search of its own) unless `search` is given. */
async function loaded(
  search?: (query: string, options: SearchOptions) => Promise<Title[]>,
  genreNames = async () => ({ crime: ['Polars', 'Misdaad', 'Krimi', 'Crime'] }),
) {
  const titles = fixtureTitles()
  const factory: BackendFactory = () => ({
    name: 'fake',
    load: async () => ({ titles, problems: [] }),
    ...(search
      ? {
          search: async (query: string, options: SearchOptions) => ({
            titles: await search(query, options),
            problems: [],
            next: null,
          }),
        }
      : {}),
    dispose: () => undefined,
  })
  const registry = new BackendRegistry()
  registry.register('fake', factory)
  const loader = new CatalogueLoader({
    registry,
    settings: {
      backend: 'fake',
      url: '',
      cacheMaxAgeHours: 1,
      cacheFallbackMs: 1000,
      offlineRetryMs: 1000,
    },
    storage: { get: () => null, set: () => undefined, remove: () => undefined },
    fetch: () => Promise.reject(new Error('no fetch')),
    asset: (path) => path,
    baseUrl: 'http://box/',
    log: () => undefined,
    clock: () => Date.UTC(2026, 0, 1),
    onState: () => undefined,
    genreNames,
  })
  await loader.reload()
  return { loader, titles }
}

const signal = () => new AbortController().signal

describe('CatalogueLoader.search', () => {
  it('searches the catalogue it holds when the backend has no search (feeds)', async () => {
    const { loader } = await loaded()
    const result = await loader.search('treve', signal(), 10)
    expect(result.status === 'ok' && result.titles.map((t) => t.id)).toEqual(['la-treve'])
  })

  it('uses the genre names it is given', async () => {
    const { loader, titles } = await loaded()
    const crime = titles.filter((t) => t.genres.includes('crime')).map((t) => t.id)
    const result = await loader.search('misdaad', signal(), 10)
    expect(result.status === 'ok' && result.titles.map((t) => t.id)).toEqual(crime)
  })

  it("asks the backend's own search with the limit, and filters its answer", async () => {
    const asked: [string, number][] = []
    const { loader, titles } = await loaded(async (query, { limit }) => {
      asked.push([query, limit])
      return titles.slice(0, 3)
    })
    const keep = titles[1]!.id
    const result = await loader.search('x', signal(), 7, (t) => t.id === keep)
    expect(asked).toEqual([['x', 7]])
    expect(result.status === 'ok' && result.titles.map((t) => t.id)).toEqual([keep])
  })

  it('reports a backend failure as a failure', async () => {
    const { loader } = await loaded(() =>
      Promise.reject(
        new CatalogueError({
          severity: 'critical',
          category: 'network',
          code: CatalogueErrorCode.TIMEOUT,
          backend: 'fake',
          message: 'slow',
        }),
      ),
    )
    expect(await loader.search('x', signal(), 5)).toMatchObject({
      status: 'failed',
      problem: { code: CatalogueErrorCode.TIMEOUT },
    })
  })

  it('reports an aborted search of the held catalogue as aborted', async () => {
    const { loader } = await loaded()
    const controller = new AbortController()
    controller.abort()
    expect(await loader.search('treve', controller.signal, 5)).toMatchObject({
      status: 'failed',
      problem: { code: CatalogueErrorCode.ABORTED },
    })
  })

  it('still searches when genre names cannot be read', async () => {
    const { loader } = await loaded(undefined, () => Promise.reject(new Error('offline')))
    const result = await loader.search('treve', signal(), 10)
    expect(result.status).toBe('ok')
  })
})
