/**
 * The http entitlement backend and the EntitlementsStore against the real reference server
 * (scripts/lib/entitlement-server.mjs) on 127.0.0.1, with Node's fetch. The server is an ES module
 * jest cannot load here, so it runs in a child Node process driven over IPC (faults, grants, and
 * reading what it holds); the child exits with its stdin, so it cannot outlive the test run.
 */
import path from 'node:path'
import type { Offer } from '../../src/catalogue/schema'
import type { EntitlementHost, RentalOffer } from '../../src/entitlements/contract'
import { deviceId } from '../../src/entitlements/deviceId'
import { EntitlementErrorCode } from '../../src/entitlements/errors'
import { httpEntitlements } from '../../src/entitlements/http'
import { EntitlementsStore } from '../../src/entitlements/store'
import fixture from '../fixtures/catalogue-small.json'
import {
  startEntitlementServerProcess,
  type EntitlementServerProcess,
} from './support/entitlementServer'

const ROOT = path.resolve(__dirname, '../..')
const HOUR = 3_600_000

interface WireRental {
  rentalId: string
  titleId: string
  startedAt: string | null
  expiresAt: string | null
}
interface Household {
  passes: { passId: string; activeUntil: string | null }[]
  rentals: WireRental[]
  charges: { kind: string; id: string; key: string }[]
}

const offersOf = (id: string): Offer[] =>
  (fixture.titles.find((t) => t.id === id)?.offers ?? []) as Offer[]
const dikkenek = { id: 'dikkenek', offers: offersOf('dikkenek') }
const rentalOffer = dikkenek.offers[0] as RentalOffer
const rundskop = { id: 'rundskop', offers: offersOf('rundskop') }

/** One box: its storage (device id, pending keys) outlives the stores made on it (reloads). */
function box(url: string, timeoutMs = 2000) {
  const data = new Map<string, unknown>()
  const storage = {
    get: (key: string) => data.get(key),
    set: (key: string, value: unknown) => void data.set(key, value),
    remove: (key: string) => void data.delete(key),
  }
  const host: EntitlementHost = {
    settings: { backend: 'http', url, timeoutMs, demoPasses: [] },
    fetch: (input, init) => fetch(input, init),
    storage,
    wallClock: () => Date.now(),
    log: () => {},
  }
  const stores: EntitlementsStore[] = []
  const newStore = () => {
    const store = new EntitlementsStore({
      backend: httpEntitlements(host),
      storage,
      wallClock: () => Date.now(),
    })
    stores.push(store)
    return store
  }
  return {
    device: deviceId(storage),
    storage,
    newStore,
    backend: () => httpEntitlements(host),
    dispose: () => stores.forEach((s) => s.dispose()),
  }
}

let server: EntitlementServerProcess
const boxes: ReturnType<typeof box>[] = []
const newBox = (timeoutMs?: number) => {
  const made = box(server.url, timeoutMs)
  boxes.push(made)
  return made
}
const household = (device: string) => server.ask<Household>({ type: 'household', deviceId: device })
const fault = (mode: string, count?: number) =>
  server.ask({ type: 'fault', fault: { mode, ...(count ? { count } : {}) } })

beforeAll(async () => {
  server = await startEntitlementServerProcess(
    path.join(ROOT, 'test/fixtures/catalogue-small.json'),
  )
})

afterEach(async () => {
  boxes.splice(0).forEach((b) => b.dispose())
  await fault('none')
})

afterAll(async () => {
  await server?.stop()
})

describe('entitlements over HTTP against the reference server', () => {
  test('rent: the server records one charge and the holdings contain the rental, on this box and after a reload', async () => {
    const { device, newStore } = newBox()
    const store = newStore()
    await store.refresh()
    expect(store.access(dikkenek).kind).toBe('rent')

    const result = await store.rent(dikkenek, rentalOffer)
    expect(result.ok).toBe(true)
    expect(store.access(dikkenek)).toMatchObject({ kind: 'rented', until: null })

    const reloaded = newStore()
    await reloaded.refresh()
    expect(reloaded.value.holdings.rentals).toEqual([
      expect.objectContaining({
        titleId: 'dikkenek',
        price: { amount: 3.99, currency: 'EUR' },
        windowHours: 48,
        startedAt: null,
      }),
    ])
    const held = await household(device)
    expect(held.charges).toHaveLength(1)
    expect(held.rentals.map((r) => r.rentalId)).toEqual([result.ok && result.rental.rentalId])
  })

  test('declined: the household is told, nothing is charged or recorded, and the next try is a new purchase', async () => {
    const { device, newStore, storage } = newBox()
    const store = newStore()
    await fault('decline', 1)
    const result = await store.rent(dikkenek, rentalOffer)
    expect(result).toMatchObject({
      ok: false,
      error: { code: EntitlementErrorCode.DECLINED, kind: 'declined' },
    })
    expect(await household(device)).toMatchObject({ rentals: [], charges: [] })
    expect(storage.get('entitlements-pending-keys')).toBeUndefined()

    expect((await store.rent(dikkenek, rentalOffer)).ok).toBe(true)
    const requests = await server.ask<
      { path: string; idempotencyKey?: string; deviceId?: string }[]
    >({ type: 'requests' })
    const keys = requests
      .filter((r) => r.deviceId === device && r.path === '/rentals')
      .map((r) => r.idempotencyKey)
    expect(keys).toHaveLength(2)
    expect(keys[0]).not.toBe(keys[1])
  })

  test('recorded then a 500: the retry, even after a reload, gets the same rental and the server holds exactly one', async () => {
    const { device, newStore } = newBox()
    await fault('fail-after-record', 1)
    const first = await newStore().rent(dikkenek, rentalOffer)
    expect(first).toMatchObject({
      ok: false,
      error: { code: EntitlementErrorCode.SERVER, recoverable: true, status: 500 },
    })
    expect((await household(device)).rentals).toHaveLength(1)

    // The app restarts before the household presses again.
    const retry = await newStore().rent(dikkenek, rentalOffer)
    expect(retry.ok).toBe(true)
    const held = await household(device)
    expect(held.rentals).toHaveLength(1)
    expect(held.charges).toHaveLength(1)
    expect(retry.ok && retry.rental.rentalId).toBe(held.rentals[0]!.rentalId)
  })

  test('the price shown is not the price: refused as a conflict, nothing charged', async () => {
    const { device, newStore } = newBox()
    const stale: RentalOffer = { ...rentalOffer, price: { amount: 2.99, currency: 'EUR' } }
    const result = await newStore().rent(dikkenek, stale)
    expect(result).toMatchObject({
      ok: false,
      error: { code: EntitlementErrorCode.PRICE_CHANGED, kind: 'conflict' },
    })
    expect((await household(device)).charges).toEqual([])
  })

  test('startPlayback opens a 48 h window on the server, once', async () => {
    const { device, newStore, backend } = newBox()
    const store = newStore()
    await store.rent(dikkenek, rentalOffer)
    const before = Date.now()
    const started = await store.startPlayback('dikkenek')
    expect(started.ok).toBe(true)
    const rental = started.ok ? started.rental! : undefined
    expect(rental!.startedAt).toBeGreaterThanOrEqual(before - 1000)
    expect(rental!.expiresAt! - rental!.startedAt!).toBe(48 * HOUR)
    expect(store.access(dikkenek)).toMatchObject({ kind: 'rented', until: rental!.expiresAt })

    const onServer = (await household(device)).rentals[0]!
    expect(Date.parse(onServer.expiresAt!) - Date.parse(onServer.startedAt!)).toBe(48 * HOUR)
    // Starting it again (a retry, another box of the household) changes nothing on the server.
    const signal = new AbortController().signal
    expect(await backend().startRental(rental!.rentalId, { signal })).toEqual(rental)
    const other = newStore()
    await other.refresh()
    expect(await other.startPlayback('dikkenek')).toEqual({ ok: true, rental })
  })

  test('a server that hangs: the purchase times out, is not repeated, and its key is kept for the retry', async () => {
    const { device, newStore, storage } = newBox(300)
    const store = newStore()
    await fault('hang')
    const started = Date.now()
    const result = await store.rent(dikkenek, rentalOffer)
    expect(result).toMatchObject({
      ok: false,
      error: { code: EntitlementErrorCode.TIMEOUT, kind: 'timeout' },
    })
    expect(Date.now() - started).toBeLessThan(2000)
    expect(storage.get('entitlements-pending-keys')).toBeDefined()

    await fault('none')
    expect((await store.rent(dikkenek, rentalOffer)).ok).toBe(true)
    const requests = await server.ask<
      { path: string; idempotencyKey?: string; deviceId?: string }[]
    >({ type: 'requests' })
    const keys = requests
      .filter((r) => r.deviceId === device && r.path === '/rentals')
      .map((r) => r.idempotencyKey)
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
    expect((await household(device)).charges).toHaveLength(1)
  })

  test('subscribe: the pass is held on the server and the pass title plays', async () => {
    const { device, newStore } = newBox()
    const store = newStore()
    await store.refresh()
    expect(store.access(rundskop)).toEqual({ kind: 'subscribe', passId: 'movies-series' })
    expect(await store.subscribe('movies-series')).toEqual({
      ok: true,
      pass: { passId: 'movies-series', activeUntil: null },
    })
    expect(store.access(rundskop).kind).toBe('pass')
    const reloaded = newStore()
    await reloaded.refresh()
    expect(reloaded.access(rundskop).kind).toBe('pass')
    expect(await household(device)).toMatchObject({
      passes: [{ passId: 'movies-series', activeUntil: null }],
      charges: [expect.objectContaining({ kind: 'pass' })],
    })
  })

  test('households are kept apart by device id; granted rights show in holdings', async () => {
    const first = newBox()
    const second = newBox()
    await server.ask({
      type: 'grant',
      deviceId: first.device,
      grant: {
        passes: ['movies-series'],
        rentals: [{ titleId: 'dikkenek', startedAt: Date.now() - HOUR }],
      },
    })
    const a = first.newStore()
    const b = second.newStore()
    await Promise.all([a.refresh(), b.refresh()])
    expect(a.access(rundskop).kind).toBe('pass')
    expect(a.access(dikkenek)).toMatchObject({ kind: 'rented', until: expect.any(Number) })
    expect(b.value.holdings).toEqual({ passes: [], rentals: [] })
  })
})
