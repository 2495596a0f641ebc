import type { Observable } from 'rxjs'
import { defaultAppConfig, type AppConfig } from '../config/defaults'
import { Store } from '../state/Store'
import { accessOf, activeRental, isPassActive, type Access } from './access'
import {
  NO_HOLDINGS,
  type BoxStorage,
  type EntitlementBackend,
  type Holdings,
  type PassHolding,
  type Rental,
  type RentalOffer,
} from './contract'
import { randomId } from './deviceId'
import { asEntitlementError, EntitlementError, EntitlementErrorCode } from './errors'
import { readHoldings, writeHoldings } from './holdingsCache'
import { offerId } from './offerId'
import { passPurchase, PendingKeys, rentalPurchase } from './pendingKeys'

export interface EntitlementsState {
  /**
   * 'loading' until the first answer, unless the box kept holdings from an earlier run
   * (holdingsCache.ts): then 'ready' with source 'cache' from the start. 'failed' keeps the last
   * holdings known (if any), from the cache or the service.
   */
  status: 'loading' | 'ready' | 'failed'
  holdings: Holdings
  /**
   * Where the holdings list comes from: the service in this run ('network'), or the last good one
   * kept on the box ('cache') until the service answers. Absent while none is known.
   */
  source?: 'network' | 'cache'
  /**
   * Wall-clock ms when that list was fetched from the service (for 'cache', in an earlier run).
   * Purchases merged since do not change it: it is the age of the whole list. Absent with source.
   */
  fetchedAt?: number
  /** Why the last refresh failed. */
  problem?: EntitlementError
}

/** No holdings are known at all: the service failed and the box kept none from an earlier run. */
export const rightsUnchecked = (state: EntitlementsState): boolean =>
  state.status === 'failed' && state.source === undefined

/**
 * How much the box knows of the household's rights: 'known' (a list from the service or the
 * box's copy), 'checking' (none yet, the first answer is awaited) or 'unchecked' (none: the
 * service failed and the box kept none). For screens to draw again when it changes.
 */
export type RightsKnowledge = 'known' | 'checking' | 'unchecked'

export const rightsKnowledge = (state: EntitlementsState): RightsKnowledge =>
  state.source !== undefined ? 'known' : state.status === 'failed' ? 'unchecked' : 'checking'

const inAPass = (title: Parameters<typeof accessOf>[0]): boolean =>
  title.offers.some((offer) => offer.type === 'subscription')

export type RentResult = { ok: true; rental: Rental } | { ok: false; error: EntitlementError }
export type SubscribeResult =
  { ok: true; pass: PassHolding } | { ok: false; error: EntitlementError }
/** `rental` null: the title plays without a rental to start (free, ads, a pass). */
export type StartResult =
  { ok: true; rental: Rental | null } | { ok: false; error: EntitlementError }

export interface EntitlementsStoreOptions {
  backend: EntitlementBackend
  storage: BoxStorage
  wallClock(): number
  /** Idempotency keys; injectable so tests can tell attempts apart. */
  newKey?: () => string
  /** `appSettings.entitlements` (its cache and refresh keys); default: defaultAppConfig()'s. */
  settings?: Pick<AppConfig['entitlements'], 'cacheMaxAgeHours' | 'refreshMinutes'>
  /** Where a dropped or unusable stored entry is reported; default console.warn. */
  log?: (message: string) => void
}

/**
 * How far the service's clock may be behind the box's when holdings are matched with a pending
 * purchase: a rental recorded up to this long before the first attempt is still taken for it.
 */
const CLOCK_SKEW_MS = 10 * 60_000

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * refreshIfStale does not ask again within this long of a failed refresh: during an outage, every
 * screen asking before it decides would otherwise wait for a timeout each time.
 */
const FAILED_RETRY_MS = 30_000

/** The shortest periodic refresh: every box of the operator asks the same service. */
const MIN_AUTO_REFRESH_MS = MINUTE

/** A change made to the holdings by this app (a purchase, a first play). */
type Change = (holdings: Holdings) => Holdings

/** How long a purchase made on this box is kept when the service's list does not show it yet. */
const UNLISTED_PURCHASE_MS = 10 * 60_000

const replaceBy = <T>(list: readonly T[], item: T, same: (a: T, b: T) => boolean): T[] => [
  ...list.filter((other) => !same(other, item)),
  item,
]

/**
 * The household's rights to watch, observable, and the purchases that change them. Purchases
 * never charge twice: each intended purchase (a title's rental offer, a pass) keeps one
 * idempotency key from its first attempt until its outcome is known (PendingKeys), across
 * retries and reloads; a second press while one is under way joins it.
 *
 * The last good holdings are kept in storage (holdingsCache.ts): written after every successful
 * refresh, purchase and first play, read back when the store is created, so a box that starts
 * during an outage still knows what the household paid for. Whether a rental still counts is
 * always decided against the wall clock.
 *
 * Lifecycle: create, refresh() at start, refreshIfStale() whenever a screen is about to decide,
 * startAutoRefresh() for holdings bought elsewhere (another device, the operator's web shop), then
 * rent / subscribe / startPlayback; dispose() stops the auto refresh and aborts what is in flight
 * (calls then resolve with an ABORTED error and change nothing), and the store is not used
 * afterwards.
 */
export class EntitlementsStore {
  private readonly store: Store<EntitlementsState>
  private readonly backend: EntitlementBackend
  private readonly storage: BoxStorage
  private readonly wallClock: () => number
  private readonly log: (message: string) => void
  private readonly settings: NonNullable<EntitlementsStoreOptions['settings']>
  private readonly pending: PendingKeys
  private readonly controller = new AbortController()
  private readonly inFlight = new Map<string, Promise<unknown>>()
  private refreshing: Promise<void> | undefined
  /** Changes made while a refresh is under way: its answer may predate them. */
  private changesDuringLoad: Change[] | undefined
  /**
   * Purchases made on this box, kept for a while beside the service's list: a service whose list
   * lags behind its purchases (a read replica) would otherwise take them away at the next
   * refresh, and offer the household to pay again.
   */
  private recentPurchases: { at: number; rentalId?: string; keep: Change }[] = []
  /** Wall-clock ms when the last refresh failed, if it did. */
  private failedAt: number | undefined
  private stopAutoRefresh: (() => void) | undefined

  constructor(options: EntitlementsStoreOptions) {
    this.backend = options.backend
    this.storage = options.storage
    this.wallClock = () => options.wallClock()
    this.log = options.log ?? ((message) => console.warn(message))
    this.settings = options.settings ?? defaultAppConfig().entitlements
    this.pending = new PendingKeys(options.storage, this.wallClock, options.newKey ?? randomId)
    const cached = readHoldings(options.storage, {
      backend: this.backend.name,
      now: this.wallClock(),
      maxAgeMs: this.settings.cacheMaxAgeHours * HOUR,
      log: this.log,
    })
    this.store = new Store<EntitlementsState>(
      cached
        ? { status: 'ready', source: 'cache', ...cached }
        : { status: 'loading', holdings: NO_HOLDINGS },
    )
  }

  get value(): EntitlementsState {
    return this.store.value
  }

  select<R>(selector: (state: EntitlementsState) => R): Observable<R> {
    return this.store.select(selector)
  }

  /** The wall clock rights are judged by (ms). */
  now(): number {
    return this.wallClock()
  }

  /**
   * What applies to `title` now (access.ts), from the holdings the store has. While no list of
   * them is known (rightsKnowledge), a title that would be offered for sale is 'unknown': the
   * household may hold it already, so neither a price nor a pass to take is shown. What the box
   * does know (free, ads, a purchase made on it meanwhile) applies as ever, with one wait: a
   * title with ads that a pass also carries is 'unknown' while the list is being asked for, since
   * a pass holder watches it without ads. Once asking failed it plays with ads (the household
   * can still watch; details offers to check again: adsUnchecked).
   */
  access(title: Parameters<typeof accessOf>[0]): Access {
    const access = accessOf(title, this.store.value.holdings, this.wallClock())
    const knowledge = rightsKnowledge(this.store.value)
    if (knowledge === 'known') return access
    if (access.kind === 'rent' || access.kind === 'subscribe')
      return { kind: 'unknown', failed: knowledge === 'unchecked' }
    if (access.kind === 'ads' && knowledge === 'checking' && inAPass(title))
      return { kind: 'unknown', failed: false }
    return access
  }

  /** A title played with ads only because the household's passes could not be checked. */
  adsUnchecked(title: Parameters<typeof accessOf>[0]): boolean {
    return (
      rightsKnowledge(this.store.value) === 'unchecked' &&
      inAPass(title) &&
      this.access(title).kind === 'ads'
    )
  }

  /**
   * Asks the backend for the holdings; concurrent calls share one request. Never rejects: a
   * failure is the state's 'failed' status and problem, and the holdings known are kept.
   */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => (this.refreshing = undefined))
    return this.refreshing
  }

  /**
   * For a screen about to decide (the play route, details): refresh() unless the holdings list
   * was fetched less than `maxAgeMs` ago. A refresh under way is joined. Within 30 s of a failed
   * refresh (or `maxAgeMs`, if shorter) it does not ask again and resolves at once: during an
   * outage the screen decides on what is known (the cache) instead of waiting for a timeout at
   * every press. Never rejects.
   */
  refreshIfStale(maxAgeMs: number): Promise<void> {
    const now = this.wallClock()
    // A time ahead of the clock (the clock went back) says nothing about the age: stale.
    const within = (at: number | undefined, ms: number) =>
      at !== undefined && at <= now && now - at < ms
    if (within(this.store.value.fetchedAt, maxAgeMs)) return Promise.resolve()
    if (this.refreshing) return this.refreshing
    if (within(this.failedAt, Math.min(maxAgeMs, FAILED_RETRY_MS))) return Promise.resolve()
    return this.refresh()
  }

  /**
   * Refreshes every `intervalMs` (default `appSettings.entitlements.refreshMinutes`) until the
   * returned function or dispose() stops it, so a pass taken on another device or a rental bought
   * on the operator's web shop shows without a restart. The first refresh comes one interval
   * after the start (the app refreshes at start anyway). The next one is planned only once the
   * previous one has settled, so requests never overlap however slow the service is; one asked
   * meanwhile by a screen is joined. One periodic refresh per store: starting again replaces the
   * previous one. An interval of 0 or less starts nothing; one under a minute counts as a minute.
   */
  startAutoRefresh(intervalMs: number = this.settings.refreshMinutes * MINUTE): () => void {
    this.stopAutoRefresh?.()
    if (this.controller.signal.aborted || !(intervalMs > 0)) return () => undefined
    const every = Math.max(intervalMs, MIN_AUTO_REFRESH_MS)
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const plan = () => {
      timer = setTimeout(() => {
        timer = undefined
        void this.refresh().then(() => {
          if (!stopped) plan()
        })
      }, every)
    }
    const stop = () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      if (this.stopAutoRefresh === stop) this.stopAutoRefresh = undefined
    }
    this.stopAutoRefresh = stop
    plan()
    return stop
  }

  rent(title: { id: string }, offer: RentalOffer): Promise<RentResult> {
    const now = this.wallClock()
    const rented = activeRental(this.store.value.holdings.rentals, title.id, now)
    // Already rented: never buy the same title twice because a button was shown too long.
    if (rented) return Promise.resolve({ ok: true, rental: rented })
    const id = offerId(offer)
    return this.purchase(rentalPurchase(title.id, id), async (idempotencyKey, signal) => {
      const rental = await this.backend.rent(
        { titleId: title.id, offerId: id, price: offer.price, windowHours: offer.windowHours },
        { idempotencyKey, signal },
      )
      this.mergeRental(rental)
      this.recentPurchases.push({
        at: this.wallClock(),
        rentalId: rental.rentalId,
        keep: (holdings) =>
          holdings.rentals.some((held) => held.rentalId === rental.rentalId)
            ? holdings
            : { ...holdings, rentals: [...holdings.rentals, rental] },
      })
      return { ok: true, rental }
    })
  }

  subscribe(passId: string): Promise<SubscribeResult> {
    const held = this.store.value.holdings.passes.find(
      (p) => p.passId === passId && isPassActive(p, this.wallClock()),
    )
    if (held) return Promise.resolve({ ok: true, pass: held })
    return this.purchase(passPurchase(passId), async (idempotencyKey, signal) => {
      const pass = await this.backend.subscribe(passId, { idempotencyKey, signal })
      this.change((holdings) => ({
        ...holdings,
        passes: replaceBy(holdings.passes, pass, (a, b) => a.passId === b.passId),
      }))
      this.recentPurchases.push({
        at: this.wallClock(),
        keep: (holdings) =>
          holdings.passes.some((held) => held.passId === pass.passId)
            ? holdings
            : { ...holdings, passes: [...holdings.passes, pass] },
      })
      return { ok: true, pass }
    })
  }

  /**
   * Call just before playing `titleId`: opens the window of its rental on the first play (a
   * started rental, or a title without one, resolves at once without a call). On an error the
   * screen decides whether to play anyway: the rental may not be startable any more.
   */
  startPlayback(titleId: string): Promise<StartResult> {
    const rental = activeRental(this.store.value.holdings.rentals, titleId, this.wallClock())
    if (!rental || rental.startedAt !== null) {
      return Promise.resolve({ ok: true, rental: rental ?? null })
    }
    return this.once(`start:${rental.rentalId}`, async () => {
      try {
        this.checkOpen()
        const started = await this.backend.startRental(rental.rentalId, {
          signal: this.controller.signal,
        })
        this.mergeRental(started)
        return { ok: true, rental: started }
      } catch (error) {
        const refused = asEntitlementError(error, this.backend.name)
        // The service will not start it (not started in time, revoked, refunded): the box stops
        // counting it, so the title is offered again instead of asked to start for ever.
        if (refused.kind === 'conflict') {
          this.log(
            `entitlements[${this.backend.name}]: rental ${rental.rentalId} refused at its first play (${refused.message}); no longer counted`,
          )
          this.dropRental(rental.rentalId)
        }
        return { ok: false, error: refused }
      }
    })
  }

  dispose(): void {
    this.stopAutoRefresh?.()
    this.controller.abort()
  }

  private async load(): Promise<void> {
    const changes: Change[] = []
    this.changesDuringLoad = changes
    // The time asked, not answered: the list is at least this old.
    const fetchedAt = this.wallClock()
    try {
      this.checkOpen()
      const answer = await this.backend.holdings({ signal: this.controller.signal })
      if (this.controller.signal.aborted) return
      this.settlePending(answer)
      // A rental bought or started while the request ran may be missing from its answer; without
      // it, the household would be offered (and charged for) the same rental again.
      const now = this.wallClock()
      this.recentPurchases = this.recentPurchases.filter(
        (purchase) => now - purchase.at < UNLISTED_PURCHASE_MS,
      )
      const holdings = [
        ...changes,
        ...this.recentPurchases.map((purchase) => purchase.keep),
      ].reduce((list, change) => change(list), answer)
      this.failedAt = undefined
      this.store.update({
        status: 'ready',
        holdings,
        source: 'network',
        fetchedAt,
        problem: undefined,
      })
      this.persist()
    } catch (error) {
      if (this.controller.signal.aborted) return
      this.failedAt = this.wallClock()
      // The holdings known (from the cache or an earlier answer) stay: a household does not lose
      // what it paid for because the service is down.
      this.store.update({
        status: 'failed',
        problem: asEntitlementError(error, this.backend.name),
      })
    } finally {
      if (this.changesDuringLoad === changes) this.changesDuringLoad = undefined
    }
  }

  /** Applies a change of this app's to the holdings, and keeps it for a refresh under way. */
  private change(change: Change): void {
    if (this.controller.signal.aborted) return
    this.changesDuringLoad?.push(change)
    this.store.update(({ holdings }) => ({ holdings: change(holdings) }))
    this.persist()
  }

  /**
   * Keeps the holdings on the box, with the time their list was fetched; one bought before any
   * list was fetched is kept with the time of the purchase. A storage that refuses is logged:
   * the holdings are still right in memory.
   */
  private persist(): void {
    const now = this.wallClock()
    const { holdings, fetchedAt } = this.store.value
    try {
      writeHoldings(this.storage, this.backend.name, holdings, fetchedAt ?? now, now)
    } catch (error) {
      this.log(`entitlements: the holdings could not be kept on the box (${String(error)})`)
    }
  }

  /**
   * Runs one purchase with its pending key. Success and final refusals (declined, invalid,
   * conflict) end the key; anything else (timeout, offline, 5xx, abort) keeps it for the retry,
   * since the service may have charged.
   */
  private purchase<T extends { ok: true }>(
    purchase: string,
    buy: (idempotencyKey: string, signal: AbortSignal) => Promise<T>,
  ): Promise<T | { ok: false; error: EntitlementError }> {
    return this.once(purchase, async () => {
      try {
        this.checkOpen()
        const result = await buy(this.pending.take(purchase), this.controller.signal)
        this.pending.drop(purchase)
        return result
      } catch (error) {
        const failure = asEntitlementError(error, this.backend.name)
        if (!failure.recoverable) this.pending.drop(purchase)
        // The service holds something the box does not know (rented on another box, a price
        // changed): the holdings are read again, so the title shows what applies now.
        if (failure.kind === 'conflict') void this.refresh()
        return { ok: false as const, error: failure }
      }
    })
  }

  /** A second press while the same operation runs joins it instead of starting another. */
  private once<T>(id: string, run: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(id) as Promise<T> | undefined
    if (running) return running
    const started = run().finally(() => this.inFlight.delete(id))
    this.inFlight.set(id, started)
    return started
  }

  private checkOpen(): void {
    if (this.controller.signal.aborted) {
      throw new EntitlementError(
        EntitlementErrorCode.ABORTED,
        'the entitlements store was disposed',
        this.backend.name,
      )
    }
  }

  private mergeRental(rental: Rental): void {
    this.change((holdings) => ({
      ...holdings,
      rentals: replaceBy(holdings.rentals, rental, (a, b) => a.rentalId === b.rentalId),
    }))
  }

  private dropRental(rentalId: string): void {
    this.recentPurchases = this.recentPurchases.filter((purchase) => purchase.rentalId !== rentalId)
    this.change((holdings) => ({
      ...holdings,
      rentals: holdings.rentals.filter((rental) => rental.rentalId !== rentalId),
    }))
  }

  /**
   * Ends pending keys whose purchase the holdings show: an attempt that timed out but went
   * through needs no retry, and its key must not be replayed for a later purchase of the same
   * offer (the service would answer with the old, perhaps expired, rental).
   */
  private settlePending(holdings: Holdings): void {
    const now = this.wallClock()
    for (const [purchase, { createdAt }] of Object.entries(this.pending.all())) {
      const done =
        holdings.rentals.some(
          (r) =>
            rentalPurchase(r.titleId, r.offerId) === purchase &&
            r.rentedAt >= createdAt - CLOCK_SKEW_MS,
        ) ||
        holdings.passes.some((p) => passPurchase(p.passId) === purchase && isPassActive(p, now))
      if (done) this.pending.drop(purchase)
    }
  }
}
