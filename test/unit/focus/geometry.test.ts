import { nearestColumn, type Rect } from '../../../src/focus/geometry'

const rect = (x: number, w = 100): Rect => ({ x, y: 0, w, h: 150 })
/** A row of equal tiles starting at `x0`. */
const row = (x0: number, count: number, w = 100, gap = 20): Rect[] =>
  Array.from({ length: count }, (_, i) => rect(x0 + i * (w + gap), w))

describe('nearestColumn', () => {
  test('picks the candidate straight below in an aligned grid', () => {
    expect(nearestColumn(rect(240), row(0, 6))).toBe(2)
  })

  test('compares centres, not left edges, for tiles of different widths', () => {
    const from = rect(200, 100) // centre 250
    const sameLeftEdge = rect(200, 400) // centre 400
    const sameCentre = rect(100, 260) // centre 230
    expect(nearestColumn(from, [sameLeftEdge, sameCentre])).toBe(1)
  })

  test('keeps the column when the row below is scrolled differently', () => {
    const focused = rect(96 + 2 * 120) // third visible tile
    const scrolledRow = row(96 - 5 * 120, 12) // scrolled by five tiles
    expect(nearestColumn(focused, scrolledRow)).toBe(7)
  })

  test('a tile beyond the end of a shorter row goes to its last tile', () => {
    expect(nearestColumn(rect(5 * 120), row(0, 3))).toBe(2)
  })

  test('ties go to the left-most candidate', () => {
    // from centre 150; candidates centred at 100 and 200.
    expect(nearestColumn(rect(100), [rect(50), rect(150)])).toBe(0)
    expect(nearestColumn(rect(100), [rect(150), rect(50)])).toBe(0)
  })

  test('ignores vertical position', () => {
    const far = { x: 0, y: 5000, w: 100, h: 150 }
    expect(nearestColumn(rect(0), [rect(400), far])).toBe(1)
  })

  test('no candidates gives -1', () => {
    expect(nearestColumn(rect(0), [])).toBe(-1)
  })
})
