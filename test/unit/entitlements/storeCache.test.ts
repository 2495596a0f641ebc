import type { BoxStorage, Holdings } from '../../../src/entitlements/contract'
import { EntitlementErrorCode } from '../../../src/entitlements/errors'
import { HOLDINGS_KEY } from '../../../src/entitlements/holdingsCache'
import { DAY, HOUR, memoryStorage, NOW, rental, rentalOffer, startedRental } from './fixtures'
import { deferred, error, fakeBackend, setup } from './storeHarness'

const rosetta = { id: 'rosetta', offers: [rentalOffer] }
const passTitle = {
  id: 'amelie',
  offers: [{ type: 'subscription' as const, pass: 'movies-series' }],
}
const pass = { passId: 'movies-series', activeUntil: null }
const iso = (ms: number) => new Date(ms).toISOString()

/** A household with the pass and a rental of rosetta started an hour ago. */
const household = (): Holdings => ({
  passes: [pass],
  rentals: [startedRental(NOW + 47 * HOUR)],
})

/** A backend that knows `holdings`, and from the next call on cannot be reached. */
function goingOffline(holdings: Holdings = household()) {
  const backend = fakeBackend(holdings)
  const down = () => backend.holdings.mockRejectedValue(error(EntitlementErrorCode.OFFLINE))
  return { backend, down }
}

describe('EntitlementsStore: the last good holdings are kept on the box', () => {
  test('a successful refresh writes them in the wire format, with the time they were asked', async () => {
    const { store, storage } = setup(fakeBackend(household()))
    expect(storage.get(HOLDINGS_KEY)).toBeUndefined()
    await store.refresh()
    expect(storage.get(HOLDINGS_KEY)).toEqual({
      format: 1,
      backend: 'fake',
      fetchedAt: NOW,
      holdings: {
        passes: [{ passId: 'movies-series', activeUntil: null }],
        rentals: [
          expect.objectContaining({
            rentalId: 'r-1',
            rentedAt: iso(NOW - DAY),
            startedAt: iso(NOW - HOUR),
            expiresAt: iso(NOW + 47 * HOUR),
          }),
        ],
      },
    })
  })

  test('rentals and passes that no longer count are not written', async () => {
    const { store, storage } = setup(
      fakeBackend({
        passes: [pass, { passId: 'kids', activeUntil: NOW - DAY }],
        rentals: [startedRental(NOW - DAY, { rentalId: 'r-old' }), rental()],
      }),
    )
    await store.refresh()
    expect(storage.get(HOLDINGS_KEY)).toMatchObject({
      holdings: {
        passes: [{ passId: 'movies-series' }],
        rentals: [expect.objectContaining({ rentalId: 'r-1' })],
      },
    })
    expect(storage.get(HOLDINGS_KEY)).toMatchObject({ holdings: { rentals: { length: 1 } } })
  })

  test('a reload during an outage starts ready from them: what was paid for still plays', async () => {
    const { backend, down } = goingOffline()
    const { store, make, advance } = setup(backend)
    await store.refresh()
    store.dispose()
    down()
    advance(2 * HOUR)

    const reloaded = make()
    expect(reloaded.value).toEqual({
      status: 'ready',
      source: 'cache',
      fetchedAt: NOW,
      holdings: household(),
    })
    expect(reloaded.access(rosetta)).toMatchObject({ kind: 'rented', until: NOW + 47 * HOUR })
    expect(reloaded.access(passTitle)).toMatchObject({ kind: 'pass' })

    // The refresh at start fails: the household keeps what it has, and is told why.
    await reloaded.refresh()
    expect(reloaded.value).toMatchObject({
      status: 'failed',
      source: 'cache',
      fetchedAt: NOW,
      holdings: household(),
      problem: { kind: 'offline' },
    })
    expect(reloaded.access(rosetta).kind).toBe('rented')
  })

  test('once the service answers, its holdings replace the kept ones', async () => {
    const { backend } = goingOffline()
    const { store, make, advance } = setup(backend)
    await store.refresh()
    advance(HOUR)
    backend.holdings.mockResolvedValueOnce({ passes: [], rentals: [] })
    const reloaded = make()
    await reloaded.refresh()
    expect(reloaded.value).toMatchObject({
      status: 'ready',
      source: 'network',
      fetchedAt: NOW + HOUR,
      holdings: { passes: [], rentals: [] },
    })
    expect(make().value.holdings).toEqual({ passes: [], rentals: [] })
  })

  test('a rental bought while the list cannot be fetched is kept, and plays after a reload', async () => {
    const { backend, down } = goingOffline({ passes: [], rentals: [] })
    down()
    const { store, make } = setup(backend)
    await store.refresh()
    expect(store.value.status).toBe('failed')
    expect((await store.rent(rosetta, rentalOffer)).ok).toBe(true)
    const reloaded = make()
    expect(reloaded.value).toMatchObject({ status: 'ready', source: 'cache' })
    expect(reloaded.access(rosetta)).toMatchObject({ kind: 'rented', until: null })
  })

  test('rent, subscribe and the first play are each written; the list keeps its own age', async () => {
    const { store, make, advance, storage } = setup(fakeBackend({ passes: [], rentals: [] }))
    await store.refresh()
    advance(HOUR)

    await store.rent(rosetta, rentalOffer)
    expect(make().value.holdings.rentals).toEqual([
      expect.objectContaining({ rentalId: 'r-new', startedAt: null }),
    ])
    await store.startPlayback('rosetta')
    expect(make().value.holdings.rentals).toEqual([
      expect.objectContaining({ rentalId: 'r-new', startedAt: NOW }),
    ])
    await store.subscribe('movies-series')
    expect(make().value.holdings.passes).toEqual([pass])
    // What was merged does not make the rest of the list any younger.
    expect(storage.get(HOLDINGS_KEY)).toMatchObject({ fetchedAt: NOW })
    expect(make().value.fetchedAt).toBe(NOW)
  })

  test('a storage that refuses to write is logged; the purchase still succeeds', async () => {
    const storage = memoryStorage()
    const failing: BoxStorage = {
      ...storage,
      set: (key, value) => {
        if (key === HOLDINGS_KEY) throw new Error('QuotaExceededError')
        storage.set(key, value)
      },
    }
    const { store, logged } = setup(fakeBackend(), failing)
    expect(await store.rent(rosetta, rentalOffer)).toMatchObject({ ok: true })
    expect(store.value.holdings.rentals).toHaveLength(1)
    expect(logged).toEqual([expect.stringContaining('QuotaExceededError')])
  })
})

describe('EntitlementsStore: what is read back is checked, never trusted', () => {
  const wire = {
    passId: 'movies-series',
    activeUntil: null,
  }
  const wireRental = {
    rentalId: 'r-1',
    titleId: 'rosetta',
    offerId: 'rental',
    price: { amount: 5.99, currency: 'EUR' },
    windowHours: 48,
    rentedAt: iso(NOW - DAY),
    startBy: iso(NOW + 29 * DAY),
    startedAt: null,
    expiresAt: null,
  }
  const entry = (change: Record<string, unknown> = {}, rentalChange = {}) => ({
    format: 1,
    backend: 'fake',
    fetchedAt: NOW - HOUR,
    holdings: { passes: [wire], rentals: [{ ...wireRental, ...rentalChange }] },
    ...change,
  })

  test('a well-formed entry is taken (the baseline of the cases below)', () => {
    const storage = memoryStorage()
    storage.set(HOLDINGS_KEY, entry())
    const { store, logged } = setup(fakeBackend(), storage)
    expect(store.value).toMatchObject({ status: 'ready', source: 'cache', fetchedAt: NOW - HOUR })
    expect(store.value.holdings).toEqual({ passes: [pass], rentals: [rental()] })
    expect(logged).toEqual([])
  })

  test.each<[string, unknown]>([
    ['not an object', 'garbage'],
    ['an older format', entry({ format: 0 })],
    ['no format', { passes: [wire], rentals: [] }],
    ['no fetch time', entry({ fetchedAt: undefined })],
    ['holdings that are not lists', entry({ holdings: { passes: wire, rentals: [] } })],
    ['times as numbers, not the wire', entry({}, { rentedAt: NOW - DAY })],
    ['a started rental without its end', entry({}, { startedAt: iso(NOW - HOUR) })],
    ['a price that is no price', entry({}, { price: { amount: -1, currency: 'EUR' } })],
    [
      'a pass without its id',
      entry({ holdings: { passes: [{ activeUntil: null }], rentals: [] } }),
    ],
  ])('%s: dropped from storage and logged, the store waits for the service', (_what, stored) => {
    const storage = memoryStorage()
    storage.set(HOLDINGS_KEY, stored)
    const { store, logged } = setup(fakeBackend(), storage)
    expect(store.value).toEqual({ status: 'loading', holdings: { passes: [], rentals: [] } })
    expect(storage.get(HOLDINGS_KEY)).toBeUndefined()
    expect(logged).toEqual([expect.stringContaining('stored holdings dropped')])
  })

  test('too old: not used (72 h by default, appSettings.entitlements.cacheMaxAgeHours)', async () => {
    const { store, make, advance, logged } = setup(fakeBackend(household()))
    await store.refresh()
    advance(45 * HOUR) // The rental still counts: only the age of the list decides here.
    expect(make().value.source).toBe('cache')
    advance(27 * HOUR + 1)
    const tooOld = make()
    expect(tooOld.value).toEqual({ status: 'loading', holdings: { passes: [], rentals: [] } })
    expect(tooOld.access(passTitle)).toEqual({ kind: 'unknown', failed: false })
    expect(logged).toEqual([expect.stringContaining('older than 72 h')])
  })

  test('the limit is the operator’s setting', async () => {
    const settings = { cacheMaxAgeHours: 2, refreshMinutes: 15 }
    const { store, make, advance } = setup(fakeBackend(household()), memoryStorage(), { settings })
    await store.refresh()
    advance(2 * HOUR)
    expect(make().value.source).toBe('cache')
    advance(1)
    expect(make().value.status).toBe('loading')
  })

  test('an entry from the future (the clock went back) or another backend is not used', () => {
    const storage = memoryStorage()
    storage.set(HOLDINGS_KEY, entry({ fetchedAt: NOW + DAY }))
    expect(setup(fakeBackend(), storage).store.value.status).toBe('loading')
    storage.set(HOLDINGS_KEY, entry({ backend: 'embedded' }))
    expect(setup(fakeBackend(), storage).store.value.status).toBe('loading')
  })

  test('an expired rental does not come back from storage; what still counts does', async () => {
    const { store, make, advance } = setup(
      fakeBackend({ passes: [pass], rentals: [startedRental(NOW + HOUR)] }),
    )
    await store.refresh()
    expect(make().value.holdings.rentals).toHaveLength(1)
    advance(HOUR)
    const reloaded = make()
    expect(reloaded.value).toMatchObject({ status: 'ready', source: 'cache' })
    expect(reloaded.value.holdings).toEqual({ passes: [pass], rentals: [] })
    expect(reloaded.access(rosetta).kind).toBe('rent')
  })

  test('a pass that has ended does not come back either', async () => {
    const ending = { passId: 'movies-series', activeUntil: NOW + HOUR }
    const { store, make, advance } = setup(fakeBackend({ passes: [ending], rentals: [] }))
    await store.refresh()
    expect(make().value.holdings.passes).toEqual([ending])
    advance(HOUR)
    expect(make().value.holdings.passes).toEqual([])
  })
})

describe('EntitlementsStore: a refresh under way does not undo a purchase', () => {
  test('a rental bought while the list was being fetched stays, and is not bought again', async () => {
    const backend = fakeBackend()
    const slow = deferred<Holdings>()
    backend.holdings.mockReturnValueOnce(slow.promise)
    const { store, make } = setup(backend)
    const refreshing = store.refresh()
    expect((await store.rent(rosetta, rentalOffer)).ok).toBe(true)
    // The service answers with the list as it was before the purchase.
    slow.resolve({ passes: [], rentals: [] })
    await refreshing
    expect(store.value.holdings.rentals.map((r) => r.rentalId)).toEqual(['r-new'])
    expect(make().value.holdings.rentals.map((r) => r.rentalId)).toEqual(['r-new'])
    await store.rent(rosetta, rentalOffer)
    expect(backend.rent).toHaveBeenCalledTimes(1)
  })
})
