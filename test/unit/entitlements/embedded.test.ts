import type { EntitlementBackend } from '../../../src/entitlements/contract'
import {
  createEmbeddedEntitlements,
  embeddedEntitlements,
  START_WINDOW_MS,
} from '../../../src/entitlements/embedded'
import { EntitlementErrorCode } from '../../../src/entitlements/errors'
import { HOUR, memoryStorage, NOW } from './fixtures'

const signal = new AbortController().signal
const request = {
  titleId: 'rosetta',
  offerId: 'rental',
  price: { amount: 5.99, currency: 'EUR' as const },
  windowHours: 48,
}

function setup(grantPass?: string[]) {
  const storage = memoryStorage()
  let now = NOW
  let ids = 0
  const make = (): EntitlementBackend =>
    createEmbeddedEntitlements({
      storage,
      wallClock: () => now,
      ...(grantPass ? { grantPass } : {}),
      newId: () => `r-${++ids}`,
    })
  return { storage, make, backend: make(), advance: (ms: number) => (now += ms) }
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code: number }) => error.code,
  )

describe('embedded entitlements', () => {
  test('the default demo household holds the Movies & Series pass, open-ended, and no rentals', async () => {
    const { backend } = setup()
    expect(await backend.holdings({ signal })).toEqual({
      passes: [{ passId: 'movies-series', activeUntil: null }],
      rentals: [],
    })
  })

  test('the factory takes the demo passes from the settings', async () => {
    const backend = embeddedEntitlements({
      settings: { backend: 'embedded', url: '', timeoutMs: 8000, demoPasses: [] },
      fetch: jest.fn(),
      storage: memoryStorage(),
      wallClock: () => NOW,
      log: () => {},
    })
    expect((await backend.holdings({ signal })).passes).toEqual([])
  })

  test('a rental is bought not started, to be started within 30 days, and kept across restarts', async () => {
    const { backend, make } = setup()
    const rental = await backend.rent(request, { idempotencyKey: 'k1', signal })
    expect(rental).toEqual({
      rentalId: 'r-1',
      ...request,
      rentedAt: NOW,
      startBy: NOW + START_WINDOW_MS,
      startedAt: null,
      expiresAt: null,
    })
    expect((await make().holdings({ signal })).rentals).toEqual([rental])
  })

  test('the same idempotency key never rents twice, even after a restart', async () => {
    const { backend, make } = setup()
    const first = await backend.rent(request, { idempotencyKey: 'k1', signal })
    const again = await make().rent(request, { idempotencyKey: 'k1', signal })
    expect(again).toEqual(first)
    expect((await backend.holdings({ signal })).rentals).toHaveLength(1)
    await backend.rent(request, { idempotencyKey: 'k2', signal })
    expect((await backend.holdings({ signal })).rentals).toHaveLength(2)
  })

  test('the same key with another request is refused (KEY_REUSED)', async () => {
    const { backend } = setup()
    await backend.rent(request, { idempotencyKey: 'k1', signal })
    const changed = { ...request, price: { amount: 6.99, currency: 'EUR' as const } }
    expect(await codeOf(backend.rent(changed, { idempotencyKey: 'k1', signal }))).toBe(
      EntitlementErrorCode.KEY_REUSED,
    )
  })

  test('startRental opens the window at the first play; a second call returns the same window', async () => {
    const { backend, advance } = setup()
    const rental = await backend.rent(request, { idempotencyKey: 'k1', signal })
    advance(5 * HOUR)
    const started = await backend.startRental(rental.rentalId, { signal })
    expect(started).toMatchObject({ startedAt: NOW + 5 * HOUR, expiresAt: NOW + 53 * HOUR })
    advance(HOUR)
    expect(await backend.startRental(rental.rentalId, { signal })).toEqual(started)
    expect((await backend.holdings({ signal })).rentals).toEqual([started])
  })

  test('a rental not started by startBy cannot be started (START_EXPIRED); one second before, it can', async () => {
    const early = setup()
    const r1 = await early.backend.rent(request, { idempotencyKey: 'k1', signal })
    early.advance(START_WINDOW_MS - 1)
    expect((await early.backend.startRental(r1.rentalId, { signal })).startedAt).not.toBeNull()

    const late = setup()
    const r2 = await late.backend.rent(request, { idempotencyKey: 'k1', signal })
    late.advance(START_WINDOW_MS)
    expect(await codeOf(late.backend.startRental(r2.rentalId, { signal }))).toBe(
      EntitlementErrorCode.START_EXPIRED,
    )
  })

  test('starting an unknown rental is UNKNOWN_RENTAL', async () => {
    expect(await codeOf(setup().backend.startRental('nope', { signal }))).toBe(
      EntitlementErrorCode.UNKNOWN_RENTAL,
    )
  })

  test('subscribe adds a pass once; a granted pass is answered as it is', async () => {
    const { backend } = setup([])
    const pass = await backend.subscribe('movies-series', { idempotencyKey: 'p1', signal })
    expect(pass).toEqual({ passId: 'movies-series', activeUntil: null })
    await backend.subscribe('movies-series', { idempotencyKey: 'p2', signal })
    expect((await backend.holdings({ signal })).passes).toEqual([pass])

    const demo = setup().backend
    await demo.subscribe('movies-series', { idempotencyKey: 'p1', signal })
    expect((await demo.holdings({ signal })).passes).toHaveLength(1)
  })

  test('an aborted call rejects with ABORTED and changes nothing', async () => {
    const { backend } = setup()
    const aborted = AbortSignal.abort()
    expect(await codeOf(backend.rent(request, { idempotencyKey: 'k1', signal: aborted }))).toBe(
      EntitlementErrorCode.ABORTED,
    )
    expect(await codeOf(backend.holdings({ signal: aborted }))).toBe(EntitlementErrorCode.ABORTED)
    expect((await backend.holdings({ signal })).rentals).toEqual([])
  })

  test('damaged storage loses only the damaged entries', async () => {
    const { storage, backend } = setup()
    const good = await backend.rent(request, { idempotencyKey: 'k1', signal })
    const stored = storage.data.get('entitlements-embedded') as { rentals: unknown[] }
    storage.data.set('entitlements-embedded', {
      ...stored,
      rentals: [...stored.rentals, { rentalId: 'broken' }, 'junk'],
    })
    expect((await backend.holdings({ signal })).rentals).toEqual([good])
    storage.data.set('entitlements-embedded', 'junk')
    expect((await backend.holdings({ signal })).rentals).toEqual([])
  })

  test('a rental that ended over 90 days ago is forgotten at the next write', async () => {
    const { backend, advance } = setup()
    const old = await backend.rent(request, { idempotencyKey: 'k1', signal })
    await backend.startRental(old.rentalId, { signal })
    advance(48 * HOUR + 91 * 24 * HOUR)
    await backend.rent(request, { idempotencyKey: 'k2', signal })
    expect((await backend.holdings({ signal })).rentals.map((r) => r.rentalId)).toEqual(['r-2'])
  })
})
