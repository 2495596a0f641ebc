import type { Classification } from '../catalogue/ratings'
import type { Title } from '../catalogue/schema'
import type { Access } from '../entitlements/access'
import type { Lock, PinReason } from '../parental/rules'

/**
 * What happens when a title (or one of its episodes) is asked to play, whatever the route:
 * - barred: a kids profile and a title not for its age; nothing to unlock from there.
 * - acquire: the household has no right to it yet; rent or subscribe is offered.
 * - unknown: its rights are not known (Access 'unknown'): neither played nor offered for sale.
 * - pin: the parental PIN is needed (CSA rules); an unlock lasts for this title only.
 * - play: go; `startRental` when this first play starts a rental's window.
 * Kids first (a kids profile is not offered purchases of what it may not see), then rights
 * (no PIN asked for something that will not play), then the parental lock.
 */
export type PlayDecision =
  | { kind: 'barred' }
  | { kind: 'acquire'; access: Extract<Access, { kind: 'rent' | 'subscribe' }> }
  | { kind: 'unknown'; failed: boolean }
  | { kind: 'pin'; reason: PinReason }
  | { kind: 'play'; startRental: boolean }

export function playDecision(access: Access, lock: Lock, unlocked: boolean): PlayDecision {
  if (lock.state === 'barred') return { kind: 'barred' }
  if (access.kind === 'unknown') return { kind: 'unknown', failed: access.failed }
  if (access.kind === 'rent' || access.kind === 'subscribe') return { kind: 'acquire', access }
  if (lock.state === 'pin' && !unlocked) return { kind: 'pin', reason: lock.reason }
  return { kind: 'play', startRental: access.kind === 'rented' && access.until === null }
}

/** The rating that decides the lock: the episode's own when one plays, else the title's. */
export const classificationToPlay = (
  title: Title,
  episode?: { classification: Classification },
): Classification => episode?.classification ?? title.classification
