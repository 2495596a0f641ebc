import { clampPosition, moveKey } from '../../../../src/components/Keyboard/navigation'
import type { Rect } from '../../../../src/focus/geometry'

const key = (x: number, y: number, w = 10): Rect => ({ x, y, w, h: 10 })

/**
 *   [a][b][c][d]        row 0: four narrow keys
 *     [e][f]            row 1: two keys, shifted right
 *   [    g    ][h]      row 2: one wide key, one narrow
 */
const rows: Rect[][] = [
  [key(0, 0), key(12, 0), key(24, 0), key(36, 0)],
  [key(8, 12), key(20, 12)],
  [key(0, 24, 34), key(36, 24)],
]

describe('moveKey', () => {
  it('wraps left and right within the row', () => {
    expect(moveKey(rows, { row: 0, col: 3 }, 'right')).toEqual({ row: 0, col: 0 })
    expect(moveKey(rows, { row: 0, col: 0 }, 'left')).toEqual({ row: 0, col: 3 })
    expect(moveKey(rows, { row: 1, col: 0 }, 'right')).toEqual({ row: 1, col: 1 })
  })

  it('goes to the key of the next row whose centre is nearest', () => {
    // d (centre 41) -> f (centre 25), the nearest of e and f.
    expect(moveKey(rows, { row: 0, col: 3 }, 'down')).toEqual({ row: 1, col: 1 })
    // e (centre 13) -> g (centre 17) rather than h (41).
    expect(moveKey(rows, { row: 1, col: 0 }, 'down')).toEqual({ row: 2, col: 0 })
    // h (centre 41) -> f, then up to d.
    expect(moveKey(rows, { row: 2, col: 1 }, 'up')).toEqual({ row: 1, col: 1 })
    expect(moveKey(rows, { row: 1, col: 1 }, 'up')).toEqual({ row: 0, col: 2 })
  })

  it('has nowhere to go past the first and last rows, so the key is not handled', () => {
    expect(moveKey(rows, { row: 0, col: 1 }, 'up')).toBeNull()
    expect(moveKey(rows, { row: 2, col: 0 }, 'down')).toBeNull()
  })

  it('does not wrap a row of one key, and steps over an empty row', () => {
    expect(moveKey([[key(0, 0)]], { row: 0, col: 0 }, 'left')).toBeNull()
    const gappy = [[key(0, 0)], [], [key(0, 24), key(12, 24)]]
    expect(moveKey(gappy, { row: 0, col: 0 }, 'down')).toEqual({ row: 2, col: 0 })
  })

  it('answers null for a position that is not a key', () => {
    expect(moveKey(rows, { row: 5, col: 0 }, 'down')).toBeNull()
  })
})

describe('clampPosition', () => {
  it('keeps a remembered position inside rows that got shorter', () => {
    expect(clampPosition(rows, { row: 0, col: 3 })).toEqual({ row: 0, col: 3 })
    expect(clampPosition(rows, { row: 1, col: 3 })).toEqual({ row: 1, col: 1 })
    expect(clampPosition(rows, { row: 9, col: 9 })).toEqual({ row: 2, col: 1 })
    expect(clampPosition([], { row: 2, col: 2 })).toEqual({ row: 0, col: 0 })
  })
})
