import { nearestColumn, type Rect } from '../../focus/geometry'

export interface KeyPosition {
  row: number
  col: number
}

export type Direction = 'left' | 'right' | 'up' | 'down'

/**
 * The key focus moves to from `from`, over rows of key rectangles. Left/Right wrap within the
 * row (a remote has no Home/End); Up/Down go to the key of the next row whose centre is nearest,
 * so rows of different widths feel straight. Null when there is no row that way: the key is not
 * handled and goes to whatever surrounds the keyboard.
 */
export function moveKey(
  rows: readonly (readonly Rect[])[],
  from: KeyPosition,
  direction: Direction,
): KeyPosition | null {
  const row = rows[from.row]
  const current = row?.[from.col]
  if (!row || !current) return null
  if (direction === 'left' || direction === 'right') {
    if (row.length < 2) return null
    const step = direction === 'right' ? 1 : -1
    return { row: from.row, col: (from.col + step + row.length) % row.length }
  }
  let target = from.row + (direction === 'down' ? 1 : -1)
  // A row with no keys (a layout may leave one empty) is stepped over.
  while (rows[target] && rows[target]!.length === 0) target += direction === 'down' ? 1 : -1
  const next = rows[target]
  if (!next) return null
  return { row: target, col: nearestColumn(current, next) }
}

/** The same position inside rows that may have changed (layout switch): clamped, never lost. */
export function clampPosition(
  rows: readonly (readonly Rect[])[],
  position: KeyPosition,
): KeyPosition {
  if (rows.length === 0) return { row: 0, col: 0 }
  const row = Math.min(Math.max(0, position.row), rows.length - 1)
  const col = Math.min(Math.max(0, position.col), Math.max(0, rows[row]!.length - 1))
  return { row, col }
}
