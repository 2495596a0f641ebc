import { firstValueFrom } from 'rxjs'
import type { EntitlementBackend, Rental } from '../../../src/entitlements/contract'
import { createEmbeddedEntitlements } from '../../../src/entitlements/embedded'
import { EntitlementErrorCode } from '../../../src/entitlements/errors'
import { rightsKnowledge, rightsUnchecked } from '../../../src/entitlements/store'
import { DAY, HOUR, memoryStorage, NOW, rental, rentalOffer, startedRental } from './fixtures'
import { error, fakeBackend, setup } from './storeHarness'

const title = { id: 'rosetta', offers: [rentalOffer] }

const keysSent = (mock: jest.Mock) =>
  mock.mock.calls.map((call: unknown[]) => (call[1] as { idempotencyKey: string }).idempotencyKey)

describe('EntitlementsStore: holdings', () => {
  test('loading until the first answer, then ready with the holdings', async () => {
    const holdings = { passes: [{ passId: 'movies-series', activeUntil: null }], rentals: [] }
    const { store } = setup(fakeBackend(holdings))
    expect(store.value.status).toBe('loading')
    await store.refresh()
    expect(store.value).toEqual({
      status: 'ready',
      holdings,
      source: 'network',
      fetchedAt: NOW,
      problem: undefined,
    })
    expect(await firstValueFrom(store.select((s) => s.holdings.passes.length))).toBe(1)
  })

  test('a failed refresh says why and keeps the holdings it had', async () => {
    const backend = fakeBackend({ passes: [], rentals: [rental()] })
    const { store } = setup(backend)
    await store.refresh()
    backend.holdings.mockRejectedValueOnce(error(EntitlementErrorCode.OFFLINE))
    await store.refresh()
    expect(store.value.status).toBe('failed')
    expect(store.value.problem?.kind).toBe('offline')
    expect(store.value.holdings.rentals).toHaveLength(1)
    await store.refresh()
    expect(store.value).toMatchObject({ status: 'ready', problem: undefined })
  })

  test('rights are unchecked only when the service failed and no holdings were ever known', async () => {
    const backend = fakeBackend({ passes: [], rentals: [rental()] })
    backend.holdings.mockRejectedValueOnce(error(EntitlementErrorCode.OFFLINE))
    const { store } = setup(backend)
    expect(rightsUnchecked(store.value)).toBe(false)
    await store.refresh()
    expect(rightsUnchecked(store.value)).toBe(true)
    await store.refresh()
    expect(rightsUnchecked(store.value)).toBe(false)
    backend.holdings.mockRejectedValueOnce(error(EntitlementErrorCode.OFFLINE))
    await store.refresh()
    // Failed again, but with the holdings of the last answer: those still stand.
    expect(store.value.status).toBe('failed')
    expect(rightsUnchecked(store.value)).toBe(false)
  })

  test('while no holdings are known, what would be for sale is unknown, never "to buy"', async () => {
    const pass = {
      id: 'rundskop',
      offers: [{ type: 'subscription' as const, pass: 'movies-series' }],
    }
    const free = { id: 'rosetta', offers: [{ type: 'free' as const }] }
    const backend = fakeBackend()
    backend.holdings.mockRejectedValueOnce(error(EntitlementErrorCode.OFFLINE))
    const { store } = setup(backend)
    const knowledge: string[] = []
    store.select(rightsKnowledge).subscribe((k) => knowledge.push(k))
    expect(store.access(title)).toEqual({ kind: 'unknown', failed: false })
    expect(store.access(pass)).toEqual({ kind: 'unknown', failed: false })
    expect(store.access(free)).toEqual({ kind: 'free' })
    await store.refresh()
    expect(store.access(title)).toEqual({ kind: 'unknown', failed: true })
    await store.refresh()
    expect(store.access(title)).toEqual({ kind: 'rent', offer: rentalOffer })
    expect(store.access(pass)).toEqual({ kind: 'subscribe', passId: 'movies-series' })
    expect(knowledge).toEqual(['checking', 'unchecked', 'known'])
  })

  test('a title with ads that a pass carries waits for the passes, then plays with ads if they cannot be checked', async () => {
    const adsOrPass = {
      id: 'amelie',
      offers: [{ type: 'ads' as const }, { type: 'subscription' as const, pass: 'movies-series' }],
    }
    const adsOnly = { id: 'mon-ket', offers: [{ type: 'ads' as const }] }
    const backend = fakeBackend({
      passes: [{ passId: 'movies-series', activeUntil: null }],
      rentals: [],
    })
    backend.holdings.mockRejectedValueOnce(error(EntitlementErrorCode.OFFLINE))
    const { store } = setup(backend)
    // A pass holder watches it without ads: nothing to decide before the answer.
    expect(store.access(adsOrPass)).toEqual({ kind: 'unknown', failed: false })
    expect(store.access(adsOnly)).toEqual({ kind: 'ads' })
    await store.refresh()
    expect(store.access(adsOrPass)).toEqual({ kind: 'ads' })
    expect(store.adsUnchecked(adsOrPass)).toBe(true)
    expect(store.adsUnchecked(adsOnly)).toBe(false)
    await store.refresh()
    expect(store.access(adsOrPass)).toMatchObject({ kind: 'pass' })
    expect(store.adsUnchecked(adsOrPass)).toBe(false)
  })

  test('a purchase made while the first answer is awaited counts at once', async () => {
    const { store } = setup(fakeBackend())
    const rented = await store.rent(title, rentalOffer)
    expect(rented.ok).toBe(true)
    expect(store.value.status).toBe('loading')
    expect(store.access(title).kind).toBe('rented')
  })

  test('a rejection that is not an EntitlementError still becomes one', async () => {
    const backend = fakeBackend()
    backend.holdings.mockRejectedValueOnce(new Error('bug'))
    const { store } = setup(backend)
    await store.refresh()
    expect(store.value.problem).toMatchObject({ code: EntitlementErrorCode.SERVER })
  })

  test('refreshes asked together share one request', async () => {
    const { store, backend } = setup()
    await Promise.all([store.refresh(), store.refresh()])
    expect((backend as ReturnType<typeof fakeBackend>).holdings).toHaveBeenCalledTimes(1)
  })

  test('access(title) reads the holdings against the clock', async () => {
    const { store, advance } = setup(
      fakeBackend({ passes: [], rentals: [startedRental(NOW + HOUR)] }),
    )
    await store.refresh()
    expect(store.access(title).kind).toBe('rented')
    advance(HOUR)
    expect(store.access(title).kind).toBe('rent')
  })
})

describe('EntitlementsStore: rent never charges twice', () => {
  test('success: the rental joins the holdings; the next purchase takes a new key', async () => {
    const backend = fakeBackend()
    const { store, advance } = setup(backend)
    await store.refresh()
    const result = await store.rent(title, rentalOffer)
    expect(result).toEqual({ ok: true, rental: expect.objectContaining({ rentalId: 'r-new' }) })
    expect(store.value.holdings.rentals.map((r) => r.rentalId)).toEqual(['r-new'])
    expect(backend.rent).toHaveBeenCalledWith(
      { titleId: 'rosetta', offerId: 'rental', price: rentalOffer.price, windowHours: 48 },
      expect.objectContaining({ idempotencyKey: 'key-1' }),
    )
    advance(31 * DAY)
    await store.rent(title, rentalOffer)
    expect(keysSent(backend.rent)).toEqual(['key-1', 'key-2'])
  })

  test.each([
    ['a timeout', EntitlementErrorCode.TIMEOUT],
    ['a 5xx', EntitlementErrorCode.SERVER],
    ['no network', EntitlementErrorCode.OFFLINE],
    ['an answer that is not the contract', EntitlementErrorCode.NOT_CONTRACT],
  ])('after %s the retry sends the same key', async (_what, code) => {
    const backend = fakeBackend()
    backend.rent.mockRejectedValueOnce(error(code))
    const { store } = setup(backend)
    const first = await store.rent(title, rentalOffer)
    expect(first).toEqual({
      ok: false,
      error: expect.objectContaining({ code, recoverable: true }),
    })
    expect((await store.rent(title, rentalOffer)).ok).toBe(true)
    expect(keysSent(backend.rent)).toEqual(['key-1', 'key-1'])
  })

  test("a rental made on this box stays while the service's list lags behind, not for ever", async () => {
    const backend = fakeBackend()
    const { store, advance } = setup(backend)
    await store.refresh()
    await store.rent(title, rentalOffer)
    // A read replica that has not seen the purchase yet.
    advance(60_000)
    await store.refresh()
    expect(store.value.holdings.rentals.map((r) => r.rentalId)).toEqual(['r-new'])
    expect(store.access(title)).toMatchObject({ kind: 'rented' })
    // Ten minutes on, the service's word stands (a refund, a revoked rental).
    advance(10 * 60_000)
    await store.refresh()
    expect(store.value.holdings.rentals).toEqual([])
  })

  test('a conflict (rented on another box) reads the holdings again: the title then shows as rented', async () => {
    const backend = fakeBackend()
    const { store } = setup(backend)
    await store.refresh()
    backend.rent.mockRejectedValueOnce(error(EntitlementErrorCode.CONFLICT))
    backend.holdings.mockResolvedValue({ passes: [], rentals: [rental()] })
    const result = await store.rent(title, rentalOffer)
    expect(result).toMatchObject({ ok: false, error: { kind: 'conflict' } })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(backend.holdings).toHaveBeenCalledTimes(2)
    expect(store.access(title)).toMatchObject({ kind: 'rented' })
  })

  test('after a reload of the app the retry still sends the same key', async () => {
    const backend = fakeBackend()
    backend.rent.mockRejectedValueOnce(error(EntitlementErrorCode.TIMEOUT))
    const { store, make } = setup(backend)
    await store.rent(title, rentalOffer)
    store.dispose()
    await make().rent(title, rentalOffer)
    expect(keysSent(backend.rent)).toEqual(['key-1', 'key-1'])
  })

  test.each([
    ['declined', EntitlementErrorCode.DECLINED],
    ['price changed', EntitlementErrorCode.PRICE_CHANGED],
    ['invalid', EntitlementErrorCode.INVALID_REQUEST],
    ['key reused', EntitlementErrorCode.KEY_REUSED],
  ])('%s is definitive: the next attempt is a new purchase with a new key', async (_what, code) => {
    const backend = fakeBackend()
    backend.rent.mockRejectedValueOnce(error(code))
    const { store, storage } = setup(backend)
    const first = await store.rent(title, rentalOffer)
    expect(first).toEqual({
      ok: false,
      error: expect.objectContaining({ code, recoverable: false }),
    })
    expect(storage.get('entitlements-pending-keys')).toBeUndefined()
    await store.rent(title, rentalOffer)
    expect(keysSent(backend.rent)).toEqual(['key-1', 'key-2'])
  })

  test('a service that records the rental then fails: the retry gets the same rental, one charge', async () => {
    const storage = memoryStorage()
    const embedded = createEmbeddedEntitlements({ storage, wallClock: () => NOW, grantPass: [] })
    let failNext = true
    const flaky: EntitlementBackend = {
      ...embedded,
      async rent(request, options) {
        const recorded = await embedded.rent(request, options)
        if (!failNext) return recorded
        failNext = false
        throw error(EntitlementErrorCode.SERVER)
      },
    }
    const { store } = setup(flaky, storage)
    expect((await store.rent(title, rentalOffer)).ok).toBe(false)
    const retry = await store.rent(title, rentalOffer)
    expect(retry.ok).toBe(true)
    const signal = new AbortController().signal
    expect((await embedded.holdings({ signal })).rentals).toHaveLength(1)
  })

  test('a second press while the purchase runs joins it: one call', async () => {
    const backend = fakeBackend()
    const { store } = setup(backend)
    const [a, b] = await Promise.all([
      store.rent(title, rentalOffer),
      store.rent(title, rentalOffer),
    ])
    expect(a).toBe(b)
    expect(backend.rent).toHaveBeenCalledTimes(1)
  })

  test('a title already rented is not bought again', async () => {
    const backend = fakeBackend({ passes: [], rentals: [rental()] })
    const { store } = setup(backend)
    await store.refresh()
    expect(await store.rent(title, rentalOffer)).toEqual({ ok: true, rental: rental() })
    expect(backend.rent).not.toHaveBeenCalled()
  })

  test('holdings that show a pending purchase went through end its key', async () => {
    const backend = fakeBackend()
    backend.rent.mockRejectedValueOnce(error(EntitlementErrorCode.TIMEOUT))
    const { store, storage, advance } = setup(backend)
    await store.rent(title, rentalOffer)
    expect(storage.get('entitlements-pending-keys')).toEqual({
      'rent:rosetta:rental': { key: 'key-1', createdAt: NOW },
    })
    // The service recorded it (its clock a little behind the box's).
    backend.holdings.mockResolvedValueOnce({
      passes: [],
      rentals: [rental({ rentedAt: NOW - 60_000 })],
    })
    await store.refresh()
    expect(storage.get('entitlements-pending-keys')).toBeUndefined()
    // Weeks later, after it expired, renting again is a new purchase.
    advance(40 * DAY)
    await store.rent(title, rentalOffer)
    expect(keysSent(backend.rent)).toEqual(['key-1', 'key-2'])
  })

  test('an old rental of the same title does not end a newer pending key', async () => {
    const backend = fakeBackend()
    backend.rent.mockRejectedValueOnce(error(EntitlementErrorCode.TIMEOUT))
    const { store, storage } = setup(backend)
    await store.rent(title, rentalOffer)
    backend.holdings.mockResolvedValueOnce({
      passes: [],
      rentals: [startedRental(NOW - DAY, { rentedAt: NOW - 10 * DAY })],
    })
    await store.refresh()
    expect(storage.get('entitlements-pending-keys')).toMatchObject({
      'rent:rosetta:rental': { key: 'key-1' },
    })
  })
})

describe('EntitlementsStore: subscribe', () => {
  test('adds the pass; a timeout keeps the key, success ends it', async () => {
    const backend = fakeBackend()
    backend.subscribe.mockRejectedValueOnce(error(EntitlementErrorCode.TIMEOUT))
    const { store, storage } = setup(backend)
    expect((await store.subscribe('movies-series')).ok).toBe(false)
    expect(await store.subscribe('movies-series')).toEqual({
      ok: true,
      pass: { passId: 'movies-series', activeUntil: null },
    })
    expect(keysSent(backend.subscribe)).toEqual(['key-1', 'key-1'])
    expect(store.value.holdings.passes).toEqual([{ passId: 'movies-series', activeUntil: null }])
    expect(storage.get('entitlements-pending-keys')).toBeUndefined()
  })

  test('declined ends the key', async () => {
    const backend = fakeBackend()
    backend.subscribe.mockRejectedValueOnce(error(EntitlementErrorCode.DECLINED))
    const { store } = setup(backend)
    expect(await store.subscribe('movies-series')).toMatchObject({
      ok: false,
      error: { kind: 'declined' },
    })
    await store.subscribe('movies-series')
    expect(keysSent(backend.subscribe)).toEqual(['key-1', 'key-2'])
  })

  test('a pass already held is not bought again', async () => {
    const backend = fakeBackend({
      passes: [{ passId: 'movies-series', activeUntil: null }],
      rentals: [],
    })
    const { store } = setup(backend)
    await store.refresh()
    expect((await store.subscribe('movies-series')).ok).toBe(true)
    expect(backend.subscribe).not.toHaveBeenCalled()
  })
})

describe('EntitlementsStore: startPlayback', () => {
  test('starts the unstarted rental of the title and keeps its window', async () => {
    const backend = fakeBackend({ passes: [], rentals: [rental()] })
    const { store } = setup(backend)
    await store.refresh()
    const result = await store.startPlayback('rosetta')
    expect(result).toEqual({
      ok: true,
      rental: expect.objectContaining({ expiresAt: NOW + 48 * HOUR }),
    })
    expect(backend.startRental).toHaveBeenCalledWith('r-1', expect.anything())
    expect(store.value.holdings.rentals).toEqual([expect.objectContaining({ startedAt: NOW })])
    expect(store.access(title)).toMatchObject({ kind: 'rented', until: NOW + 48 * HOUR })
  })

  test('a started rental, or a title without one, resolves without a call', async () => {
    const backend = fakeBackend({ passes: [], rentals: [startedRental(NOW + HOUR)] })
    const { store } = setup(backend)
    await store.refresh()
    expect(await store.startPlayback('rosetta')).toMatchObject({
      ok: true,
      rental: { rentalId: 'r-1' },
    })
    expect(await store.startPlayback('amelie')).toEqual({ ok: true, rental: null })
    expect(backend.startRental).not.toHaveBeenCalled()
  })

  test('two presses start once; a failure is reported as data', async () => {
    const backend = fakeBackend({ passes: [], rentals: [rental()] })
    const { store } = setup(backend)
    await store.refresh()
    await Promise.all([store.startPlayback('rosetta'), store.startPlayback('rosetta')])
    expect(backend.startRental).toHaveBeenCalledTimes(1)

    const failing = fakeBackend({ passes: [], rentals: [rental()] })
    failing.startRental.mockRejectedValueOnce(error(EntitlementErrorCode.START_EXPIRED))
    const other = setup(failing).store
    await other.refresh()
    expect(await other.startPlayback('rosetta')).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    })
  })

  test('a rental the service refuses to start is no longer counted: the title is offered again', async () => {
    const backend = fakeBackend({ passes: [], rentals: [rental()] })
    backend.startRental.mockRejectedValue(error(EntitlementErrorCode.START_EXPIRED))
    const { store } = setup(backend)
    await store.refresh()
    expect(store.access(title)).toMatchObject({ kind: 'rented' })
    expect((await store.startPlayback('rosetta')).ok).toBe(false)
    expect(store.value.holdings.rentals).toEqual([])
    expect(store.access(title)).toMatchObject({ kind: 'rent' })
    // Asked to play again, nothing is left to start: no second request.
    expect(await store.startPlayback('rosetta')).toEqual({ ok: true, rental: null })
    expect(backend.startRental).toHaveBeenCalledTimes(1)
  })

  test('an outage at the first play keeps the rental (the household paid)', async () => {
    const backend = fakeBackend({ passes: [], rentals: [rental()] })
    backend.startRental.mockRejectedValue(error(EntitlementErrorCode.SERVER))
    const { store } = setup(backend)
    await store.refresh()
    expect((await store.startPlayback('rosetta')).ok).toBe(false)
    expect(store.value.holdings.rentals).toHaveLength(1)
  })
})

describe('EntitlementsStore: dispose', () => {
  test('aborts what is in flight: ABORTED, holdings unchanged, the purchase key kept', async () => {
    const backend = fakeBackend()
    let seen: AbortSignal | undefined
    backend.rent.mockImplementationOnce(
      (_request, { signal }) =>
        new Promise<Rental>((_resolve, reject) => {
          seen = signal
          signal.addEventListener('abort', () => reject(error(EntitlementErrorCode.ABORTED)))
        }),
    )
    const { store, storage } = setup(backend)
    const pending = store.rent(title, rentalOffer)
    store.dispose()
    expect(seen?.aborted).toBe(true)
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'aborted' } })
    expect(store.value.holdings.rentals).toEqual([])
    expect(storage.get('entitlements-pending-keys')).toMatchObject({
      'rent:rosetta:rental': { key: 'key-1' },
    })
  })

  test('after dispose no call reaches the backend and state stays as it was', async () => {
    const backend = fakeBackend()
    const { store } = setup(backend)
    store.dispose()
    await store.refresh()
    expect(await store.rent(title, rentalOffer)).toMatchObject({
      ok: false,
      error: { code: EntitlementErrorCode.ABORTED },
    })
    expect(backend.holdings).not.toHaveBeenCalled()
    expect(backend.rent).not.toHaveBeenCalled()
    expect(store.value.status).toBe('loading')
  })
})
