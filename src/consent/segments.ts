/**
 * Audience segments computed on the box from one profile's own viewing. Only the segment ids
 * (short, fixed vocabularies: "genre-drama", "lang-nl", "brand-rtbf", "daypart-evening") leave the
 * box, as ad request parameters, and only with consent to personalised advertising. Pure: the
 * caller gives the viewing history, the titles and the local hour of a time.
 */

/** What one watched title tells: its genres, original language and brand. */
export interface WatchedTitle {
  genres: readonly string[]
  language: string
  brand: string
}

export interface Viewing {
  /** The title (or the series of the episode) watched; absent when it is no longer known. */
  title: WatchedTitle | undefined
  /** Wall-clock ms of the last time it was watched. */
  at: number
}

export type Daypart = 'morning' | 'afternoon' | 'evening' | 'night'

/** A trait counts once it shows in this many different titles: one title is not a taste. */
export const MIN_TITLES = 2
/** At most this many segments of each kind, the strongest first. */
export const MAX_PER_KIND = { genre: 3, lang: 2, brand: 2, daypart: 1 } as const

/** Local hour (0-23) -> part of the day. */
export function daypartOf(hour: number): Daypart {
  if (hour >= 6 && hour < 12) return 'morning'
  if (hour >= 12 && hour < 18) return 'afternoon'
  if (hour >= 18 && hour < 23) return 'evening'
  return 'night'
}

/** Ids are lowercase slugs of limited length; anything else in a catalogue id is dropped. */
function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
}

/** The `max` most frequent values seen at least MIN_TITLES times; ties by name, so it is stable. */
function strongest(counts: Map<string, number>, max: number): string[] {
  return [...counts.entries()]
    .filter(([, count]) => count >= MIN_TITLES)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, max)
    .map(([value]) => value)
}

function add(counts: Map<string, number>, value: string): void {
  const key = slug(value)
  if (key) counts.set(key, (counts.get(key) ?? 0) + 1)
}

/**
 * The profile's segments, genres first, then languages, brands and the part of the day it
 * watches most. Viewings of titles the catalogue no longer has still count for the time of day.
 */
export function audienceSegments(
  viewings: readonly Viewing[],
  hourOf: (wallClockMs: number) => number,
): string[] {
  const genres = new Map<string, number>()
  const languages = new Map<string, number>()
  const brands = new Map<string, number>()
  const dayparts = new Map<string, number>()
  for (const viewing of viewings) {
    add(dayparts, daypartOf(hourOf(viewing.at)))
    const title = viewing.title
    if (!title) continue
    new Set(title.genres).forEach((genre) => add(genres, genre))
    add(languages, title.language)
    add(brands, title.brand)
  }
  return [
    ...strongest(genres, MAX_PER_KIND.genre).map((id) => `genre-${id}`),
    ...strongest(languages, MAX_PER_KIND.lang).map((id) => `lang-${id}`),
    ...strongest(brands, MAX_PER_KIND.brand).map((id) => `brand-${id}`),
    ...strongest(dayparts, MAX_PER_KIND.daypart).map((id) => `daypart-${id}`),
  ]
}
