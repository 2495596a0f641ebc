import { availabilityOf } from '../catalogue/availability'
import type { Title } from '../catalogue/schema'
import { visibleTo, type Viewer } from '../state/homeRails'

/**
 * What search may show this viewer now: titles inside their availability window (upcoming ones
 * only where the operator shows them on home too), and for a kids profile only titles for its age.
 */
export function searchableBy(
  viewer: Viewer,
  now: number,
  upcoming: 'hide' | 'show',
): (title: Title) => boolean {
  return (title) => {
    const state = availabilityOf(title, now)
    if (state === 'expired' || (state === 'upcoming' && upcoming === 'hide')) return false
    return visibleTo(title, viewer)
  }
}
