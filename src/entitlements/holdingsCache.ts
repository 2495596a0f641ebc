import * as z from 'zod'
import { isPassActive, isRentalActive } from './access'
import type { BoxStorage, Holdings, PassHolding, Rental } from './contract'
import { entitlementsEnvelopeSchema, parseHoldings } from './wire'

/**
 * The household's last good holdings, kept in the box's storage so that a box starting while the
 * entitlement service is unreachable still lets the household watch what it paid for.
 *
 * One entry, written in the wire's format (times as ISO 8601 strings) and read back through the
 * same schemas as an answer of the service (wire.ts): what storage gives back is data from outside
 * like any other. An entry that does not read (damaged, an older format, any pass or rental that
 * fails its schema) is removed and logged, never partly trusted. An entry of another backend, from
 * the future (the clock went back) or older than the limit is not used; the next good answer
 * replaces it. Passes and rentals that no longer count on the wall clock are left out both when
 * writing and when reading, so an expired rental never comes back from storage.
 */
export const HOLDINGS_KEY = 'entitlements-holdings'

/** Changes whenever the stored shape changes: an entry of another format is dropped. */
const FORMAT = 1

/** A fetch time this far ahead of the box's clock is a clock that went back: the age is unknown. */
const FUTURE_TOLERANCE_MS = 5 * 60_000

const entrySchema = z.lazy(() =>
  z.object({
    format: z.literal(FORMAT),
    /** EntitlementBackend.name: the demo household's passes must not count for the operator's. */
    backend: z.string(),
    /** Wall-clock ms when the list was fetched from the service (within what a Date can hold). */
    fetchedAt: z.number().min(0).max(8.64e15),
    holdings: entitlementsEnvelopeSchema,
  }),
)

export interface CachedHoldings {
  holdings: Holdings
  fetchedAt: number
}

export interface HoldingsCacheOptions {
  backend: string
  /** The box's wall clock now. */
  now: number
  /** Older entries are not used; 0 or less: none is. */
  maxAgeMs: number
  log: (message: string) => void
}

const iso = (ms: number): string => new Date(ms).toISOString()
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms))

const passToWire = (pass: PassHolding) => ({
  passId: pass.passId,
  activeUntil: isoOrNull(pass.activeUntil),
})

const rentalToWire = (rental: Rental) => ({
  ...rental,
  rentedAt: iso(rental.rentedAt),
  startBy: iso(rental.startBy),
  startedAt: isoOrNull(rental.startedAt),
  expiresAt: isoOrNull(rental.expiresAt),
})

/** What still counts at `now`. */
const counting = (holdings: Holdings, now: number): Holdings => ({
  passes: holdings.passes.filter((pass) => isPassActive(pass, now)),
  rentals: holdings.rentals.filter((rental) => isRentalActive(rental, now)),
})

/**
 * Stores `holdings` as the household's last good ones. Throws what the storage throws (quota) and
 * a RangeError for a time no Date can hold: the caller logs it, a purchase never fails for it.
 */
export function writeHoldings(
  storage: BoxStorage,
  backend: string,
  holdings: Holdings,
  fetchedAt: number,
  now: number,
): void {
  const kept = counting(holdings, now)
  storage.set(HOLDINGS_KEY, {
    format: FORMAT,
    backend,
    fetchedAt,
    holdings: { passes: kept.passes.map(passToWire), rentals: kept.rentals.map(rentalToWire) },
  })
}

/** The stored holdings if they read and may still be used at `options.now`, else undefined. */
export function readHoldings(
  storage: BoxStorage,
  options: HoldingsCacheOptions,
): CachedHoldings | undefined {
  const { log, now } = options
  let raw: unknown
  try {
    raw = storage.get(HOLDINGS_KEY)
  } catch (error) {
    log(`entitlements: the stored holdings could not be read (${String(error)})`)
    return undefined
  }
  if (raw === undefined || raw === null) return undefined

  const drop = (why: string): undefined => {
    log(`entitlements: stored holdings dropped, ${why}`)
    try {
      storage.remove(HOLDINGS_KEY)
    } catch {
      // Unreadable and not removable: it is ignored at every start, which is all that matters.
    }
    return undefined
  }
  const entry = entrySchema.safeParse(raw)
  if (!entry.success) {
    const issue = entry.error.issues[0]
    return drop(`not a holdings entry (${issue?.path.join('.') || 'root'}: ${issue?.message})`)
  }
  const { passes, rentals, skipped } = parseHoldings(entry.data.holdings)
  if (skipped.length) return drop(`unreadable ${skipped.join(', ')}`)

  const { backend, fetchedAt } = entry.data
  const unused = (why: string): undefined => {
    log(`entitlements: stored holdings not used, ${why}`)
    return undefined
  }
  if (backend !== options.backend) {
    return unused(`they are backend "${backend}"'s, not "${options.backend}"'s`)
  }
  if (fetchedAt > now + FUTURE_TOLERANCE_MS) {
    return unused(`fetched at ${iso(fetchedAt)}, after the box's time ${iso(now)}`)
  }
  if (!(options.maxAgeMs > 0) || now - fetchedAt > options.maxAgeMs) {
    return unused(`fetched at ${iso(fetchedAt)}, older than ${options.maxAgeMs / 3_600_000} h`)
  }
  return { holdings: counting({ passes, rentals }, now), fetchedAt }
}
