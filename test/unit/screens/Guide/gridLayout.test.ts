import {
  GRID,
  SLOT_MS,
  cellBox,
  firstRowFor,
  headerSlots,
  nowLineX,
  slotFloor,
  timeToX,
  visibleRows,
} from '../../../../src/screens/Guide/gridLayout'

const MIN = 60_000
const T0 = Date.UTC(2026, 11, 2, 19, 30)

describe('guide grid layout', () => {
  it('spreads the view span over the time area', () => {
    expect(timeToX(T0, T0)).toBe(0)
    expect(timeToX(T0 + GRID.span, T0)).toBe(GRID.timeWidth)
    expect(timeToX(T0 + SLOT_MS, T0)).toBe(GRID.timeWidth / 4)
  })

  it('floors times to their half-hour', () => {
    expect(slotFloor(T0 + 29 * MIN)).toBe(T0)
    expect(slotFloor(T0 + 30 * MIN)).toBe(T0 + SLOT_MS)
  })

  it('cuts cells at the edges of the view and drops those outside', () => {
    expect(cellBox(T0 - 60 * MIN, T0 + 15 * MIN, T0)).toEqual({
      x: 0,
      w: timeToX(T0 + 15 * MIN, T0),
    })
    expect(cellBox(T0 + 90 * MIN, T0 + 300 * MIN, T0)).toEqual({
      x: timeToX(T0 + 90 * MIN, T0),
      w: GRID.timeWidth - timeToX(T0 + 90 * MIN, T0),
    })
    expect(cellBox(T0 - 60 * MIN, T0, T0)).toBeNull()
    expect(cellBox(T0 + GRID.span, T0 + GRID.span + MIN, T0)).toBeNull()
  })

  it('labels each half-hour in view and draws the now line only in view', () => {
    expect(headerSlots(T0).map((s) => s.at)).toEqual([0, 1, 2, 3].map((i) => T0 + i * SLOT_MS))
    expect(nowLineX(T0 + 45 * MIN, T0)).toBeCloseTo(timeToX(T0 + 45 * MIN, T0))
    expect(nowLineX(T0 - MIN, T0)).toBeNull()
    expect(nowLineX(T0 + GRID.span, T0)).toBeNull()
  })

  it('scrolls rows as little as needed and never past the last channel', () => {
    expect(firstRowFor(3, 0, 100)).toBe(0)
    expect(firstRowFor(10, 0, 100)).toBe(1)
    expect(firstRowFor(4, 5, 100)).toBe(4)
    expect(firstRowFor(99, 0, 100)).toBe(90)
    expect(firstRowFor(5, 0, 8)).toBe(0)
  })

  it('creates rows for the screen only: 100 channels cost 10 rows', () => {
    expect(visibleRows(0, 100)).toEqual([0, GRID.rows])
    expect(visibleRows(90, 100)).toEqual([90, 100])
    expect(visibleRows(0, 8)).toEqual([0, 8])
  })
})
