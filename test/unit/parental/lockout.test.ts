import {
  attemptsLeft,
  isLocked,
  minutesLeft,
  NO_FAILURES,
  readLockout,
  recordFailure,
  recordSuccess,
  settle,
  type LockoutState,
} from '../../../src/parental/lockout'

const settings = { maxAttempts: 5, lockoutMinutes: 15 }
const MINUTE = 60_000
const T0 = Date.UTC(2026, 11, 2, 18)

const fail = (times: number, state: LockoutState = NO_FAILURES, now = T0) => {
  let current = state
  for (let i = 0; i < times; i++) current = recordFailure(current, now, settings)
  return current
}

describe('lockout', () => {
  test('counts down the attempts left, and locks on exactly the fifth wrong PIN', () => {
    expect(attemptsLeft(NO_FAILURES, T0, settings)).toBe(5)
    for (let wrong = 1; wrong <= 4; wrong++) {
      const state = fail(wrong)
      expect(isLocked(state, T0)).toBe(false)
      expect(attemptsLeft(state, T0, settings)).toBe(5 - wrong)
    }
    const locked = fail(5)
    expect(isLocked(locked, T0)).toBe(true)
    expect(locked.lockedUntil).toBe(T0 + 15 * MINUTE)
    expect(attemptsLeft(locked, T0, settings)).toBe(0)
  })

  test('the minutes left round up and count down', () => {
    const locked = fail(5)
    expect(minutesLeft(locked, T0)).toBe(15)
    expect(minutesLeft(locked, T0 + 1)).toBe(15)
    expect(minutesLeft(locked, T0 + MINUTE)).toBe(14)
    expect(minutesLeft(locked, T0 + 14 * MINUTE + 1)).toBe(1)
    expect(minutesLeft(locked, T0 + 15 * MINUTE)).toBe(0)
    expect(minutesLeft(NO_FAILURES, T0)).toBe(0)
  })

  test('it ends after lockoutMinutes, with a fresh count', () => {
    const locked = fail(5)
    expect(isLocked(locked, T0 + 15 * MINUTE - 1)).toBe(true)
    expect(isLocked(locked, T0 + 15 * MINUTE)).toBe(false)
    expect(settle(locked, T0 + 15 * MINUTE, settings)).toEqual(NO_FAILURES)
    expect(attemptsLeft(locked, T0 + 15 * MINUTE, settings)).toBe(5)
    expect(recordFailure(locked, T0 + 16 * MINUTE, settings)).toEqual({
      failures: 1,
      lockedUntil: null,
    })
  })

  test('failures while locked do not lengthen the lockout', () => {
    const locked = fail(5)
    expect(recordFailure(locked, T0 + 5 * MINUTE, settings)).toEqual(locked)
  })

  test('a right PIN clears the count', () => {
    expect(recordSuccess()).toEqual(NO_FAILURES)
  })

  test('a lockout ending further ahead than a full one (the clock went back) is cut', () => {
    const locked = fail(5)
    const clockBack = T0 - 24 * 60 * MINUTE
    expect(settle(locked, clockBack, settings).lockedUntil).toBe(clockBack + 15 * MINUTE)
    expect(settle(locked, T0 + MINUTE, settings)).toBe(locked)
  })

  test('the state survives JSON; anything unreadable is no failures', () => {
    const locked = fail(5)
    expect(readLockout(JSON.parse(JSON.stringify(locked)))).toEqual(locked)
    expect(readLockout(JSON.parse(JSON.stringify(fail(2))))).toEqual({
      failures: 2,
      lockedUntil: null,
    })
    for (const junk of [null, 'x', { failures: -1, lockedUntil: null }, { failures: 1 }]) {
      expect(readLockout(junk)).toEqual(NO_FAILURES)
    }
  })
})
