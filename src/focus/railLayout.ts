import type { Rect } from './geometry'

/**
 * Geometry and scroll policy of one horizontal rail of equal-width tiles, as pure functions so
 * navigation, virtualisation and focus memory are testable without a renderer.
 */
export interface RailGeometry {
  /** Left edge of the first tile when the rail is not scrolled. */
  x: number
  tileWidth: number
  tileHeight: number
  gap: number
  /** Width of the visible area the rail scrolls in. */
  viewportWidth: number
}

export const pitch = (g: RailGeometry): number => g.tileWidth + g.gap

/** How many whole tiles fit in the viewport. */
export const visibleCount = (g: RailGeometry): number =>
  Math.max(1, Math.floor((g.viewportWidth - g.x + g.gap) / pitch(g)))

/**
 * The first visible index after focusing `index`, given the previous first visible index.
 * The rail only scrolls when focus would leave the viewport, keeping one tile of look-ahead on the
 * right so the viewer sees there is more; it never scrolls past the end.
 */
export function scrollFor(
  index: number,
  previousFirst: number,
  count: number,
  g: RailGeometry,
): number {
  const visible = visibleCount(g)
  const lookAhead = visible > 2 ? 1 : 0
  let first = previousFirst
  if (index < first) first = index
  else if (index > first + visible - 1 - lookAhead) first = index - (visible - 1 - lookAhead)
  const maxFirst = Math.max(0, count - visible)
  return Math.max(0, Math.min(first, maxFirst))
}

/** Where tile `index` is on screen when the rail's first visible index is `first`. */
export function tileRect(index: number, first: number, g: RailGeometry, y = 0): Rect {
  return { x: g.x + (index - first) * pitch(g), y, w: g.tileWidth, h: g.tileHeight }
}

/** Indexes of the tiles currently on screen (whole or partial). */
export function onScreen(first: number, count: number, g: RailGeometry): number[] {
  const visible = visibleCount(g) + 1
  const last = Math.min(count, first + visible)
  return Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i)
}
