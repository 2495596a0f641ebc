import { mapFeed } from '../../../src/catalogue/directPublisher'
import { mapMrssFeed } from '../../../src/catalogue/mrss'
import {
  asCalendarDate,
  calendarDate,
  dayFirstInstant,
  instant,
} from '../../../src/catalogue/tolerant'
import { conformantFeed } from './feedDeviations'

describe('ISO 8601 week and ordinal dates', () => {
  test.each([
    // 2024-W05-3 is the Wednesday of the week holding 1 February 2024.
    ['2024-W05-3', '2024-01-31'],
    ['2024W053', '20240131'],
    ['2024-W05', '2024-01-29'],
    // Week 1 of 2025 starts in 2024; week 53 of 2020 ends in 2021.
    ['2025-W01-1', '2024-12-30'],
    ['2020-W53-7', '2021-01-03'],
    ['2024-035', '2024-02-04'],
    ['2024035', '20240204'],
    ['2024-366', '2024-12-31'],
    ['2024-W05-3T20:00:00+01:00', '2024-01-31T20:00:00+01:00'],
    ['2024035T2000Z', '20240204T2000Z'],
  ])('%s names the calendar date %s', (written, calendar) => {
    expect(asCalendarDate(written)).toBe(calendar)
  })

  test('a week or a day the year does not have is no date; other forms are left as they are', () => {
    expect(asCalendarDate('2024-W53-1')).toBeUndefined()
    expect(asCalendarDate('2023-366')).toBeUndefined()
    expect(asCalendarDate('2024-000')).toBeUndefined()
    expect(instant('2023-366')).toBeUndefined()
    for (const other of ['2024-02-04', '20240204', 'Sun, 04 Feb 2024 10:00:00 +0100', '2024'])
      expect(asCalendarDate(other)).toBe(other)
  })

  test('the date readers read them, with or without a time', () => {
    expect(instant('2024-W05-3')).toBe('2024-01-31T00:00:00.000Z')
    expect(instant('2024W053T235959Z')).toBe('2024-01-31T23:59:59.000Z')
    expect(instant('2024-035T12:00:00+01:00')).toBe('2024-02-04T11:00:00.000Z')
    expect(instant('2024035')).toBe('2024-02-04T00:00:00.000Z')
    expect(calendarDate('2024-W05-3')).toBe('2024-01-31')
    expect(calendarDate('2024035')).toBe('2024-02-04')
    expect(calendarDate('2024-035T23:30:00-05:00')).toBe('2024-02-04')
    expect(
      dayFirstInstant('2024-W05-3T20:00', { iso: (y, m, d, h) => Date.UTC(y, m - 1, d, h - 1) }),
    ).toBe('2024-01-31T19:00:00.000Z')
  })

  test("MRSS: a dcterms:valid window written in week dates is the title's window", () => {
    const feed = `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dcterms="http://purl.org/dc/terms/">
<channel><title>Studio Meuse</title>
<item><guid>W-1</guid><title>Le Pont</title><pubDate>2021-063</pubDate>
<media:content url="https://cdn.example.be/w1/master.m3u8"/>
<dcterms:valid>start=2026-W01-1T00:00:00Z; end=2026-365T23:59:59Z; scheme=W3C-DTF</dcterms:valid>
</item></channel></rss>`
    const [title] = mapMrssFeed(feed, 'https://cms.example.be/feed.xml').titles
    expect(title).toMatchObject({
      year: 2021,
      availableFrom: '2025-12-29T00:00:00.000Z',
      availableUntil: '2026-12-31T23:59:59.000Z',
    })
  })

  test('Direct Publisher: a validity period and a release date in week or ordinal dates are read', () => {
    const feed = conformantFeed()
    Object.assign(feed.movies[0]!, { releaseDate: '2019-W10-5' })
    Object.assign(feed.movies[0]!.content, { validityPeriodEnd: '2020001T000000Z' })
    Object.assign(feed.movies[1]!.content, { validityPeriodStart: '2099-W01-1T00:00:00+01' })
    const { titles } = mapFeed(feed, 'https://cms.example.be/feed.json')
    expect(titles.find((title) => title.id === '1001')).toMatchObject({
      year: 2019,
      availableUntil: '2020-01-01T00:00:00.000Z',
    })
    expect(titles.find((title) => title.id === '1002')).toMatchObject({
      availableFrom: '2098-12-28T23:00:00.000Z',
    })
  })
})
