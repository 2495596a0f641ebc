import {
  availabilityOf,
  availableFromMs,
  offeredSeasons,
  windowState,
} from '../catalogue/availability'
import type { Episode, Title } from '../catalogue/schema'
import { formatDateTime } from '../i18n/format'
import type { WallZone } from '../i18n/wallZone'

/**
 * What a route may offer of a title at `now`: the title itself (a series with only the episodes
 * whose window is open), or why not ('expired', or 'upcoming' with the date it opens).
 */
export type Offered =
  | { state: 'available'; title: Title }
  | { state: 'upcoming'; title: Title; from: string }
  | { state: 'expired' }

export function offeredTitle(title: Title, now: number, zone: WallZone): Offered {
  const state = availabilityOf(title, now)
  if (state === 'expired') return { state }
  if (state === 'upcoming') return { state, title, from: openingDate(title, now, zone) }
  if (title.kind === 'film') return { state, title }
  return { state, title: { ...title, seasons: offeredSeasons(title.seasons, now) } }
}

/** Whether an episode may be played at `now`, or why not. */
export function offeredEpisode(
  episode: Episode,
  now: number,
  zone: WallZone,
): { state: 'available' } | { state: 'upcoming'; from: string } | { state: 'expired' } {
  const state = windowState(episode, now)
  if (state === 'upcoming')
    return { state, from: formatDateTime(availableFromMs(episode) ?? now, zone) }
  return { state }
}

/** When an upcoming title opens: its own window, else its first episode's. */
function openingDate(title: Title, now: number, zone: WallZone): string {
  const own = availableFromMs(title)
  if (own !== undefined && own > now) return formatDateTime(own, zone)
  const episodes = title.kind === 'series' ? title.seasons.flatMap((s) => s.episodes) : []
  const first = episodes
    .map((episode) => availableFromMs(episode))
    .filter((ms): ms is number => ms !== undefined && ms > now)
    .sort((a, b) => a - b)[0]
  return formatDateTime(first ?? now, zone)
}
