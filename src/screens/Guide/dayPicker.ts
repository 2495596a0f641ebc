import type { Translate } from '../../catalogue/offers'
import { shiftDays, type GuideBounds } from './gridFocus'
import { dayLabel, relativeDay } from './guideDetails'

/** One day the guide reaches, as the day picker offers it. */
export interface GuideDay {
  /** `day-<n>`: n days from today (negative in the past), stable while the guide is open. */
  id: string
  /** Days from today. */
  offset: number
  label: string
}

/** Local midnight of the day holding `at`. */
function midnight(at: number): number {
  const d = new Date(at)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}

/**
 * The days between the guide's bounds, oldest first: "Hier", "Aujourd'hui", "Demain" in words,
 * the others with their weekday and date (the big guides' day strip). Local days, so a day of 23
 * or 25 hours (daylight saving) is still one entry.
 */
export function guideDays(
  bounds: GuideBounds,
  now: number,
  language: string,
  t: Translate,
): GuideDay[] {
  const today = midnight(now)
  const days: GuideDay[] = []
  for (let offset = -60; offset <= 60; offset++) {
    const start = shiftDays(today, offset)
    const end = shiftDays(today, offset + 1)
    if (end <= bounds.from || start >= bounds.to) continue
    const noon = start + 12 * 60 * 60 * 1000
    const words = relativeDay(noon, now, language, t)
    const date = dayLabel(noon, language)
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
export function dayOffset(at: number, now: number): number {
  const from = new Date(midnight(now))
  const to = new Date(midnight(at))
  // Whole local days between the two midnights, whatever the daylight saving changes between.
  return Math.round(
    (Date.UTC(to.getFullYear(), to.getMonth(), to.getDate()) -
      Date.UTC(from.getFullYear(), from.getMonth(), from.getDate())) /
      86_400_000,
  )
}
