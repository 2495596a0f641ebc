import { registerBackends } from '../../../src/app/registerBackends'
import type { CatalogueLoad } from '../../../src/catalogue/backend'
import { Catalogue } from '../../../src/catalogue/Catalogue'
import { embeddedBackend } from '../../../src/catalogue/embedded'
import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import { CatalogueLoader, type LoaderState } from '../../../src/catalogue/loader'
import { BackendRegistry } from '../../../src/catalogue/registry'
import { filesHost, shippedDocument, splitFiles } from './pagedCatalogue'

const NOW = Date.UTC(2026, 10, 22, 10, 0)
const signal = () => new AbortController().signal

/** Every rail of a catalogue, its items' ids in order. */
const railIds = (catalogue: Catalogue) =>
  catalogue.rails.map((rail) => [rail.id, rail.titleKey, rail.items.map((t) => t.id)])

async function loadBoth() {
  const document = shippedDocument()
  const whole = filesHost(new Map([['titles.json', document]]))
  const paged = filesHost(splitFiles(document))
  const wholeLoad = await embeddedBackend(whole.host).load({ signal: signal() })
  const backend = embeddedBackend(paged.host)
  const pagedLoad = await backend.load({ signal: signal() })
  return { document, backend, paged, wholeLoad, pagedLoad }
}

const catalogueOf = (load: CatalogueLoad) =>
  new Catalogue(load.titles, load.problems, {
    ...(load.layout ? { layout: load.layout } : {}),
    now: () => NOW,
  })

describe('embedded backend, split catalogue', () => {
  test('start reads titles.json only and holds the first pages, not every title', async () => {
    const { paged, pagedLoad, wholeLoad } = await loadBoth()
    expect(paged.requests).toEqual(['/app/static/catalogue/titles.json'])
    expect(pagedLoad.titles.length).toBeLessThan(wholeLoad.titles.length)
    expect(pagedLoad.layout?.every((rail) => rail.itemIds.length <= 7)).toBe(true)
    // Relative artwork resolves against the app, as in the whole file.
    const rosetta = pagedLoad.titles.find((title) => title.id === 'rosetta')
    expect(rosetta).toEqual(wholeLoad.titles.find((title) => title.id === 'rosetta'))
  })

  test('home grows page by page into the same rails as the whole catalogue', async () => {
    const { backend, pagedLoad, wholeLoad } = await loadBoth()
    const catalogue = catalogueOf(pagedLoad)
    for (const rail of catalogue.rails) {
      while (rail.next) {
        const page = await backend.railPage(rail.id, rail.next, { signal: signal() })
        catalogue.appendPage(rail.id, page)
      }
    }
    expect(railIds(catalogue)).toEqual(railIds(catalogueOf(wholeLoad)))
  })

  test('a title on no loaded rail is read from its own file; an unknown one is missing', async () => {
    const { backend, paged, pagedLoad, document } = await loadBoth()
    const held = new Set(pagedLoad.titles.map((title) => title.id))
    const deep = document.titles.map((raw) => String(raw.id)).find((id) => !held.has(id))!
    const title = await backend.item(deep, { signal: signal() })
    expect(title?.id).toBe(deep)
    expect(paged.requests.at(-1)).toBe(`/app/static/catalogue/paged/titles/${deep}.json`)
    await expect(backend.item('no-such-title', { signal: signal() })).resolves.toBeUndefined()
    const asked = paged.requests.length
    await expect(backend.item('../titles', { signal: signal() })).resolves.toBeUndefined()
    expect(paged.requests.length).toBe(asked)
  })

  test('search reads the words once, then only the titles it answers with', async () => {
    const { backend, paged } = await loadBoth()
    backend.prepareSearch()
    const found = await backend.search('dequenne', { signal: signal(), limit: 5 })
    expect(found.titles.map((title) => title.id)).toContain('rosetta')
    const searchReads = paged.requests.filter((url) => url.endsWith('paged/search.json'))
    expect(searchReads).toHaveLength(1)
    const titleReads = paged.requests.filter((url) => url.includes('/paged/titles/'))
    expect(titleReads).toHaveLength(found.titles.length)
    // Typed on: the titles already read are not read again.
    await backend.search('dequenne', { signal: signal(), limit: 5 })
    expect(paged.requests.filter((url) => url.includes('/paged/titles/'))).toHaveLength(
      titleReads.length,
    )
  })

  test('an aborted search rejects with ABORTED', async () => {
    const { backend } = await loadBoth()
    const controller = new AbortController()
    controller.abort()
    const error = await backend.search('ros', { signal: controller.signal, limit: 5 }).then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(CatalogueError)
    expect((error as CatalogueError).problem.code).toBe(CatalogueErrorCode.ABORTED)
  })

  test('a whole catalogue has no further pages and answers item() from what it holds', async () => {
    const { host, requests } = filesHost(new Map([['titles.json', shippedDocument()]]))
    const backend = embeddedBackend(host)
    await backend.load({ signal: signal() })
    const page = await backend.railPage('films', '2', { signal: signal() })
    expect(page).toEqual({ titles: [], problems: [], next: null })
    expect((await backend.item('rosetta', { signal: signal() }))?.id).toBe('rosetta')
    expect(requests).toEqual(['/app/static/catalogue/titles.json'])
  })
})

describe('loader over a split embedded catalogue', () => {
  test('a deep link to a title on no loaded rail opens; search finds it', async () => {
    const document = shippedDocument()
    const { host } = filesHost(splitFiles(document))
    const registry = new BackendRegistry()
    registerBackends(registry)
    const states: LoaderState[] = []
    const loader = new CatalogueLoader({
      registry,
      settings: {
        backend: 'embedded',
        url: '',
        maxPages: 20,
        cacheMaxAgeHours: 24,
        cacheFallbackMs: 2000,
        offlineRetryMs: 10_000,
      },
      storage: { get: () => null, set: () => undefined, remove: () => undefined },
      fetch: host.fetch,
      asset: (path) => host.asset(path),
      baseUrl: host.baseUrl,
      log: () => undefined,
      clock: () => NOW,
      onState: (state) => states.push(state),
    })
    await loader.reload()
    const ready = states.at(-1)
    if (ready?.status !== 'ready') throw new Error('catalogue not ready')
    const last = String(document.titles.at(-1)!.id)
    expect(ready.catalogue.title(last)).toBeUndefined()
    const lookup = await loader.findTitle(last)
    expect(lookup.status).toBe('found')
    expect(ready.catalogue.title(last)?.id).toBe(last)
    const result = await loader.search('rosetta', signal(), 24)
    expect(result.status === 'ok' && result.titles.map((title) => title.id)).toContain('rosetta')
    loader.stop()
  })
})
