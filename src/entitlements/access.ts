import type { Offer } from '../catalogue/schema'
import type { Holdings, PassHolding, Rental, RentalOffer } from './contract'

/**
 * What applies to this household for one title, as the details screen and the tiles need it.
 * Pure: the caller gives the holdings and the time (the box's wall clock).
 */
export type Access =
  | { kind: 'free' }
  | { kind: 'ads' }
  /** The household holds a pass the title is in. */
  | { kind: 'pass'; passId: string; activeUntil: number | null }
  /** A rental that still counts; `until` null: not started yet (still before its startBy). */
  | { kind: 'rented'; rental: Rental; until: number | null }
  | { kind: 'rent'; offer: RentalOffer }
  | { kind: 'subscribe'; passId: string }
  /**
   * The household's rights are not known, and the title is not free: held or for sale, the box
   * cannot tell, so it says neither (EntitlementsStore.access). `failed`: the service did not
   * answer and the box keeps no copy; else its first answer is still awaited.
   */
  | { kind: 'unknown'; failed: boolean }

/** Every bound is exclusive: at `activeUntil` exactly, the pass no longer counts. */
export const isPassActive = (pass: PassHolding, now: number): boolean =>
  pass.activeUntil === null || pass.activeUntil > now

/**
 * A started rental counts until expiresAt (exclusive); one never started counts until startBy
 * (exclusive), after which it can no longer be started.
 */
export const isRentalActive = (rental: Rental, now: number): boolean =>
  rental.expiresAt !== null ? rental.expiresAt > now : rental.startBy > now

/**
 * The rental of `titleId` that counts now, if any. A started one comes first (it is the one being
 * watched; starting another would waste it); of several, the one lasting longest.
 */
export function activeRental(
  rentals: readonly Rental[],
  titleId: string,
  now: number,
): Rental | undefined {
  const active = rentals.filter((r) => r.titleId === titleId && isRentalActive(r, now))
  const started = active.filter((r) => r.expiresAt !== null)
  const pool = started.length ? started : active
  return [...pool].sort((a, b) => (b.expiresAt ?? b.startBy) - (a.expiresAt ?? a.startBy))[0]
}

/**
 * The instant at which `access` stops holding by the clock alone (a rental's window ends, a pass
 * lapses), for a screen to draw itself again then; undefined when it lasts. Nothing in the
 * holdings changes at that moment, so no store says it.
 */
export function accessEndsAt(access: Access): number | undefined {
  if (access.kind === 'rented') return access.rental.expiresAt ?? access.rental.startBy
  if (access.kind === 'pass') return access.activeUntil ?? undefined
  return undefined
}

/**
 * Precedence, first match wins:
 *
 * 1. free: nothing to hold, nothing to show but "free";
 * 2. a pass the household holds: what it pays for every month, and a pass holder never sees ads,
 *    even on a title also offered with ads;
 * 3. a rental that still counts: paid for, so it also beats ads (a household that rented an
 *    ad-supported title watches without breaks) — and a rental bought before the title moved
 *    into the household's pass just yields to the pass, which costs nothing more;
 * 4. ads: free to watch, before anything to buy;
 * 5. rent, then 6. subscribe: renting is the smaller step for one title, the pass is the upsell.
 *
 * A rental counts whatever the title offers today: what was bought stays bought.
 */
export function accessOf(
  title: { id: string; offers: readonly Offer[] },
  holdings: Holdings,
  now: number,
): Access {
  const offers = title.offers
  if (offers.some((o) => o.type === 'free')) return { kind: 'free' }

  const passIds = offers.flatMap((o) => (o.type === 'subscription' ? [o.pass] : []))
  const held = holdings.passes
    .filter((p) => passIds.includes(p.passId) && isPassActive(p, now))
    // Of two passes held, the one that lasts: open-ended first.
    .sort((a, b) => (b.activeUntil ?? Infinity) - (a.activeUntil ?? Infinity))[0]
  if (held) return { kind: 'pass', passId: held.passId, activeUntil: held.activeUntil }

  const rental = activeRental(holdings.rentals, title.id, now)
  if (rental) return { kind: 'rented', rental, until: rental.expiresAt }

  if (offers.some((o) => o.type === 'ads')) return { kind: 'ads' }
  const rent = offers.find((o): o is RentalOffer => o.type === 'rental')
  if (rent) return { kind: 'rent', offer: rent }
  // Titles have at least one offer (schema.ts), and every other type was handled above.
  return { kind: 'subscribe', passId: passIds[0]! }
}

/** Whether Play can start now (a not-yet-started rental starts with it: EntitlementsStore). */
export function canPlay(access: Access): boolean {
  return (
    access.kind === 'free' ||
    access.kind === 'ads' ||
    access.kind === 'pass' ||
    access.kind === 'rented'
  )
}
