import type { Holdings } from '../../../src/entitlements/contract'
import { EntitlementErrorCode } from '../../../src/entitlements/errors'
import { HOLDINGS_KEY } from '../../../src/entitlements/holdingsCache'
import { HOUR, memoryStorage, NOW } from './fixtures'
import { deferred, error, fakeBackend, setup } from './storeHarness'

const MINUTE = 60_000
const pass = { passId: 'movies-series', activeUntil: null }

describe('EntitlementsStore: refreshIfStale', () => {
  test('asks only when the list is older than asked', async () => {
    const { store, backend, advance } = setup()
    await store.refreshIfStale(5 * MINUTE) // Nothing known yet: stale.
    expect(backend.holdings).toHaveBeenCalledTimes(1)
    advance(5 * MINUTE - 1)
    await store.refreshIfStale(5 * MINUTE)
    expect(backend.holdings).toHaveBeenCalledTimes(1)
    advance(1)
    await store.refreshIfStale(5 * MINUTE)
    expect(backend.holdings).toHaveBeenCalledTimes(2)
  })

  test('holdings read back from the box count by the age of their list', async () => {
    const storage = memoryStorage()
    const first = setup(fakeBackend({ passes: [pass], rentals: [] }), storage)
    await first.store.refresh()
    first.advance(HOUR)
    const reloaded = first.make()
    expect(reloaded.value.source).toBe('cache')
    await reloaded.refreshIfStale(2 * HOUR)
    expect(first.backend.holdings).toHaveBeenCalledTimes(1)
    await reloaded.refreshIfStale(30 * MINUTE)
    expect(first.backend.holdings).toHaveBeenCalledTimes(2)
    expect(reloaded.value).toMatchObject({ source: 'network', fetchedAt: NOW + HOUR })
  })

  test('joins a refresh under way instead of asking twice', async () => {
    const backend = fakeBackend()
    const slow = deferred<Holdings>()
    backend.holdings.mockReturnValueOnce(slow.promise)
    const { store, advance } = setup(backend)
    const running = store.refresh()
    const joined = store.refreshIfStale(MINUTE)
    advance(20_000)
    slow.resolve({ passes: [pass], rentals: [] })
    await Promise.all([running, joined])
    expect(backend.holdings).toHaveBeenCalledTimes(1)
    expect(store.value.holdings.passes).toEqual([pass])
    // The list is as old as the question, not the answer.
    expect(store.value.fetchedAt).toBe(NOW)
  })

  test('soon after a failure, a refresh under way is still waited for', async () => {
    const backend = fakeBackend()
    backend.holdings.mockRejectedValueOnce(error(EntitlementErrorCode.OFFLINE))
    const { store } = setup(backend)
    await store.refresh()
    const slow = deferred<Holdings>()
    backend.holdings.mockReturnValueOnce(slow.promise)
    const running = store.refresh()
    let settled = false
    const joined = store.refreshIfStale(5 * MINUTE).then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    slow.resolve({ passes: [pass], rentals: [] })
    await Promise.all([running, joined])
    expect(store.value.holdings.passes).toEqual([pass])
  })

  test('after a failure it does not ask again for 30 s: screens decide on what is known', async () => {
    const backend = fakeBackend()
    backend.holdings.mockRejectedValue(error(EntitlementErrorCode.TIMEOUT))
    const { store, advance } = setup(backend)
    await store.refreshIfStale(5 * MINUTE)
    expect(store.value.status).toBe('failed')
    advance(30_000 - 1)
    await store.refreshIfStale(5 * MINUTE)
    expect(backend.holdings).toHaveBeenCalledTimes(1)
    // A caller asking for younger holdings than that waits no longer than it asked.
    advance(1)
    await store.refreshIfStale(5 * MINUTE)
    expect(backend.holdings).toHaveBeenCalledTimes(2)
    // refresh() itself always asks.
    await store.refresh()
    expect(backend.holdings).toHaveBeenCalledTimes(3)
  })
})

describe('EntitlementsStore: startAutoRefresh', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  test('refreshes every interval, so what was bought elsewhere shows', async () => {
    const backend = fakeBackend()
    const { store } = setup(backend)
    store.startAutoRefresh(15 * MINUTE)
    await jest.advanceTimersByTimeAsync(15 * MINUTE - 1)
    expect(backend.holdings).not.toHaveBeenCalled()
    // A pass taken on the household's phone.
    backend.holdings.mockResolvedValue({ passes: [pass], rentals: [] })
    await jest.advanceTimersByTimeAsync(1)
    expect(backend.holdings).toHaveBeenCalledTimes(1)
    expect(store.value.holdings.passes).toEqual([pass])
    await jest.advanceTimersByTimeAsync(30 * MINUTE)
    expect(backend.holdings).toHaveBeenCalledTimes(3)
  })

  test('never overlaps: a slow answer holds the next refresh back until one interval after it', async () => {
    const backend = fakeBackend()
    const slow = deferred<Holdings>()
    backend.holdings.mockReturnValueOnce(slow.promise)
    const { store } = setup(backend)
    store.startAutoRefresh(MINUTE)
    await jest.advanceTimersByTimeAsync(MINUTE)
    expect(backend.holdings).toHaveBeenCalledTimes(1)
    // Answered ten and a half intervals later.
    await jest.advanceTimersByTimeAsync(10.5 * MINUTE)
    expect(backend.holdings).toHaveBeenCalledTimes(1)
    slow.resolve({ passes: [], rentals: [] })
    await jest.advanceTimersByTimeAsync(MINUTE - 1)
    expect(backend.holdings).toHaveBeenCalledTimes(1)
    await jest.advanceTimersByTimeAsync(1)
    expect(backend.holdings).toHaveBeenCalledTimes(2)
  })

  test('a failed refresh does not stop it, and keeps the holdings', async () => {
    const backend = fakeBackend({ passes: [pass], rentals: [] })
    const { store } = setup(backend)
    await store.refresh()
    backend.holdings.mockRejectedValueOnce(error(EntitlementErrorCode.OFFLINE))
    store.startAutoRefresh(MINUTE)
    await jest.advanceTimersByTimeAsync(MINUTE)
    expect(store.value).toMatchObject({ status: 'failed', holdings: { passes: [pass] } })
    await jest.advanceTimersByTimeAsync(MINUTE)
    expect(store.value.status).toBe('ready')
    expect(backend.holdings).toHaveBeenCalledTimes(3)
  })

  test('stop ends it, even with a refresh under way; no timer is left', async () => {
    const backend = fakeBackend()
    const slow = deferred<Holdings>()
    backend.holdings.mockReturnValueOnce(slow.promise)
    const { store } = setup(backend)
    const stop = store.startAutoRefresh(MINUTE)
    await jest.advanceTimersByTimeAsync(MINUTE)
    stop()
    slow.resolve({ passes: [], rentals: [] })
    await jest.advanceTimersByTimeAsync(10 * MINUTE)
    expect(backend.holdings).toHaveBeenCalledTimes(1)
    expect(jest.getTimerCount()).toBe(0)
  })

  test('dispose ends it', async () => {
    const { store, backend } = setup()
    store.startAutoRefresh(MINUTE)
    store.dispose()
    expect(jest.getTimerCount()).toBe(0)
    await jest.advanceTimersByTimeAsync(10 * MINUTE)
    expect(backend.holdings).not.toHaveBeenCalled()
    store.startAutoRefresh(MINUTE)
    expect(jest.getTimerCount()).toBe(0)
  })

  test('starting again replaces it: one timer, and the old stop does not end the new one', async () => {
    const { store, backend } = setup()
    const stopFirst = store.startAutoRefresh(MINUTE)
    store.startAutoRefresh(2 * MINUTE)
    expect(jest.getTimerCount()).toBe(1)
    stopFirst()
    await jest.advanceTimersByTimeAsync(2 * MINUTE)
    expect(backend.holdings).toHaveBeenCalledTimes(1)
  })

  test('the interval defaults to appSettings.entitlements.refreshMinutes', async () => {
    const { store, backend } = setup(fakeBackend(), memoryStorage(), {
      settings: { cacheMaxAgeHours: 72, refreshMinutes: 5 },
    })
    store.startAutoRefresh()
    await jest.advanceTimersByTimeAsync(5 * MINUTE - 1)
    expect(backend.holdings).not.toHaveBeenCalled()
    await jest.advanceTimersByTimeAsync(1)
    expect(backend.holdings).toHaveBeenCalledTimes(1)
  })

  test('0 starts nothing; under a minute counts as a minute', async () => {
    const { store, backend } = setup()
    store.startAutoRefresh(0)
    expect(jest.getTimerCount()).toBe(0)
    store.startAutoRefresh(10)
    await jest.advanceTimersByTimeAsync(MINUTE - 1)
    expect(backend.holdings).not.toHaveBeenCalled()
    await jest.advanceTimersByTimeAsync(1)
    expect(backend.holdings).toHaveBeenCalledTimes(1)
  })

  test('what a periodic refresh brings is kept on the box too', async () => {
    const { store, storage, backend } = setup()
    backend.holdings.mockResolvedValue({ passes: [pass], rentals: [] })
    store.startAutoRefresh(MINUTE)
    await jest.advanceTimersByTimeAsync(MINUTE)
    expect(storage.get(HOLDINGS_KEY)).toMatchObject({ holdings: { passes: [pass] } })
  })
})
