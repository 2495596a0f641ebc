import type { Translate } from '../../catalogue/offers'
import { daysBetween, midnightOf, shiftDays, type WallZone } from '../../i18n/wallZone'
import type { GuideBounds } from './gridFocus'
import { dayLabel, relativeDay } from './guideDetails'

/** One day the guide reaches, as the day picker offers it. */
export interface GuideDay {
  /** `day-<n>`: n days from today (negative in the past), stable while the guide is open. */
  id: string
  /** Days from today. */
  offset: number
  label: string
}

/**
 * The days between the guide's bounds, oldest first: "Hier", "Aujourd'hui", "Demain" in words,
 * the others with their weekday and date (the big guides' day strip). Wall-clock days, so a day
 * of 23 or 25 hours (daylight saving) is still one entry.
 */
export function guideDays(
  bounds: GuideBounds,
  now: number,
  language: string,
  t: Translate,
  zone: WallZone,
): GuideDay[] {
  const today = midnightOf(zone, now)
  const days: GuideDay[] = []
  for (let offset = -60; offset <= 60; offset++) {
    const start = shiftDays(zone, today, offset)
    const end = shiftDays(zone, today, offset + 1)
    if (end <= bounds.from || start >= bounds.to) continue
    const noon = start + 12 * 60 * 60 * 1000
    const words = relativeDay(noon, now, language, t, zone)
    const date = dayLabel(noon, language, zone)
    days.push({
      id: `day-${offset}`,
      offset,
      // Yesterday / today / tomorrow read better with their date beside them in a strip.
      label: words === date ? date : `${words} · ${date.replace(/^\S+\s/, '')}`,
    })
  }
  return days
}

/** The picker entry of the day holding `at` (days from today), for its focus on opening. */
export function dayOffset(at: number, now: number, zone: WallZone): number {
  return daysBetween(zone, now, at)
}
