/** A key of the number pad: a digit, or one of the two actions. */
export type PadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'delete' | 'ok'

/** Phone order, 3 x 4, with delete and OK either side of 0 as on most operators' boxes. */
export const PAD_ROWS: readonly (readonly PadKey[])[] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
  ['delete', '0', 'ok'],
]

export type Direction = 'up' | 'down' | 'left' | 'right'

export interface PadPosition {
  row: number
  col: number
}

const STEP: Record<Direction, PadPosition> = {
  up: { row: -1, col: 0 },
  down: { row: 1, col: 0 },
  left: { row: 0, col: -1 },
  right: { row: 0, col: 1 },
}

/** The neighbouring key, or null at the pad's edge so the key can bubble to the owner. */
export function movePad(position: PadPosition, direction: Direction): PadPosition | null {
  const row = position.row + STEP[direction].row
  const col = position.col + STEP[direction].col
  return PAD_ROWS[row]?.[col] ? { row, col } : null
}

export const padKeyAt = (position: PadPosition): PadKey => PAD_ROWS[position.row]![position.col]!
