import { classify, NOT_RATED, type GivenRating } from '../../../src/catalogue/ratings'
import { defaultAppConfig } from '../../../src/config/defaults'
import { csaAge, lockOf, type ParentalSettings, type Viewer } from '../../../src/parental/rules'

const settings: ParentalSettings = defaultAppConfig().parental
const adult: Viewer = { kids: false, maxAge: null }
const at = (clock: string) => {
  const [h, m] = clock.split(':').map(Number)
  return h! * 60 + m!
}
const csa = (value: string) => classify([{ system: 'CSA', value }])
const rated = (...given: GivenRating[]) => classify(given)

const OPEN = { state: 'open' }
const HOURS = { state: 'pin', reason: 'hours' }
const ADULT = { state: 'pin', reason: 'adult' }
const UNRATED = { state: 'pin', reason: 'unrated' }
const BARRED = { state: 'barred', reason: 'kids' }

describe('lockOf: the CSA hours', () => {
  test.each([
    ['12', '19:59', HOURS],
    ['12', '20:00', OPEN],
    ['12', '23:59', OPEN],
    ['12', '00:00', OPEN],
    ['12', '05:59', OPEN],
    ['12', '06:00', HOURS],
    ['12', '12:00', HOURS],
    ['16', '21:59', HOURS],
    ['16', '22:00', OPEN],
    ['16', '00:30', OPEN],
    ['16', '05:59', OPEN],
    ['16', '06:00', HOURS],
    ['16', '20:30', HOURS],
  ])('-%s at %s', (value, clock, expected) => {
    expect(lockOf(csa(value), adult, settings, at(clock))).toEqual(expected)
  })

  test.each(['00:00', '06:00', '12:00', '20:00', '22:00', '23:59'])('-18 asks at %s', (clock) => {
    expect(lockOf(csa('18'), adult, settings, at(clock))).toEqual(ADULT)
  })

  test('a window that does not run past midnight', () => {
    const daytime = {
      ...settings,
      hours: { ...settings.hours, age12: { from: '09:00', until: '17:00' } },
    }
    expect(lockOf(csa('12'), adult, daytime, at('08:59'))).toEqual(HOURS)
    expect(lockOf(csa('12'), adult, daytime, at('09:00'))).toEqual(OPEN)
    expect(lockOf(csa('12'), adult, daytime, at('16:59'))).toEqual(OPEN)
    expect(lockOf(csa('12'), adult, daytime, at('17:00'))).toEqual(HOURS)
    expect(lockOf(csa('12'), adult, daytime, at('21:00'))).toEqual(HOURS)
  })

  test('a rating of another system is locked as the CSA category at or above it', () => {
    // Kijkwijzer 14 and BBFC 15 are -16 in the French Community: free only from 22:00.
    const k14 = rated({ system: 'Kijkwijzer', value: '14' })
    expect(lockOf(k14, adult, settings, at('21:00'))).toEqual(HOURS)
    expect(lockOf(k14, adult, settings, at('22:00'))).toEqual(OPEN)
    expect(lockOf(rated({ system: 'MPAA', value: 'NC-17' }), adult, settings, at('23:00'))).toEqual(
      ADULT,
    )
  })

  test('the strictest of several ratings decides', () => {
    const mixed = rated({ system: 'CSA', value: '12' }, { system: 'Kijkwijzer', value: '16' })
    expect(lockOf(mixed, adult, settings, at('21:00'))).toEqual(HOURS)
  })
})

describe('lockOf: what never asks and what always does', () => {
  test('below lockFromAge plays at any hour', () => {
    for (const clock of ['06:00', '12:00', '19:59']) {
      expect(lockOf(csa('TP'), adult, settings, at(clock))).toEqual(OPEN)
      expect(lockOf(csa('10'), adult, settings, at(clock))).toEqual(OPEN)
    }
  })

  test('lockFromAge moves the threshold; -10 then follows the -12 window', () => {
    const from10 = { ...settings, lockFromAge: 10 }
    expect(lockOf(csa('10'), adult, from10, at('12:00'))).toEqual(HOURS)
    expect(lockOf(csa('10'), adult, from10, at('20:00'))).toEqual(OPEN)
    const from16 = { ...settings, lockFromAge: 16 }
    expect(lockOf(csa('12'), adult, from16, at('12:00'))).toEqual(OPEN)
    expect(lockOf(csa('16'), adult, from16, at('12:00'))).toEqual(HOURS)
  })

  test('not rated asks at any hour, like the most restricted', () => {
    for (const clock of ['03:00', '12:00', '23:00']) {
      expect(lockOf(NOT_RATED, adult, settings, at(clock))).toEqual(UNRATED)
    }
    // Rated, but in a way the app cannot read: the same lock, worded as unreadable.
    const unknownSystem = rated({ system: 'Narnia', value: 'PG' })
    expect(lockOf(unknownSystem, adult, settings, at('23:00'))).toEqual({
      state: 'pin',
      reason: 'unreadable',
    })
  })

  test('enabled: false opens -12 and -16, but -18 and not rated still ask', () => {
    const off = { ...settings, enabled: false }
    expect(lockOf(csa('12'), adult, off, at('12:00'))).toEqual(OPEN)
    expect(lockOf(csa('16'), adult, off, at('12:00'))).toEqual(OPEN)
    expect(lockOf(csa('18'), adult, off, at('12:00'))).toEqual(ADULT)
    expect(lockOf(NOT_RATED, adult, off, at('12:00'))).toEqual(UNRATED)
  })
})

describe('lockOf: a kids profile', () => {
  const kids10: Viewer = { kids: true, maxAge: 10 }

  test('titles above its age are barred, at any hour', () => {
    expect(lockOf(csa('12'), kids10, settings, at('21:00'))).toEqual(BARRED)
    expect(lockOf(csa('18'), kids10, settings, at('21:00'))).toEqual(BARRED)
    expect(lockOf(rated({ system: 'Kijkwijzer', value: '14' }), kids10, settings, 0)).toEqual(
      BARRED,
    )
  })

  test('titles not rated are barred rather than asking', () => {
    expect(lockOf(NOT_RATED, kids10, settings, at('12:00'))).toEqual(BARRED)
  })

  test('titles at or below its age play', () => {
    expect(lockOf(csa('10'), kids10, settings, at('12:00'))).toEqual(OPEN)
    expect(lockOf(rated({ system: 'Kijkwijzer', value: '9' }), kids10, settings, 0)).toEqual(OPEN)
    expect(lockOf(csa('TP'), { kids: true, maxAge: 0 }, settings, 0)).toEqual(OPEN)
  })

  test('what its age allows still follows the household hours', () => {
    const kids12: Viewer = { kids: true, maxAge: 12 }
    expect(lockOf(csa('12'), kids12, settings, at('12:00'))).toEqual(HOURS)
    expect(lockOf(csa('12'), kids12, settings, at('20:30'))).toEqual(OPEN)
  })

  test('a kids profile without an age sees only what is for everyone', () => {
    const noAge: Viewer = { kids: true, maxAge: null }
    expect(lockOf(csa('TP'), noAge, settings, 0)).toEqual(OPEN)
    expect(lockOf(csa('10'), noAge, settings, 0)).toEqual(BARRED)
  })

  test('an adult profile ignores maxAge', () => {
    expect(lockOf(csa('16'), { kids: false, maxAge: 10 }, settings, at('23:00'))).toEqual(OPEN)
  })
})

describe('csaAge', () => {
  test.each([
    [0, 0],
    [6, 10],
    [10, 10],
    [11, 12],
    [14, 16],
    [17, 18],
    [18, 18],
  ])('%i is in the -%i category', (age, expected) => {
    expect(csaAge(age)).toBe(expected)
  })
})
