import { accessOf, activeRental, canPlay, type Access } from '../../../src/entitlements/access'
import type { Holdings } from '../../../src/entitlements/contract'
import { DAY, HOUR, NOW, rental, rentalOffer, startedRental, titleWith } from './fixtures'

const none: Holdings = { passes: [], rentals: [] }
const pass = { type: 'subscription', pass: 'movies-series' } as const
const holding = (activeUntil: number | null = null): Holdings => ({
  passes: [{ passId: 'movies-series', activeUntil }],
  rentals: [],
})

describe('accessOf: precedence', () => {
  test('free wins over everything, even a held pass and a rental', () => {
    const holdings = { ...holding(), rentals: [rental()] }
    expect(accessOf(titleWith(pass, { type: 'free' }), holdings, NOW)).toEqual({ kind: 'free' })
  })

  test('a held pass wins over a rental and over ads: a pass holder never sees ads', () => {
    const holdings = { ...holding(), rentals: [rental()] }
    expect(accessOf(titleWith({ type: 'ads' }, rentalOffer, pass), holdings, NOW)).toEqual({
      kind: 'pass',
      passId: 'movies-series',
      activeUntil: null,
    })
  })

  test('a rental wins over ads: a household that rented watches without breaks', () => {
    const r = rental()
    const access = accessOf(titleWith({ type: 'ads' }, rentalOffer), { ...none, rentals: [r] }, NOW)
    expect(access).toEqual({ kind: 'rented', rental: r, until: null })
  })

  test('without holdings: ads before rent before subscribe', () => {
    expect(accessOf(titleWith(pass, rentalOffer, { type: 'ads' }), none, NOW).kind).toBe('ads')
    expect(accessOf(titleWith(pass, rentalOffer), none, NOW)).toEqual({
      kind: 'rent',
      offer: rentalOffer,
    })
    expect(accessOf(titleWith(pass), none, NOW)).toEqual({
      kind: 'subscribe',
      passId: 'movies-series',
    })
  })

  test('a pass the title is not in does not count', () => {
    const other = { passes: [{ passId: 'sport', activeUntil: null }], rentals: [] }
    expect(accessOf(titleWith(pass), other, NOW).kind).toBe('subscribe')
  })

  test("another title's rental does not count", () => {
    const holdings = { ...none, rentals: [rental({ titleId: 'amelie' })] }
    expect(accessOf(titleWith(rentalOffer), holdings, NOW).kind).toBe('rent')
  })

  test('a rental still counts after the title stopped offering rentals: what was bought stays', () => {
    const r = startedRental(NOW + HOUR)
    expect(accessOf(titleWith(pass), { ...none, rentals: [r] }, NOW)).toEqual({
      kind: 'rented',
      rental: r,
      until: NOW + HOUR,
    })
  })

  test('of two passes the title is in, the open-ended one is reported', () => {
    const holdings: Holdings = {
      passes: [
        { passId: 'cinema', activeUntil: NOW + DAY },
        { passId: 'movies-series', activeUntil: null },
      ],
      rentals: [],
    }
    const title = titleWith({ type: 'subscription', pass: 'cinema' }, pass)
    expect(accessOf(title, holdings, NOW)).toMatchObject({ passId: 'movies-series' })
  })
})

describe('accessOf: expiry at the exact boundaries', () => {
  test('a pass counts until activeUntil, not at it', () => {
    expect(accessOf(titleWith(pass), holding(NOW + 1), NOW).kind).toBe('pass')
    expect(accessOf(titleWith(pass), holding(NOW), NOW).kind).toBe('subscribe')
  })

  test('a started rental counts until expiresAt, not at it', () => {
    const holdings = { ...none, rentals: [startedRental(NOW + 1)] }
    expect(accessOf(titleWith(rentalOffer), holdings, NOW)).toMatchObject({
      kind: 'rented',
      until: NOW + 1,
    })
    const ended = { ...none, rentals: [startedRental(NOW)] }
    expect(accessOf(titleWith(rentalOffer), ended, NOW).kind).toBe('rent')
  })

  test('an unstarted rental counts until startBy, not at it, whatever its window', () => {
    const waiting = { ...none, rentals: [rental({ startBy: NOW + 1 })] }
    expect(accessOf(titleWith(rentalOffer), waiting, NOW)).toMatchObject({
      kind: 'rented',
      until: null,
    })
    const lapsed = { ...none, rentals: [rental({ startBy: NOW })] }
    expect(accessOf(titleWith(rentalOffer), lapsed, NOW).kind).toBe('rent')
  })

  test('a started rental counts until expiresAt even past startBy', () => {
    const r = startedRental(NOW + HOUR, { startBy: NOW - HOUR })
    expect(accessOf(titleWith(rentalOffer), { ...none, rentals: [r] }, NOW).kind).toBe('rented')
  })
})

describe('activeRental', () => {
  test('a started rental comes before an unstarted one of the same title', () => {
    const started = startedRental(NOW + HOUR, { rentalId: 'started' })
    const waiting = rental({ rentalId: 'waiting', startBy: NOW + 20 * DAY })
    expect(activeRental([waiting, started], 'rosetta', NOW)?.rentalId).toBe('started')
  })

  test('of two started ones, the one ending last; expired ones are ignored', () => {
    const rentals = [
      startedRental(NOW - 1, { rentalId: 'old' }),
      startedRental(NOW + HOUR, { rentalId: 'short' }),
      startedRental(NOW + 2 * HOUR, { rentalId: 'long' }),
    ]
    expect(activeRental(rentals, 'rosetta', NOW)?.rentalId).toBe('long')
    expect(activeRental([rentals[0]!], 'rosetta', NOW)).toBeUndefined()
  })
})

describe('canPlay', () => {
  const cases: [Access, boolean][] = [
    [{ kind: 'free' }, true],
    [{ kind: 'ads' }, true],
    [{ kind: 'pass', passId: 'p', activeUntil: null }, true],
    [{ kind: 'rented', rental: rental(), until: null }, true],
    [{ kind: 'rent', offer: rentalOffer }, false],
    [{ kind: 'subscribe', passId: 'p' }, false],
  ]
  test.each(cases.map(([access, expected]) => [access.kind, expected, access] as const))(
    '%s -> %s',
    (_kind, expected, access) => {
      expect(canPlay(access)).toBe(expected)
    },
  )
})
