import type { Classification } from '../catalogue/ratings'
import type { AppConfig } from '../config/defaults'
import { inWindow, parseClockTime } from './clock'

export type ParentalSettings = AppConfig['parental']

/** Who is watching: a kids profile sees only titles rated at or below its age. */
export interface Viewer {
  kids: boolean
  /** The oldest rating a kids profile may see; ignored for other profiles. */
  maxAge: number | null
}

/** 'unreadable': rated, in a system or words the app cannot read (a lock, worded as such). */
export type PinReason = 'adult' | 'hours' | 'unrated' | 'unreadable'

export type Lock =
  { state: 'open' } | { state: 'pin'; reason: PinReason } | { state: 'barred'; reason: 'kids' }

const OPEN: Lock = { state: 'open' }

/** The CSA's ages, from tous publics (0) up. */
const CSA_AGES = [0, 10, 12, 16, 18] as const

/**
 * The CSA category a minimum age falls in (the nearest CSA age at or above it), so a Kijkwijzer
 * 14 or a BBFC 15 is locked like a -16.
 */
export function csaAge(minimumAge: number): number {
  return CSA_AGES.find((age) => age >= minimumAge) ?? 18
}

/** A kids profile that somehow has no age sees only what is for everyone. */
const kidsAge = (viewer: Viewer): number => viewer.maxAge ?? 0

/**
 * A kids profile is not offered titles rated above its age, nor titles not rated (locked like the
 * most restricted). Home, search and the play gate all ask this one question.
 */
export function barredForKids(minimumAge: number | null, viewer: Viewer): boolean {
  return viewer.kids && (minimumAge === null || minimumAge > kidsAge(viewer))
}

/** The free window of a CSA category that has one: -10 follows -12 when it is locked at all. */
function freeWindow(age: number, settings: ParentalSettings): { from: number; until: number } {
  const window = age >= 16 ? settings.hours.age16 : settings.hours.age12
  // validate.ts refuses malformed times at start; an empty window keeps a bad one locked.
  return { from: parseClockTime(window.from) ?? 0, until: parseClockTime(window.until) ?? 0 }
}

/**
 * Whether a title plays, asks for the parental PIN, or is not offered to this viewer at all.
 *
 * - A kids profile is barred from titles rated above its age and from titles not rated; what it
 *   may see then follows the household rules below, like anyone's.
 * - -18 asks for the PIN at any hour, even with `enabled: false`: the CSA requires it.
 * - A title not rated is locked like the most restricted category, so it too always asks.
 * - With `enabled: false`, nothing else asks.
 * - Below `lockFromAge` nothing asks; at or above it, -10/-12 and -16 ask outside their free
 *   windows (`hours.age12`, `hours.age16`).
 *
 * `localMinutes` is the household's time of day (`minutesOfDay` on appSettings.clock.zone).
 */
export function lockOf(
  classification: Pick<Classification, 'minimumAge'> & Partial<Pick<Classification, 'given'>>,
  viewer: Viewer,
  settings: ParentalSettings,
  localMinutes: number,
): Lock {
  const minimumAge = classification.minimumAge
  if (barredForKids(minimumAge, viewer)) {
    return { state: 'barred', reason: 'kids' }
  }
  if (minimumAge === null) {
    return { state: 'pin', reason: classification.given?.length ? 'unreadable' : 'unrated' }
  }
  const age = csaAge(minimumAge)
  if (age >= 18) return { state: 'pin', reason: 'adult' }
  if (!settings.enabled || age === 0 || age < settings.lockFromAge) return OPEN
  const { from, until } = freeWindow(age, settings)
  return inWindow(localMinutes, from, until) ? OPEN : { state: 'pin', reason: 'hours' }
}
