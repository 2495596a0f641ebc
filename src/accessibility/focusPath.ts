import type { Announceable, Announcing } from './phrases'

/**
 * What to announce when focus moves from `spoken` (the path last announced) to `path` (the
 * application's focus path, outermost first): the announcements of the components that were not
 * in the spoken path, outer first. Entering a rail gives the rail then its tile; moving along the
 * rail gives the tile alone. Pure: paths are plain objects here.
 */
export function newlyFocused(spoken: readonly unknown[], path: readonly unknown[]): Announceable[] {
  const before = new Set(spoken)
  const out: Announceable[] = []
  for (const element of path) {
    if (before.has(element)) continue
    const announcement = (element as Announcing | null)?.announcement
    if (announcement) out.push(announcement)
  }
  return out
}
