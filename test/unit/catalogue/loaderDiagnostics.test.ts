import type { CatalogueDiagnostics } from '../../../src/app/context'
import type { BackendFactory, CatalogueLoad } from '../../../src/catalogue/backend'
import { writeLastGood } from '../../../src/catalogue/cache'
import { CatalogueError, CatalogueErrorCode, skippedItem } from '../../../src/catalogue/errors'
import { CatalogueLoader, type LoaderSettings } from '../../../src/catalogue/loader'
import { BackendRegistry } from '../../../src/catalogue/registry'
import { Store } from '../../../src/state/Store'
import { makeFilm } from './fixture'

const URL_A = 'http://cms/api/'
const NOW = Date.UTC(2026, 11, 2, 10, 0)

const down = () =>
  new CatalogueError({
    severity: 'critical',
    category: 'network',
    code: CatalogueErrorCode.HTTP_STATUS,
    backend: 'fake',
    message: 'HTTP 503 from http://cms/api/',
  })

/** A loader whose records go to a store, as createContext wires it. */
function setup(
  factory: BackendFactory,
  options: { backend?: string; storage?: Map<string, unknown> } = {},
) {
  const registry = new BackendRegistry()
  registry.register('fake', factory)
  const storage = options.storage ?? new Map<string, unknown>()
  const settings: LoaderSettings = {
    backend: options.backend ?? 'fake',
    url: URL_A,
    maxPages: 20,
    cacheMaxAgeHours: 24,
    cacheFallbackMs: 2000,
    offlineRetryMs: 10_000,
  }
  const diagnostics = new Store<CatalogueDiagnostics>({
    backend: settings.backend,
    url: settings.url,
    titles: 0,
    problems: [],
  })
  let now = NOW
  const loader = new CatalogueLoader({
    registry,
    settings,
    storage: {
      get: (key) => storage.get(key) ?? null,
      set: (key, value) => void storage.set(key, value),
      remove: (key) => void storage.delete(key),
    },
    fetch: () => Promise.reject(new Error('no fetch')),
    asset: (path) => path,
    baseUrl: 'http://box/',
    log: () => undefined,
    clock: () => now,
    onState: () => undefined,
    onRecord: (change) => diagnostics.update(change),
  })
  return { loader, diagnostics, storage, setNow: (at: number) => (now = at) }
}

const load = (): CatalogueLoad => ({
  titles: [makeFilm('kept-1'), makeFilm('kept-2')],
  problems: [
    skippedItem('fake', 'MOV-9', 'no-playable-video', 'only Smooth Streaming'),
    skippedItem('fake', 'MOV-10', 'missing-field', 'title: required'),
  ],
})

describe('CatalogueLoader: what it records for the diagnostics page', () => {
  test('a network load: its time, its source, its titles and its skipped items', async () => {
    const { loader, diagnostics } = setup(() => ({
      name: 'fake',
      keepsLastGood: false,
      load: async () => load(),
      dispose: () => undefined,
    }))
    await loader.reload()
    expect(diagnostics.value).toMatchObject({
      backend: 'fake',
      url: URL_A,
      loadedAt: NOW,
      source: 'network',
      titles: 2,
      shown: 2,
      notOffered: { expired: [], upcoming: [] },
    })
    expect(diagnostics.value.problems.map((problem) => [problem.itemId, problem.reason])).toEqual([
      ['MOV-9', 'no-playable-video'],
      ['MOV-10', 'missing-field'],
    ])
    expect(diagnostics.value.lastError).toBeUndefined()
  })

  test('the live channel list, once read: the channels kept and the ones skipped', async () => {
    const channelSkipped = skippedItem('fake', 'channel #2', 'invalid-field', 'number: required')
    const { loader, diagnostics } = setup(() => ({
      name: 'fake',
      keepsLastGood: false,
      load: async () => load(),
      liveChannels: async () => ({ channels: [], problems: [channelSkipped] }),
      dispose: () => undefined,
    }))
    await loader.reload()
    expect(diagnostics.value.live).toBeUndefined()
    await loader.liveChannels()
    expect(diagnostics.value.live).toEqual({ channels: 0, problems: [channelSkipped] })
    // The catalogue's own skipped items are not mixed with the channels'.
    expect(diagnostics.value.problems.map((problem) => problem.itemId)).toEqual(['MOV-9', 'MOV-10'])
  })

  test('a failed load is the last error, with its code and time; a later success keeps it', async () => {
    const answers: ('down' | 'up')[] = ['down', 'up']
    const { loader, diagnostics, setNow } = setup(() => ({
      name: 'fake',
      keepsLastGood: false,
      load: async () => {
        if (answers.shift() === 'down') throw down()
        return load()
      },
      dispose: () => undefined,
    }))
    await loader.reload()
    expect(diagnostics.value.lastError).toEqual({
      code: CatalogueErrorCode.HTTP_STATUS,
      message: 'HTTP 503 from http://cms/api/',
      at: NOW,
    })
    expect(diagnostics.value.loadedAt).toBeUndefined()
    setNow(NOW + 60_000)
    await loader.reload()
    expect(diagnostics.value).toMatchObject({
      loadedAt: NOW + 60_000,
      source: 'network',
      lastError: { code: CatalogueErrorCode.HTTP_STATUS, at: NOW },
    })
  })

  test("with the backend down, the device's last good copy is the source, with its age", async () => {
    jest.useFakeTimers({ now: 0 })
    try {
      const storage = new Map<string, unknown>()
      const savedAt = NOW - 3_600_000
      writeLastGood(
        {
          get: (key) => storage.get(key),
          set: (key, value) => void storage.set(key, value),
          remove: (key) => void storage.delete(key),
        },
        'fake',
        URL_A,
        load(),
        savedAt,
      )
      const { loader, diagnostics } = setup(
        () => ({
          name: 'fake',
          keepsLastGood: true,
          load: async () => {
            throw down()
          },
          dispose: () => undefined,
        }),
        { storage },
      )
      await loader.reload()
      expect(diagnostics.value).toMatchObject({
        loadedAt: NOW,
        source: 'cache',
        cachedAt: savedAt,
        titles: 2,
        lastError: { code: CatalogueErrorCode.HTTP_STATUS },
      })
      loader.stop()
    } finally {
      jest.useRealTimers()
    }
  })

  test('a rail page that fails is added to the problems of the catalogue on screen', async () => {
    const { loader, diagnostics } = setup(() => ({
      name: 'fake',
      keepsLastGood: false,
      load: async () => ({
        titles: [makeFilm('a-0')],
        problems: [],
        layout: [{ id: 'a', name: { en: 'A' }, itemIds: ['a-0'], next: '1' }],
      }),
      railPage: async () => {
        throw down()
      },
      dispose: () => undefined,
    }))
    await loader.reload()
    expect(diagnostics.value.problems).toEqual([])
    await loader.moreOf('a')
    expect(diagnostics.value.problems).toMatchObject([
      { code: CatalogueErrorCode.PAGE_FAILED, itemId: 'a' },
    ])
  })

  test('an unknown backend name is the last error', async () => {
    const { loader, diagnostics } = setup(
      () => {
        throw new Error('not asked')
      },
      { backend: 'nope' },
    )
    await loader.reload()
    expect(diagnostics.value.lastError).toMatchObject({
      code: CatalogueErrorCode.UNKNOWN_BACKEND,
      at: NOW,
    })
  })
})
