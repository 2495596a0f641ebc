import type { EntitlementHost } from '../../../src/entitlements/contract'
import { EntitlementErrorCode } from '../../../src/entitlements/errors'
import { httpEntitlements } from '../../../src/entitlements/http'
import { scriptedFetch } from './fakeFetch'
import { memoryStorage } from './fixtures'

const BASE = 'https://rights.example.be/v1'
const DEVICE = '11111111-2222-4333-8444-555555555555'
const signal = new AbortController().signal
const request = {
  titleId: 'rosetta',
  offerId: 'rental',
  price: { amount: 4.99, currency: 'EUR' as const },
  windowHours: 48,
}
const wireRental = {
  rentalId: 'r-1',
  titleId: 'rosetta',
  offerId: 'rental',
  price: { amount: 4.99, currency: 'EUR' },
  windowHours: 48,
  rentedAt: '2025-12-01T19:00:00Z',
  startBy: '2025-12-31T19:00:00Z',
  startedAt: null,
  expiresAt: null,
}
const ms = (iso: string) => Date.parse(iso)

function setup(
  fake: ReturnType<typeof scriptedFetch>,
  settings: { url?: string; timeoutMs?: number } = {},
  baseUrl?: string,
) {
  const storage = memoryStorage()
  storage.set('entitlements-device-id', DEVICE)
  const log = jest.fn()
  const host: EntitlementHost = {
    settings: { backend: 'http', url: BASE, timeoutMs: 8000, demoPasses: [], ...settings },
    fetch: fake.fetchFn,
    storage,
    wallClock: () => 0,
    log,
    ...(baseUrl ? { baseUrl } : {}),
  }
  return { backend: httpEntitlements(host), log, storage }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error as { code: number; kind: string; recoverable: boolean },
  )

describe('http entitlements: requests', () => {
  test('holdings: GET <url>/entitlements with the device id; ISO times become ms', async () => {
    const fake = scriptedFetch({
      status: 200,
      body: {
        passes: [{ passId: 'movies-series', activeUntil: '2026-01-01T00:00:00+01:00' }],
        rentals: [
          { ...wireRental, startedAt: '2025-12-03T20:40:00Z', expiresAt: '2025-12-05T20:40:00Z' },
        ],
      },
    })
    const { backend } = setup(fake)
    expect(await backend.holdings({ signal })).toEqual({
      passes: [{ passId: 'movies-series', activeUntil: ms('2025-12-31T23:00:00Z') }],
      rentals: [
        {
          ...request,
          rentalId: 'r-1',
          price: { amount: 4.99, currency: 'EUR' },
          rentedAt: ms('2025-12-01T19:00:00Z'),
          startBy: ms('2025-12-31T19:00:00Z'),
          startedAt: ms('2025-12-03T20:40:00Z'),
          expiresAt: ms('2025-12-05T20:40:00Z'),
        },
      ],
    })
    expect(fake.calls).toEqual([
      expect.objectContaining({
        url: `${BASE}/entitlements`,
        method: 'GET',
        headers: { Accept: 'application/json', 'X-Device-Id': DEVICE },
      }),
    ])
  })

  test('rent: POST <url>/rentals with the idempotency key; windowHours stays off the wire', async () => {
    const fake = scriptedFetch({ status: 201, body: { rental: wireRental } })
    const { backend } = setup(fake)
    const rental = await backend.rent(request, { idempotencyKey: 'key-1', signal })
    expect(rental.rentalId).toBe('r-1')
    expect(fake.calls[0]).toMatchObject({
      url: `${BASE}/rentals`,
      method: 'POST',
      headers: {
        'Idempotency-Key': 'key-1',
        'X-Device-Id': DEVICE,
        'Content-Type': 'application/json',
      },
      body: { titleId: 'rosetta', offerId: 'rental', price: { amount: 4.99, currency: 'EUR' } },
    })
  })

  test("a rental with fields of the service's own in its price, or numbers written as text, is read", async () => {
    const fake = scriptedFetch({
      status: 201,
      body: {
        rental: {
          ...wireRental,
          price: { amount: '4.99', currency: 'EUR', vat: 0.87, label: 'HD' },
          windowHours: '48',
        },
      },
    })
    const rental = await setup(fake).backend.rent(request, { idempotencyKey: 'key-1', signal })
    expect(rental).toMatchObject({
      rentalId: 'r-1',
      price: { amount: 4.99, currency: 'EUR' },
      windowHours: 48,
    })
    expect(rental.price).not.toHaveProperty('vat')
  })

  test('a replay answered 200 is the same rental', async () => {
    const fake = scriptedFetch({ status: 200, body: { rental: wireRental } })
    const rental = await setup(fake).backend.rent(request, { idempotencyKey: 'key-1', signal })
    expect(rental.rentalId).toBe('r-1')
  })

  test('startRental: POST <url>/rentals/<id>/start, id escaped', async () => {
    const started = {
      ...wireRental,
      startedAt: '2025-12-03T20:40:00Z',
      expiresAt: '2025-12-05T20:40:00Z',
    }
    const fake = scriptedFetch({ status: 200, body: { rental: { ...started, rentalId: 'r/1' } } })
    const rental = await setup(fake).backend.startRental('r/1', { signal })
    expect(rental.expiresAt! - rental.startedAt!).toBe(48 * 3_600_000)
    expect(fake.calls[0]).toMatchObject({ url: `${BASE}/rentals/r%2F1/start`, method: 'POST' })
  })

  test('subscribe: POST <url>/subscriptions { passId } with the key', async () => {
    const fake = scriptedFetch({
      status: 201,
      body: { pass: { passId: 'movies-series', activeUntil: null } },
    })
    const pass = await setup(fake).backend.subscribe('movies-series', {
      idempotencyKey: 'p-1',
      signal,
    })
    expect(pass).toEqual({ passId: 'movies-series', activeUntil: null })
    expect(fake.calls[0]).toMatchObject({
      url: `${BASE}/subscriptions`,
      headers: { 'Idempotency-Key': 'p-1' },
      body: { passId: 'movies-series' },
    })
  })

  test('a URL with a trailing slash gives the same endpoints', async () => {
    const fake = scriptedFetch({ status: 200, body: { passes: [], rentals: [] } })
    await setup(fake, { url: `${BASE}/` }).backend.holdings({ signal })
    expect(fake.calls[0]!.url).toBe(`${BASE}/entitlements`)
  })

  test('the device id is made and kept on first use when the box has none', async () => {
    const fake = scriptedFetch(
      { status: 200, body: { passes: [], rentals: [] } },
      { status: 200, body: { passes: [], rentals: [] } },
    )
    const { backend, storage } = setup(fake)
    storage.remove('entitlements-device-id')
    await backend.holdings({ signal })
    await backend.holdings({ signal })
    const made = storage.get('entitlements-device-id')
    expect(typeof made).toBe('string')
    expect(fake.calls.map((c) => c.headers['X-Device-Id'])).toEqual([made, made])
  })
})

describe('http entitlements: what the answers mean', () => {
  test.each([
    [
      402,
      { error: { code: 'payment_declined', message: 'card' } },
      EntitlementErrorCode.DECLINED,
      'declined',
      false,
    ],
    [
      409,
      { error: { code: 'price_changed', message: 'now 5.99' } },
      EntitlementErrorCode.PRICE_CHANGED,
      'conflict',
      false,
    ],
    [
      409,
      { error: { code: 'something_else', message: '' } },
      EntitlementErrorCode.CONFLICT,
      'conflict',
      false,
    ],
    [
      422,
      { error: { code: 'idempotency_key_reused', message: '' } },
      EntitlementErrorCode.KEY_REUSED,
      'invalid',
      false,
    ],
    [
      404,
      { error: { code: 'unknown_title', message: '' } },
      EntitlementErrorCode.INVALID_REQUEST,
      'invalid',
      false,
    ],
    [
      500,
      { error: { code: 'payment_declined', message: 'a 5xx is an outage whatever it says' } },
      EntitlementErrorCode.SERVER,
      'server',
      true,
    ],
    [503, undefined, EntitlementErrorCode.SERVER, 'server', true],
    [429, undefined, EntitlementErrorCode.SERVER, 'server', true],
  ])('%i %j -> code %i (%s), recoverable %s', async (status, body, code, kind, recoverable) => {
    const fake = scriptedFetch(body ? { status, body } : { status, text: '<html>gateway</html>' })
    const error = await failure(setup(fake).backend.rent(request, { idempotencyKey: 'k', signal }))
    expect(error).toMatchObject({ code, kind, recoverable, status })
  })

  test('a network failure is OFFLINE', async () => {
    const fake = scriptedFetch('network-error')
    const error = await failure(setup(fake).backend.rent(request, { idempotencyKey: 'k', signal }))
    expect(error).toMatchObject({ code: EntitlementErrorCode.OFFLINE, kind: 'offline' })
  })

  test('a connection cut while the body arrives is OFFLINE too', async () => {
    const fake = scriptedFetch('cut')
    const error = await failure(setup(fake).backend.rent(request, { idempotencyKey: 'k', signal }))
    expect(error.code).toBe(EntitlementErrorCode.OFFLINE)
  })

  test('a 2xx that is not the contract is NOT_CONTRACT, recoverable (the purchase may have gone through)', async () => {
    for (const step of [
      { status: 201, body: { rental: { rentalId: 'r-1' } } },
      { status: 201, text: 'OK' },
    ]) {
      const error = await failure(
        setup(scriptedFetch(step)).backend.rent(request, { idempotencyKey: 'k', signal }),
      )
      expect(error).toMatchObject({
        code: EntitlementErrorCode.NOT_CONTRACT,
        kind: 'server',
        recoverable: true,
      })
    }
  })

  test('a rental with startedAt but no expiresAt is not the contract', async () => {
    const fake = scriptedFetch({
      status: 200,
      body: { rental: { ...wireRental, startedAt: '2025-12-03T20:40:00Z' } },
    })
    const error = await failure(setup(fake).backend.startRental('r-1', { signal }))
    expect(error.code).toBe(EntitlementErrorCode.NOT_CONTRACT)
  })

  test('a time written without its offset is Brussels time, summer or winter, not a pass lost', async () => {
    const fake = scriptedFetch({
      status: 200,
      body: {
        passes: [
          { passId: 'movies-series', activeUntil: '2026-12-31T23:59:59' },
          { passId: 'sport', activeUntil: '2026-07-01 00:00' },
        ],
        rentals: [],
      },
    })
    const { backend, log } = setup(fake)
    expect((await backend.holdings({ signal })).passes).toEqual([
      { passId: 'movies-series', activeUntil: ms('2026-12-31T22:59:59Z') },
      { passId: 'sport', activeUntil: ms('2026-06-30T22:00:00Z') },
    ])
    expect(log).not.toHaveBeenCalled()
  })

  test('holdings: one unreadable rental is left out and logged, the rest counts', async () => {
    const fake = scriptedFetch({
      status: 200,
      body: {
        passes: [{ passId: 'movies-series', activeUntil: 'tomorrow' }],
        rentals: [wireRental, { rentalId: 'r-2' }],
      },
    })
    const { backend, log } = setup(fake)
    const holdings = await backend.holdings({ signal })
    expect(holdings.rentals.map((r) => r.rentalId)).toEqual(['r-1'])
    expect(holdings.passes).toEqual([])
    expect(log).toHaveBeenCalledTimes(2)
    expect(log).toHaveBeenCalledWith(expect.stringContaining('skipped rental #1'))
  })

  test('holdings that leave out what is none (a list, an open end, a rental not started) still count', async () => {
    const { startedAt: _s, expiresAt: _e, ...notStarted } = wireRental
    const fake = scriptedFetch({
      status: 200,
      body: { passes: [{ passId: 'movies-series' }], rentals: [notStarted] },
    })
    const holdings = await setup(fake).backend.holdings({ signal })
    expect(holdings.passes).toEqual([{ passId: 'movies-series', activeUntil: null }])
    expect(holdings.rentals).toEqual([
      expect.objectContaining({ rentalId: 'r-1', startedAt: null, expiresAt: null }),
    ])

    const passesOnly = scriptedFetch({ status: 200, body: { passes: [{ passId: 'kids' }] } })
    expect((await setup(passesOnly).backend.holdings({ signal })).passes).toHaveLength(1)
    const rentalsNull = scriptedFetch({ status: 200, body: { passes: [], rentals: null } })
    expect((await setup(rentalsNull).backend.holdings({ signal })).rentals).toEqual([])
  })

  test('a body with neither list is not an answer: NOT_CONTRACT', async () => {
    const fake = scriptedFetch({ status: 200, body: { error: 'maintenance' } })
    expect((await failure(setup(fake).backend.holdings({ signal }))).code).toBe(
      EntitlementErrorCode.NOT_CONTRACT,
    )
  })

  test('holdings without the envelope is NOT_CONTRACT', async () => {
    const fake = scriptedFetch({ status: 200, body: [{ passId: 'x' }] })
    expect((await failure(setup(fake).backend.holdings({ signal }))).code).toBe(
      EntitlementErrorCode.NOT_CONTRACT,
    )
  })

  test('a URL that is not one is BAD_URL, reported by the first call, not by the factory', async () => {
    const fake = scriptedFetch()
    const { backend } = setup(fake, { url: 'not a url' })
    expect(await failure(backend.holdings({ signal }))).toMatchObject({
      code: EntitlementErrorCode.BAD_URL,
      kind: 'invalid',
    })
    expect(fake.calls).toEqual([])
  })

  test("a relative URL is the operator's server beside the app", async () => {
    const fake = scriptedFetch({ status: 200, body: { passes: [], rentals: [] } })
    const { backend, log } = setup(
      fake,
      { url: '/rights' },
      'https://apps.operator.be/belgica/index.html',
    )
    await backend.holdings({ signal })
    expect(fake.calls[0]?.url).toMatch(/^https:\/\/apps\.operator\.be\/rights\/entitlements/)
    expect(log).not.toHaveBeenCalled()
  })

  test('a URL that is not one is said in the log once, however many calls fail on it', async () => {
    const fake = scriptedFetch()
    const { backend, log } = setup(fake, { url: 'http://' })
    await failure(backend.holdings({ signal }))
    await failure(backend.holdings({ signal }))
    expect(log.mock.calls).toEqual([
      ['entitlements[http]: appSettings.entitlements.url "http://" is not a URL'],
    ])
  })
})

describe('http entitlements: timeouts, retries, aborts', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  test('a purchase that gets no answer times out (TIMEOUT) and is not repeated', async () => {
    const fake = scriptedFetch('hang', { status: 201, body: { rental: wireRental } })
    const result = failure(
      setup(fake, { timeoutMs: 1000 }).backend.rent(request, { idempotencyKey: 'k', signal }),
    )
    await jest.advanceTimersByTimeAsync(999)
    expect(fake.calls[0]!.signal!.aborted).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    expect(await result).toMatchObject({
      code: EntitlementErrorCode.TIMEOUT,
      kind: 'timeout',
      recoverable: true,
    })
    await jest.advanceTimersByTimeAsync(10_000)
    expect(fake.calls).toHaveLength(1)
  })

  test('a purchase that meets a 5xx is not repeated either', async () => {
    const fake = scriptedFetch(
      { status: 500, text: '' },
      { status: 201, body: { rental: wireRental } },
    )
    const result = failure(setup(fake).backend.rent(request, { idempotencyKey: 'k', signal }))
    await jest.advanceTimersByTimeAsync(10_000)
    expect((await result).code).toBe(EntitlementErrorCode.SERVER)
    expect(fake.calls).toHaveLength(1)
  })

  test('holdings are asked once more after a timeout, a network error or a 5xx, then the error stands', async () => {
    const fake = scriptedFetch('hang', { status: 200, body: { passes: [], rentals: [] } })
    const ok = setup(fake, { timeoutMs: 1000 }).backend.holdings({ signal })
    await jest.advanceTimersByTimeAsync(2000)
    expect(await ok).toEqual({ passes: [], rentals: [] })
    expect(fake.calls).toHaveLength(2)

    const twice = scriptedFetch(
      'network-error',
      { status: 502, text: '' },
      { status: 200, body: { passes: [], rentals: [] } },
    )
    const failed = failure(setup(twice).backend.holdings({ signal }))
    await jest.advanceTimersByTimeAsync(2000)
    expect((await failed).code).toBe(EntitlementErrorCode.SERVER)
    expect(twice.calls).toHaveLength(2)
  })

  test('holdings are not asked again after a refusal (4xx)', async () => {
    const fake = scriptedFetch(
      { status: 403, text: '' },
      { status: 200, body: { passes: [], rentals: [] } },
    )
    const failed = failure(setup(fake).backend.holdings({ signal }))
    await jest.advanceTimersByTimeAsync(2000)
    expect((await failed).code).toBe(EntitlementErrorCode.INVALID_REQUEST)
    expect(fake.calls).toHaveLength(1)
  })

  test("the caller's abort ends the request at once with ABORTED, and nothing is retried", async () => {
    const fake = scriptedFetch('hang', 'hang')
    const controller = new AbortController()
    const result = failure(setup(fake).backend.holdings({ signal: controller.signal }))
    await jest.advanceTimersByTimeAsync(10)
    controller.abort()
    expect(fake.calls[0]!.signal!.aborted).toBe(true)
    expect(await result).toMatchObject({ code: EntitlementErrorCode.ABORTED, kind: 'aborted' })
    await jest.advanceTimersByTimeAsync(10_000)
    expect(fake.calls).toHaveLength(1)
  })

  test('an abort during the pause before the second attempt ends it too', async () => {
    const fake = scriptedFetch('network-error', { status: 200, body: { passes: [], rentals: [] } })
    const controller = new AbortController()
    const result = failure(setup(fake).backend.holdings({ signal: controller.signal }))
    await jest.advanceTimersByTimeAsync(10)
    controller.abort()
    expect((await result).code).toBe(EntitlementErrorCode.ABORTED)
    expect(fake.calls).toHaveLength(1)
  })

  test('an already aborted signal sends nothing', async () => {
    const fake = scriptedFetch()
    const result = failure(
      setup(fake).backend.rent(request, { idempotencyKey: 'k', signal: AbortSignal.abort() }),
    )
    expect((await result).code).toBe(EntitlementErrorCode.ABORTED)
    expect(fake.calls).toEqual([])
  })
})
