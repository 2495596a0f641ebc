/**
 * The slice of a long list that exists as elements: what is visible plus `margin` items on each
 * side, so a scroll step never reveals a tile that has not been created yet. Cost is bounded by
 * the viewport, not by the list length. Returns [start, end) clamped to the list.
 */
export function virtualWindow(
  firstVisible: number,
  visibleCount: number,
  count: number,
  margin: number,
): [number, number] {
  if (count <= 0) return [0, 0]
  const start = Math.max(0, firstVisible - margin)
  const end = Math.min(count, firstVisible + visibleCount + margin)
  return [start, Math.max(start, end)]
}

/**
 * The first visible row of a list showing `visibleCount` rows, moved as little as possible so that
 * `row` is in view; clamped so the list never scrolls past its ends.
 */
export function keepInView(
  firstVisible: number,
  row: number,
  visibleCount: number,
  count: number,
): number {
  let first = firstVisible
  if (row < first) first = row
  else if (row >= first + visibleCount) first = row - visibleCount + 1
  return Math.max(0, Math.min(first, count - visibleCount))
}
