import type { Offer } from '../catalogue/schema'
import type { Platform } from '../platform/platform'

/** What a rental offer costs: the catalogue's price, in euros. */
export type Price = Extract<Offer, { type: 'rental' }>['price']
export type RentalOffer = Extract<Offer, { type: 'rental' }>

/** A pass the household holds. Times are wall-clock ms. */
export interface PassHolding {
  passId: string
  /** When the pass stops counting (exclusive); null: open-ended (a renewing subscription). */
  activeUntil: number | null
}

/**
 * A title the household rented. The viewing window opens at the first play, not at the purchase:
 * until then the rental waits, at most until `startBy`.
 */
export interface Rental {
  rentalId: string
  titleId: string
  /** offerId() of the offer bought: 'rental'. */
  offerId: string
  /** What was paid (kept: the catalogue's price may change later). */
  price: Price
  /** The window bought; "48 h from the first play" is shown from it before the first play. */
  windowHours: number
  rentedAt: number
  /** The latest first play (exclusive), e.g. 30 days after renting. */
  startBy: number
  /** The first play; null while not started. */
  startedAt: number | null
  /** startedAt + windowHours (exclusive); null while not started. */
  expiresAt: number | null
}

export interface Holdings {
  passes: PassHolding[]
  rentals: Rental[]
}

export const NO_HOLDINGS: Holdings = Object.freeze({ passes: [], rentals: [] }) as Holdings

/** What the app asks to rent: the offer as the catalogue shows it to the household. */
export interface RentRequest {
  titleId: string
  offerId: string
  /** The price shown: a backend whose price differs refuses with PRICE_CHANGED. */
  price: Price
  windowHours: number
}

export interface CallOptions {
  signal: AbortSignal
}

export interface PurchaseOptions extends CallOptions {
  /**
   * Chosen by the caller once per intended purchase and sent again on every retry of it: the
   * backend charges at most once per key and answers a replay with the first outcome.
   */
  idempotencyKey: string
}

/**
 * Where the household's rights to watch come from, created by a factory from the registry
 * (registry.ts, registerBackends.ts). The contract, call by call:
 *
 * - **factory(host)**: builds the backend from its settings. No I/O, never throws: a bad URL is
 *   reported by the first call, as an error value.
 * - **holdings({ signal })**: every pass and rental of the household, expired rentals included
 *   (access.ts decides what still counts, against the box's clock). Safe to repeat.
 * - **rent(request, { idempotencyKey, signal })**: buys a rental and resolves it, not started.
 *   Called again with the same key (a retry after a timeout, an outage, a reload), it charges
 *   nothing more and resolves the same rental; the same key with another request is refused
 *   (KEY_REUSED). Never retried by the backend itself: only the caller knows the key is the same.
 * - **subscribe(passId, { idempotencyKey, signal })**: buys a pass, with the same idempotency
 *   rules; a pass already held resolves as it is, without a new charge.
 * - **startRental(rentalId, { signal })**: the first play. Opens the window (startedAt = now,
 *   expiresAt = now + windowHours) and resolves the rental; on a started rental it changes
 *   nothing and resolves the same window, so a second call is harmless.
 * - **dispose()**: releases timers and pending requests; the backend is not used afterwards.
 *
 * Cancellation: every call takes an AbortSignal. When it aborts, the call rejects soon after with
 * ABORTED. For holdings and startRental nothing else follows. For a purchase the outcome is then
 * unknown (the server may have charged before the abort): the caller keeps the idempotency key
 * and retries with it, which resolves whatever the first attempt did.
 *
 * Errors are data: a call rejects only with an EntitlementError (errors.ts). `recoverable` says
 * whether the same call may still succeed (timeout, offline, server, aborted: retry with the same
 * key) or the outcome is final (declined, invalid, conflict: a new attempt needs a new key).
 */
export interface EntitlementBackend {
  readonly name: string
  holdings(options: CallOptions): Promise<Holdings>
  rent(request: RentRequest, options: PurchaseOptions): Promise<Rental>
  subscribe(passId: string, options: PurchaseOptions): Promise<PassHolding>
  startRental(rentalId: string, options: CallOptions): Promise<Rental>
  dispose(): void
}

/** The box's key-value storage, as the platform gives it. */
export type BoxStorage = Platform['storage']

/** `appSettings.entitlements` (config/defaults.ts). */
export interface EntitlementSettings {
  backend: string
  /** API base of the http backend. */
  url: string
  /** Per request, in ms. */
  timeoutMs: number
  /** Passes the embedded demo household holds. */
  demoPasses: string[]
}

/** What a factory gets: only what a backend may use, never the app. */
export interface EntitlementHost {
  settings: EntitlementSettings
  fetch: typeof fetch
  storage: BoxStorage
  /** Wall-clock ms (Platform.wallClock): rental windows are calendar times. */
  wallClock(): number
  log(message: string): void
  /** The app's page: a relative `url` ("/rights/") is the operator's server beside the app. */
  baseUrl?: string
}

export type EntitlementFactory = (host: EntitlementHost) => EntitlementBackend
