/**
 * Belgian wall-clock time without Intl: old TV engines ship no time zone data, and a guide drawn
 * an hour off is worse than none. Belgium follows the EU rule: CET (UTC+1), and CEST (UTC+2) from
 * the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
 */

/**
 * How a guide reads times written without a zone (appSettings.guide.zoneless): as UTC, as the
 * XMLTV DTD and ISO 8601 exports mean them, or as Brussels wall-clock time, as many Belgian
 * exports mean them.
 */
export type Zoneless = 'utc' | 'brussels'

const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** UTC ms of 01:00 UTC on the last Sunday of a month (0-based month). */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0)
  const weekday = new Date(lastDay).getUTCDay()
  return lastDay - weekday * DAY + HOUR
}

/** Offset of Brussels time from UTC at an instant, in ms (3 600 000 or 7 200 000). */
export function brusselsOffset(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear()
  const summer = utcMs >= lastSundayOneUtc(year, 2) && utcMs < lastSundayOneUtc(year, 9)
  return summer ? 2 * HOUR : HOUR
}

export interface LocalTime {
  year: number
  /** 1-12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** 0 = Sunday, as Date.getDay. */
  weekday: number
}

/** The Brussels wall-clock reading of an instant. */
export function brusselsTime(utcMs: number): LocalTime {
  return shiftedReading(utcMs + brusselsOffset(utcMs))
}

/** The UTC fields of an instant already shifted by a zone's offset: that zone's wall clock. */
export function shiftedReading(shiftedMs: number): LocalTime {
  const shifted = new Date(shiftedMs)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
  }
}

/**
 * The instant a Brussels wall-clock reading stands for. A reading that does not exist (02:30 on
 * the spring-forward night) is read with the winter offset, landing an hour later (03:30); a
 * reading that exists twice (02:30 on the autumn night) is the first, summer-time one.
 */
export function fromBrussels(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  const summer = asUtc - 2 * HOUR
  if (brusselsOffset(summer) === 2 * HOUR) return summer
  return asUtc - HOUR
}

/** Midnight (Brussels) starting the Brussels day that holds an instant. */
export function brusselsMidnight(utcMs: number): number {
  const t = brusselsTime(utcMs)
  return fromBrussels(t.year, t.month, t.day)
}

/** Midnight of the Brussels day `days` days after the one holding `utcMs` (DST-safe). */
export function addBrusselsDays(utcMs: number, days: number): number {
  const t = brusselsTime(utcMs)
  const date = new Date(Date.UTC(t.year, t.month - 1, t.day + days))
  return fromBrussels(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
}
