import type { ContainerMemory } from './FocusMemory'
import { scrollFor, visibleCount, type RailGeometry } from './railLayout'

/** A rail as the focus logic sees it: its id and its items' ids, in order. */
export interface RailContent {
  readonly id: string
  readonly items: readonly { readonly id: string }[]
}

/** Where focus is in a column of rails: the rail, the focused tile and the rail's scroll. */
export interface RailsFocus {
  railId: string
  /** The focused tile's item, when the rail has one. */
  itemId: string | undefined
  index: number
  first: number
}

/** The rail to focus after a change, and the tile and scroll to give it. */
export interface RailsRefocus {
  railIndex: number
  index: number
  first: number
}

/**
 * Where focus goes when the rails change under it (Continue watching or My list appearing,
 * changing or going away while the household is on another rail, or on that one). What the
 * household looks at stays:
 * - the focused rail keeps focus wherever it now is in the list (the screen scrolls with it);
 * - in it, the focused title keeps focus where it moved to (a title watched again goes to the
 *   front of Continue watching), in the same column on screen as far as the rail's scroll
 *   allows; a title that left the rail gives its place to the one that took it;
 * - a focused rail that went away gives focus to the rail that slid into its place (the first
 *   one after it still there, else the last one before it), in the same column, from that rail's
 *   remembered scroll (`memory`).
 * Returns null when no rail is left.
 */
export function refocusRails(
  before: readonly { readonly id: string }[],
  focus: RailsFocus,
  after: readonly RailContent[],
  memory: (railId: string) => ContainerMemory,
  geometry: RailGeometry,
): RailsRefocus | null {
  if (!after.length) return null
  const column = Math.max(0, focus.index - focus.first)
  const kept = after.findIndex((rail) => rail.id === focus.railId)
  if (kept >= 0) {
    const rail = after[kept]!
    const count = rail.items.length
    const moved =
      focus.itemId === undefined ? -1 : rail.items.findIndex((item) => item.id === focus.itemId)
    if (moved >= 0) {
      return {
        railIndex: kept,
        index: moved,
        first: scrollFor(moved, moved - column, count, geometry),
      }
    }
    const index = Math.max(0, Math.min(focus.index, count - 1))
    return { railIndex: kept, index, first: scrollFor(index, focus.first, count, geometry) }
  }
  const railIndex = replacement(before, focus.railId, after)
  const rail = after[railIndex]!
  const count = rail.items.length
  const last = Math.max(0, count - 1)
  const remembered = memory(rail.id)
  const from = Math.min(Math.max(0, remembered.first), last)
  // As moving Up or Down into it: the same column of what it shows, a whole tile.
  const index = Math.min(from + column, from + visibleCount(geometry) - 1, last)
  return { railIndex, index, first: scrollFor(index, from, count, geometry) }
}

/** The rail now where a rail that went away was: the next one still there, else the one above. */
function replacement(
  before: readonly { readonly id: string }[],
  goneId: string,
  after: readonly RailContent[],
): number {
  const position = new Map(after.map((rail, index) => [rail.id, index]))
  const gone = before.findIndex((rail) => rail.id === goneId)
  if (gone < 0) return 0
  for (let i = gone + 1; i < before.length; i++) {
    const found = position.get(before[i]!.id)
    if (found !== undefined) return found
  }
  for (let i = gone - 1; i >= 0; i--) {
    const found = position.get(before[i]!.id)
    if (found !== undefined) return found
  }
  return 0
}
