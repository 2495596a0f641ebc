import { formatClock, formatDuration, formatPrice, formatShortDate } from '../../../src/i18n/format'
import { wallZone } from '../../../src/i18n/wallZone'

const BOX = wallZone('box')

describe('formatDuration', () => {
  test.each([
    [52, '52 min'],
    [5, '5 min'],
    [0, '0 min'],
    [60, '1 h'],
    [120, '2 h'],
    [97, '1 h 37'],
    [125, '2 h 05'],
  ])('%i minutes reads "%s"', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text)
  })
})

describe('formatClock', () => {
  test.each([
    [0, '0:00'],
    [9, '0:09'],
    [75.4, '1:15'],
    [599.99, '9:59'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
    [36000 + 59, '10:00:59'],
  ])('%d seconds reads "%s"', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text)
  })

  test('negative or unknown times read 0:00', () => {
    expect(formatClock(-3)).toBe('0:00')
    expect(formatClock(NaN)).toBe('0:00')
    expect(formatClock(Infinity)).toBe('0:00')
  })
})

describe('formatPrice', () => {
  test.each(['fr', 'nl', 'de'])('in %s, a comma and the euro sign after', (language) => {
    expect(formatPrice(4.99, language)).toBe('4,99 €')
  })

  test('in English, the euro sign first and a point', () => {
    expect(formatPrice(4.99, 'en')).toBe('€4.99')
  })

  test('always two decimals', () => {
    expect(formatPrice(3, 'fr')).toBe('3,00 €')
    expect(formatPrice(12.5, 'en')).toBe('€12.50')
  })
})

describe('formatShortDate', () => {
  /** Wednesday 3 December 2025, 21:40 in the machine's time zone (the box shows local time). */
  const at = new Date(2025, 11, 3, 21, 40).getTime()

  test.each([
    ['fr', 'mer. 3 déc. 21:40'],
    ['nl', 'wo 3 dec. 21:40'],
    ['de', 'Mi., 3. Dez. 21:40'],
    ['en', 'Wed 3 Dec 21:40'],
  ])('in %s: "%s"', (language, text) => {
    expect(formatShortDate(at, language, BOX)).toBe(text)
  })

  test('other weekdays and months (Sunday 1 March, Saturday 2 May), hours with two digits', () => {
    const sunday = new Date(2026, 2, 1, 9, 5).getTime()
    expect(formatShortDate(sunday, 'fr', BOX)).toBe('dim. 1 mars 09:05')
    expect(formatShortDate(sunday, 'de', BOX)).toBe('So., 1. März 09:05')
    expect(formatShortDate(new Date(2026, 4, 2, 0, 0).getTime(), 'en', BOX)).toBe('Sat 2 May 00:00')
  })

  test('a language without names reads as French, the default', () => {
    expect(formatShortDate(at, 'it', BOX)).toBe('mer. 3 déc. 21:40')
  })
})
