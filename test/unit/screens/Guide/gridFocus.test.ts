import type { Programme } from '../../../../src/guide/contract'
import {
  backToNow,
  cellAt,
  cellsBetween,
  jumpDays,
  moveAcross,
  moveDown,
  isGuidePlace,
  openingFocus,
  restoredFocus,
  type GridFocus,
} from '../../../../src/screens/Guide/gridFocus'
import { GRID, SLOT_MS } from '../../../../src/screens/Guide/gridLayout'
import { fakeSchedule, HOUR, MINUTE } from '../../../harness/fakeGuide'
import { shiftDays, wallZone } from '../../../../src/i18n/wallZone'

const BOX = wallZone('box')

const T0 = new Date(2026, 11, 2, 20, 0).getTime()
const BOUNDS = { from: T0 - 7 * 24 * HOUR, to: T0 + 7 * 24 * HOUR }

const programme = (start: number, minutes: number): Programme =>
  fakeSchedule([{ id: 'a' }], start, start, start + 1, { minutes: () => minutes })[0]!

describe('cells of a row', () => {
  const row = [programme(T0, 60), programme(T0 + 90 * MINUTE, 30)]

  it('finds the programme on at a time', () => {
    expect(cellAt(row, T0 + 10 * MINUTE).programme).toBe(row[0])
    expect(cellAt(row, T0 + 90 * MINUTE).programme).toBe(row[1])
  })

  it('fills a hole with half-hour cells that stop at the programmes around it', () => {
    expect(cellAt(row, T0 + 70 * MINUTE)).toEqual({
      start: T0 + 60 * MINUTE,
      end: T0 + 90 * MINUTE,
    })
    expect(cellAt([], T0 + 10 * MINUTE)).toEqual({ start: T0, end: T0 + SLOT_MS })
  })

  it('lists the cells meeting the view, holes included', () => {
    const cells = cellsBetween(row, T0 - 30 * MINUTE, T0 + 2 * HOUR)
    expect(
      cells.map((c) => [(c.start - T0) / MINUTE, (c.end - T0) / MINUTE, Boolean(c.programme)]),
    ).toEqual([
      [-30, 0, false],
      [0, 60, true],
      [60, 90, false],
      [90, 120, true],
    ])
  })
})

describe('moving focus', () => {
  const rows = [
    fakeSchedule([{ id: 'a' }], T0, T0 - 12 * HOUR, T0 + 12 * HOUR, { minutes: () => 60 }),
    fakeSchedule([{ id: 'b' }], T0, T0 - 12 * HOUR, T0 + 12 * HOUR, { minutes: () => 25 }),
  ]
  const start: GridFocus = { row: 0, time: T0 + 10 * MINUTE, viewStart: T0, firstRow: 0 }

  it('Right goes to the next programme and keeps its start as the time', () => {
    const next = moveAcross(start, rows[0]!, 1, BOUNDS)
    expect(next.time).toBe(T0 + HOUR)
    expect(next.viewStart).toBe(T0)
    const later = moveAcross(moveAcross(next, rows[0]!, 1, BOUNDS), rows[0]!, 1, BOUNDS)
    // 22:00 was past the two-hour view: the view moved to it, and 23:00 is in that view.
    expect(later.time).toBe(T0 + 3 * HOUR)
    expect(later.viewStart).toBe(T0 + 2 * HOUR)
  })

  it('Left goes to the previous programme, scrolling back to its start', () => {
    const back = moveAcross(start, rows[0]!, -1, BOUNDS)
    expect(back.time).toBe(T0 - HOUR)
    expect(back.viewStart).toBe(T0 - HOUR)
  })

  it('a programme begun before the view keeps the view and focuses its visible part', () => {
    const long = [programme(T0 - 2 * HOUR, 180)]
    const focus = { ...start, time: T0 + 70 * MINUTE }
    const back = moveAcross(focus, long, -1, BOUNDS)
    expect(back).toMatchObject({ viewStart: T0, time: T0 })
    expect(cellAt(long, back.time).programme).toBe(long[0])
  })

  it('Up and Down keep the time, so the programme on then on the other channel is focused', () => {
    const focus = moveAcross(start, rows[0]!, 1, BOUNDS)
    const down = moveDown(focus, 1, 2)
    expect(down.row).toBe(1)
    expect(down.time).toBe(focus.time)
    expect(cellAt(rows[1]!, down.time).programme!.start).toBe(T0 + 50 * MINUTE)
    expect(moveDown(down, 1, 2)).toBe(down)
    expect(moveDown(down, -1, 2).time).toBe(focus.time)
  })

  it('steps over a sliver of a gap between two programmes, both ways; a real gap is focused', () => {
    // 20:00-20:58, nothing until 21:00, then 21:00-22:00: an export's rounding.
    const row = [programme(T0, 58), programme(T0 + HOUR, 60)]
    const right = moveAcross(start, row, 1, BOUNDS)
    expect(cellAt(row, right.time).programme).toBe(row[1])
    const left = moveAcross(right, row, -1, BOUNDS)
    expect(cellAt(row, left.time).programme).toBe(row[0])
    // Ten minutes without a programme are a gap the household may look at ("no information").
    const gapped = [programme(T0, 50), programme(T0 + HOUR, 60)]
    expect(cellAt(gapped, moveAcross(start, gapped, 1, BOUNDS).time).programme).toBeUndefined()
  })

  it('stops at the guide bounds', () => {
    const edge = { ...start, time: BOUNDS.to - 10 * MINUTE, viewStart: BOUNDS.to - GRID.span }
    expect(moveAcross(edge, [], 1, BOUNDS)).toBe(edge)
  })

  it('Red and Green jump a day at the same time of day, within the bounds', () => {
    const tomorrow = jumpDays(start, 1, BOUNDS, BOX)
    expect(tomorrow.time).toBe(shiftDays(BOX, start.time, 1))
    expect(new Date(tomorrow.time).getHours()).toBe(20)
    expect(tomorrow.viewStart).toBe(shiftDays(BOX, T0, 1))
    const far = jumpDays({ ...start, time: BOUNDS.to - HOUR }, 1, BOUNDS, BOX)
    expect(far.time).toBe(BOUNDS.to - 1)
    expect(far.time).toBeGreaterThanOrEqual(far.viewStart)
    expect(far.time).toBeLessThan(far.viewStart + GRID.span)
  })

  it('a day back across a clock change keeps the time of day', () => {
    const sunday = new Date(2026, 2, 29, 20).getTime()
    const bounds = { from: sunday - 7 * 24 * HOUR, to: sunday + 7 * 24 * HOUR }
    const back = jumpDays({ row: 0, time: sunday, viewStart: sunday, firstRow: 0 }, -1, bounds, BOX)
    expect(new Date(back.time).getHours()).toBe(20)
    expect(new Date(back.time).getDate()).toBe(28)
  })

  it('opens on now, in the first half-hour, with the channel in the middle of the screen', () => {
    const focus = openingFocus(50, T0 + 40 * MINUTE, 100, BOUNDS)
    expect(focus).toMatchObject({ row: 50, time: T0 + 40 * MINUTE, viewStart: T0 + SLOT_MS })
    expect(focus.firstRow).toBe(45)
    expect(openingFocus(0, T0, 100, BOUNDS).firstRow).toBe(0)
  })
})

describe('back to now', () => {
  it('returns to the time on air on the same row, keeping the rows in place', () => {
    const away: GridFocus = {
      row: 12,
      time: T0 + 26 * HOUR,
      viewStart: T0 + 26 * HOUR,
      firstRow: 8,
    }
    const back = backToNow(away, T0 + 10 * MINUTE, 100, BOUNDS)
    expect(back).toEqual({ row: 12, time: T0 + 10 * MINUTE, viewStart: T0, firstRow: 8 })
    expect(backToNow(back, T0 + 10 * MINUTE, 100, BOUNDS)).toBe(back)
  })
})

describe('coming back to the guide', () => {
  const ids = ['a', 'b', 'c']

  it('returns to the channel and the time left, laid out as on opening', () => {
    const time = T0 - 90 * MINUTE
    expect(restoredFocus({ channelId: 'b', time }, ids, BOUNDS)).toEqual(
      openingFocus(1, time, 3, BOUNDS),
    )
  })

  it('keeps within the guide, and gives up on a channel no longer listed', () => {
    const long = restoredFocus({ channelId: 'c', time: T0 - 30 * 24 * HOUR }, ids, BOUNDS)
    expect(long?.time).toBe(BOUNDS.from)
    expect(restoredFocus({ channelId: 'gone', time: T0 }, ids, BOUNDS)).toBeNull()
  })

  it('reads only a place it wrote', () => {
    expect(isGuidePlace({ channelId: 'a', time: 1 })).toBe(true)
    expect(isGuidePlace({ channelId: 'a' })).toBe(false)
    expect(isGuidePlace(null)).toBe(false)
  })
})
