import { calendarDate, dayFirstInstant, instant, timecode } from '../../../src/catalogue/tolerant'

describe('calendarDate: dates as exports write them, as sortable YYYY-MM-DD', () => {
  test.each([
    ['2021-05-01', '2021-05-01'],
    ['2021-05-01T00:30:00+02:00', '2021-05-01'],
    ['2021-05-01 10:00', '2021-05-01'],
    ['05/01/2021', '2021-01-05'],
    ['5.1.2021', '2021-01-05'],
    ['31-12-2020', '2020-12-31'],
    ['12/31/2021', '2021-12-31'],
    ['01/02/2021 20:00', '2021-02-01'],
    ['Sat, 01 May 2021 10:00:00 GMT', '2021-05-01'],
    // A European zone name, which the engines' date parsers refuse.
    ['Sat, 01 May 2021 20:00:00 CEST', '2021-05-01'],
    // A year alone sorts as its first day.
    ['2021', '2021-01-01'],
    // ISO 8601's basic form, as a string or a JSON number.
    ['20210501', '2021-05-01'],
    [20210501, '2021-05-01'],
    // Unix time in seconds or milliseconds.
    [1619827200, '2021-05-01'],
    ['1619827200000', '2021-05-01'],
    // ISO 8601's basic form with a time.
    ['20210501T223000Z', '2021-05-01'],
  ])('%s -> %s', (written, expected) => {
    expect(calendarDate(written)).toBe(expected)
  })

  test.each([[''], ['soon'], ['13/13/2021'], ['00/05/2021'], ['20211301'], [12345], [null]])(
    'nothing for %p',
    (written) => {
      expect(calendarDate(written)).toBeUndefined()
    },
  )
})

describe('dayFirstInstant: numeric dates day first, with a time', () => {
  test.each([
    ['05/12/2026 15:30', '2026-12-05T15:30:00.000Z'],
    ['05-12-2026 15:30:45', '2026-12-05T15:30:45.000Z'],
    ['5.12.2026, 9:05', '2026-12-05T09:05:00.000Z'],
    ['05/12/2026 15:30 +01:00', '2026-12-05T14:30:00.000Z'],
    ['05/07/2026T15:30Z', '2026-07-05T15:30:00.000Z'],
    ['05/12/2026', '2026-12-05T00:00:00.000Z'],
    ['2026-12-05T15:30:00+01:00', '2026-12-05T14:30:00.000Z'],
  ])('%s -> %s', (written, expected) => {
    expect(dayFirstInstant(written)).toBe(expected)
  })

  test.each([['31/02/2026 15:30'], ['13/13/2026'], ['05/12/2026 25:00'], ['05/12/2026 soon']])(
    'nothing for %p',
    (written) => {
      expect(dayFirstInstant(written)).toBeUndefined()
    },
  )
})

describe('timecode: durations as exports write them, in seconds', () => {
  test.each([
    [5400, 5400],
    ['5400', 5400],
    ['1:30:00', 5400],
    ['45:10', 2710],
    ['PT1H30M', 5400],
    ['PT45M10S', 2710],
    ['pt90m', 5400],
    ['PT0.5H', 1800],
    // As people type them in a CMS.
    ['1h30', 5400],
    ['1h32m', 5520],
    ['1 h 32', 5520],
    ['92 min', 5520],
    ['5530 seconds', 5530],
    ['1h32m10s', 5530],
    ['2 heures', 7200],
    ['1,5 uur', 5400],
    // XML Schema's xs:duration, with its day part.
    ['P0DT1H30M0S', 5400],
    ['P0DT45M', 2700],
    // With its years and months at zero, as Java's and some .NET serialisers write it.
    ['P0Y0M0DT1H30M0.000S', 5400],
    ['P0Y0MT52M', 3120],
  ])('%p -> %p', (written, seconds) => {
    expect(timecode(written)).toBe(seconds)
  })

  test.each([['PT'], ['P1D'], ['P0DT'], ['P1Y0M0DT1H'], ['abc'], ['1 day'], [''], [-5]])(
    'nothing for %p',
    (written) => {
      expect(timecode(written)).toBeUndefined()
    },
  )
})

describe('instant: ISO 8601 in the forms the standard allows, as validity periods are written', () => {
  test.each([
    // Basic form, with or without seconds, a fraction or a zone (none is UTC, as elsewhere).
    ['20251231T235959Z', '2025-12-31T23:59:59.000Z'],
    ['20251231T2359', '2025-12-31T23:59:00.000Z'],
    ['20251231T235959+0100', '2025-12-31T22:59:59.000Z'],
    ['20251231T235959.5-05', '2026-01-01T04:59:59.500Z'],
    ['20251231', '2025-12-31T00:00:00.000Z'],
    // Extended form: an offset of hours alone, the hour alone, a comma before the fraction.
    ['2025-12-31T23:59:59+01', '2025-12-31T22:59:59.000Z'],
    ['2025-12-31T23Z', '2025-12-31T23:00:00.000Z'],
    ['2025-12-31T23:59:59,25Z', '2025-12-31T23:59:59.250Z'],
    ['2025-12-31 23:59:59 +01:00', '2025-12-31T22:59:59.000Z'],
    // The forms read before stay as they were.
    ['2025-12-31T23:59:59+01:00', '2025-12-31T22:59:59.000Z'],
    ['2025-12-31T23:59', '2025-12-31T23:59:00.000Z'],
    ['2025-12-31', '2025-12-31T00:00:00.000Z'],
    ['Wed, 31 Dec 2025 23:59:59 CET', '2025-12-31T22:59:59.000Z'],
    // A Unix time, as CMSs export their timestamps: an expiry must still end the rights.
    ['1767225599', '2025-12-31T23:59:59.000Z'],
    ['1767225599000', '2025-12-31T23:59:59.000Z'],
  ])('%s -> %s', (written, expected) => {
    expect(instant(written)).toBe(expected)
  })

  test('a Unix time written as a JSON number', () => {
    expect(instant(1767225599)).toBe('2025-12-31T23:59:59.000Z')
  })

  test.each([
    ['20251331T000000Z'],
    ['2025-12-31T25:00Z'],
    ['12345678'],
    ['12345678901'],
    // YYYYMMDDhhmm, not milliseconds of 1976.
    ['202612021930'],
    [''],
  ])('nothing for %p', (written) => {
    expect(instant(written)).toBeUndefined()
  })
})
