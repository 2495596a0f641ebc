import type { Episode, Season, Title } from './schema'

/**
 * Availability windows (`availableFrom` / `availableUntil`, from the contract or a feed's validity
 * period): a title or an episode is offered only inside its window. Times are wall-clock ms.
 */
export type Availability = 'available' | 'upcoming' | 'expired'

export interface Window {
  availableFrom?: string | undefined
  availableUntil?: string | undefined
}

const ms = (iso: string | undefined): number | undefined => {
  if (!iso) return undefined
  const value = Date.parse(iso)
  return Number.isFinite(value) ? value : undefined
}

/** Where an item stands at `now`: the window's end is exclusive. */
export function windowState(item: Window, now: number): Availability {
  const until = ms(item.availableUntil)
  if (until !== undefined && now >= until) return 'expired'
  const from = ms(item.availableFrom)
  if (from !== undefined && now < from) return 'upcoming'
  return 'available'
}

/**
 * A title's state. A series is offered while its own window is open and at least one episode's
 * is; with none open it is upcoming when one will open, else expired.
 */
export function availabilityOf(title: Title, now: number): Availability {
  const own = windowState(title, now)
  if (own !== 'available' || title.kind === 'film') return own
  const states = title.seasons.flatMap((season) =>
    season.episodes.map((episode) => windowState(episode, now)),
  )
  if (states.includes('available')) return 'available'
  return states.includes('upcoming') ? 'upcoming' : 'expired'
}

/** The episodes offered at `now`, in seasons that keep at least one. */
export function offeredSeasons(seasons: readonly Season[], now: number): Season[] {
  return seasons
    .map((season) => ({
      number: season.number,
      episodes: season.episodes.filter((episode) => windowState(episode, now) === 'available'),
    }))
    .filter((season) => season.episodes.length > 0)
}

export function isEpisodeOffered(episode: Episode, now: number): boolean {
  return windowState(episode, now) === 'available'
}

/** The next moment after `now` when any window opens or closes; undefined when none will. */
export function nextWindowChange(titles: Iterable<Title>, now: number): number | undefined {
  let next: number | undefined
  const consider = (item: Window) => {
    for (const edge of [ms(item.availableFrom), ms(item.availableUntil)]) {
      if (edge !== undefined && edge > now && (next === undefined || edge < next)) next = edge
    }
  }
  for (const title of titles) {
    consider(title)
    if (title.kind === 'series') {
      for (const season of title.seasons) season.episodes.forEach(consider)
    }
  }
  return next
}

/** Start of a window, for "available from <date>". */
export const availableFromMs = (item: Window): number | undefined => ms(item.availableFrom)
