import { brusselsTime, fromBrussels, shiftedReading, type LocalTime } from '../guide/zone'

/**
 * Which wall clock the household reads (appSettings.clock.zone): Brussels time, summer and
 * winter, whatever the box is set to, or the box's own zone. Many boxes run on UTC with no zone
 * set, which would put every guide time, availability date and parental hour an hour or two off
 * for a Belgian household.
 */
export type WallZoneName = 'brussels' | 'box'

/** Reads instants as a wall clock, and back. */
export interface WallZone {
  readonly name: WallZoneName
  read(at: number): LocalTime
  /** The instant a reading stands for; out-of-range days and hours roll over, as in Date.UTC. */
  instant(year: number, month: number, day: number, hour?: number, minute?: number): number
}

const brussels: WallZone = {
  name: 'brussels',
  read: brusselsTime,
  instant: (year, month, day, hour = 0, minute = 0) => fromBrussels(year, month, day, hour, minute),
}

const box: WallZone = {
  name: 'box',
  // getTimezoneOffset is the box's offset at that instant, summer or winter, in minutes west.
  read: (at) => shiftedReading(at - new Date(at).getTimezoneOffset() * 60_000),
  instant: (year, month, day, hour = 0, minute = 0) =>
    new Date(year, month - 1, day, hour, minute).getTime(),
}

export function wallZone(name: WallZoneName): WallZone {
  return name === 'box' ? box : brussels
}

const two = (n: number): string => String(n).padStart(2, '0')

/** "21:40". */
export function clockText(zone: WallZone, at: number): string {
  const t = zone.read(at)
  return `${two(t.hour)}:${two(t.minute)}`
}

/** Minutes since midnight (0-1439) at an instant. */
export function minutesOfDay(zone: WallZone, at: number): number {
  const t = zone.read(at)
  return t.hour * 60 + t.minute
}

/** Midnight starting the day that holds an instant. */
export function midnightOf(zone: WallZone, at: number): number {
  const t = zone.read(at)
  return zone.instant(t.year, t.month, t.day)
}

/**
 * The same time of day `days` days away: days of 23 or 25 hours (daylight saving) keep the
 * reading, which `+ 24 h` would not.
 */
export function shiftDays(zone: WallZone, at: number, days: number): number {
  const t = zone.read(at)
  const sub = t.second * 1000 + (((at % 1000) + 1000) % 1000)
  return zone.instant(t.year, t.month, t.day + days, t.hour, t.minute) + sub
}

/** Whole days from the day holding `from` to the day holding `to` (negative before). */
export function daysBetween(zone: WallZone, from: number, to: number): number {
  const a = zone.read(from)
  const b = zone.read(to)
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  )
}
