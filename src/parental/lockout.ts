import * as z from 'zod'

/**
 * Wrong PINs in a row, and until when the entry is locked after too many. Plain data with
 * wall-clock times, so it is saved as it is and a reload does not reset the count.
 */
export interface LockoutState {
  failures: number
  /** Wall-clock ms; null when not locked. */
  lockedUntil: number | null
}

export interface LockoutSettings {
  maxAttempts: number
  lockoutMinutes: number
}

export const NO_FAILURES: LockoutState = { failures: 0, lockedUntil: null }

const MINUTE = 60_000

const lockoutSchema = z.lazy(() =>
  z.object({
    failures: z.number().int().min(0),
    lockedUntil: z.number().nullable(),
  }),
)

/** A stored value read back; anything unreadable counts as no failures. */
export function readLockout(value: unknown): LockoutState {
  const parsed = lockoutSchema.safeParse(value)
  return parsed.success ? parsed.data : NO_FAILURES
}

/**
 * The state as it stands at `now`: a lockout that has run out starts a fresh count, and one that
 * ends further ahead than a full lockout (the box's clock went back) is cut to a full lockout.
 */
export function settle(state: LockoutState, now: number, settings: LockoutSettings): LockoutState {
  if (state.lockedUntil === null) return state
  if (now >= state.lockedUntil) return NO_FAILURES
  const longest = now + settings.lockoutMinutes * MINUTE
  return state.lockedUntil > longest ? { ...state, lockedUntil: longest } : state
}

export function isLocked(state: LockoutState, now: number): boolean {
  return state.lockedUntil !== null && now < state.lockedUntil
}

/** The failure that reaches `maxAttempts` locks the entry for `lockoutMinutes`. */
export function recordFailure(
  state: LockoutState,
  now: number,
  settings: LockoutSettings,
): LockoutState {
  const current = settle(state, now, settings)
  if (isLocked(current, now)) return current
  const failures = current.failures + 1
  return failures >= settings.maxAttempts
    ? { failures, lockedUntil: now + settings.lockoutMinutes * MINUTE }
    : { failures, lockedUntil: null }
}

/** A right PIN clears the count; it is never asked for while locked, so never unlocks. */
export function recordSuccess(): LockoutState {
  return NO_FAILURES
}

export function attemptsLeft(state: LockoutState, now: number, settings: LockoutSettings): number {
  const current = settle(state, now, settings)
  return isLocked(current, now) ? 0 : Math.max(0, settings.maxAttempts - current.failures)
}

/** Whole minutes left, rounded up, so "1 min" shows until the lock ends; 0 when not locked. */
export function minutesLeft(state: LockoutState, now: number): number {
  return isLocked(state, now) ? Math.ceil((state.lockedUntil! - now) / MINUTE) : 0
}
