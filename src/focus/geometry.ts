/** Screen rectangles in stage pixels (1920x1080), as the focus logic sees them. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

const centerX = (rect: Rect): number => rect.x + rect.w / 2

/**
 * Index of the candidate whose horizontal centre is nearest to `from`'s: what a viewer expects
 * when moving up or down between rows of different scroll positions and tile widths.
 * Ties go to the left-most candidate. Returns -1 when there are no candidates.
 */
export function nearestColumn(from: Rect, candidates: readonly Rect[]): number {
  let best = -1
  let bestDistance = Infinity
  candidates.forEach((rect, index) => {
    const d = Math.abs(centerX(rect) - centerX(from))
    if (d < bestDistance) {
      bestDistance = d
      best = index
    }
  })
  return best
}
