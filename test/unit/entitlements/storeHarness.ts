/** A scripted backend and a store over it, shared by the EntitlementsStore tests. */
import type {
  BoxStorage,
  EntitlementBackend,
  Holdings,
  PassHolding,
  RentRequest,
} from '../../../src/entitlements/contract'
import { EntitlementError, EntitlementErrorCode } from '../../../src/entitlements/errors'
import { EntitlementsStore, type EntitlementsStoreOptions } from '../../../src/entitlements/store'
import { DAY, HOUR, memoryStorage, NOW, rental } from './fixtures'

export const error = (code: (typeof EntitlementErrorCode)[keyof typeof EntitlementErrorCode]) =>
  new EntitlementError(code, 'scripted', 'fake')

/** A backend whose every call is a jest mock, with the idempotency key and signal recorded. */
export function fakeBackend(holdings: Holdings = { passes: [], rentals: [] }) {
  return {
    name: 'fake',
    holdings: jest.fn(async (_options: { signal: AbortSignal }) => holdings),
    rent: jest.fn(
      async (request: RentRequest, _options: { idempotencyKey: string; signal: AbortSignal }) =>
        rental({
          rentalId: 'r-new',
          titleId: request.titleId,
          rentedAt: NOW,
          startBy: NOW + 30 * DAY,
        }),
    ),
    subscribe: jest.fn(
      async (
        passId: string,
        _options: { idempotencyKey: string; signal: AbortSignal },
      ): Promise<PassHolding> => ({
        passId,
        activeUntil: null,
      }),
    ),
    startRental: jest.fn(async (rentalId: string, _options: { signal: AbortSignal }) =>
      rental({ rentalId, startedAt: NOW, expiresAt: NOW + 48 * HOUR }),
    ),
    dispose: jest.fn(),
  } satisfies EntitlementBackend
}

/**
 * A store over `backend` and `storage`, on a wall clock the test moves; `make()` builds another
 * one over the same storage and clock, as the app does after a reload. What stores log is kept.
 */
export function setup<Backend extends EntitlementBackend = ReturnType<typeof fakeBackend>>(
  backend: Backend = fakeBackend() as EntitlementBackend as Backend,
  storage: BoxStorage = memoryStorage(),
  options: Partial<Pick<EntitlementsStoreOptions, 'settings'>> = {},
) {
  let keys = 0
  let now = NOW
  const logged: string[] = []
  const make = () =>
    new EntitlementsStore({
      backend,
      storage,
      wallClock: () => now,
      newKey: () => `key-${++keys}`,
      log: (message) => logged.push(message),
      ...options,
    })
  return {
    backend,
    storage,
    store: make(),
    make,
    logged,
    advance: (ms: number) => (now += ms),
    now: () => now,
  }
}

/** A promise the test settles. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
