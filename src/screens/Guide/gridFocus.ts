import { shiftDays, type WallZone } from '../../i18n/wallZone'
import type { Programme } from '../../guide/contract'
import { GRID, SLOT_MS, firstRowFor, slotFloor } from './gridLayout'

/**
 * A cell of a channel's row: a programme, or a stretch without one (not loaded yet, or the
 * source has nothing there), cut at half-hours so that moving through it is not one leap.
 */
export interface Cell {
  start: number
  end: number
  programme?: Programme
}

/**
 * Focus on the grid: the row (channel index), the time the focus stands at (kept when moving up
 * and down, so the programme at that time on the next channel is focused), and the view: the
 * first time across and the top row on screen. The focused cell follows from the row's
 * programmes, so it is right again as soon as they load.
 */
export interface GridFocus {
  row: number
  time: number
  viewStart: number
  firstRow: number
}

/** The times the guide reaches: [from, to). */
export interface GuideBounds {
  from: number
  to: number
}

/** Index of the first programme ending after `at` (programmes sorted and not overlapping). */
function firstEndingAfter(programmes: readonly Programme[], at: number): number {
  let low = 0
  let high = programmes.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (programmes[mid]!.end <= at) low = mid + 1
    else high = mid
  }
  return low
}

/** The cell at a time on a row: the programme on then, or the half-hour gap around it. */
export function cellAt(programmes: readonly Programme[], at: number): Cell {
  const index = firstEndingAfter(programmes, at)
  const next = programmes[index]
  if (next && next.start <= at) return { start: next.start, end: next.end, programme: next }
  const previousEnd = index > 0 ? programmes[index - 1]!.end : -Infinity
  const slot = slotFloor(at)
  return {
    start: Math.max(slot, previousEnd),
    end: Math.min(slot + SLOT_MS, next?.start ?? Infinity),
  }
}

/** The cells of a row that meet [from, to), in time order. */
export function cellsBetween(programmes: readonly Programme[], from: number, to: number): Cell[] {
  const cells: Cell[] = []
  for (let cell = cellAt(programmes, from); cell.start < to; cell = cellAt(programmes, cell.end)) {
    cells.push(cell)
  }
  return cells
}

const sameCell = (a: Cell, b: Cell): boolean => a.start === b.start && a.end === b.end

/** The view start that shows a cell: unchanged when the cell is in view, else from its start. */
function viewFor(cell: Cell, viewStart: number, bounds: GuideBounds): number {
  if (cell.end > viewStart && cell.start < viewStart + GRID.span) return viewStart
  return clampView(slotFloor(cell.start), bounds)
}

export function clampView(viewStart: number, bounds: GuideBounds): number {
  return Math.max(slotFloor(bounds.from), Math.min(viewStart, bounds.to - GRID.span))
}

/** A gap this short between two programmes (an export's rounding) is stepped over, not focused. */
export const SLIVER_MS = 3 * 60_000

/**
 * Left/Right: the previous or next cell of the focused row. The focus time becomes the start of
 * the new cell's visible part, so Up/Down from there land on what is on screen. A sliver of a
 * gap between two programmes is passed: the focus on a cell a few pixels wide was lost to sight.
 */
export function moveAcross(
  focus: GridFocus,
  programmes: readonly Programme[],
  direction: -1 | 1,
  bounds: GuideBounds,
): GridFocus {
  const step = (from: Cell) =>
    direction > 0 ? cellAt(programmes, from.end) : cellAt(programmes, from.start - 1)
  const cell = cellAt(programmes, focus.time)
  let next = step(cell)
  if (!next.programme && next.end - next.start < SLIVER_MS) {
    const beyond = step(next)
    if (beyond.programme && !sameCell(beyond, next)) next = beyond
  }
  if (sameCell(next, cell) || next.start >= bounds.to || next.end <= bounds.from) return focus
  const viewStart = viewFor(next, focus.viewStart, bounds)
  return { ...focus, viewStart, time: Math.max(next.start, viewStart, bounds.from) }
}

/** Up/Down: another channel at the same time; the view scrolls rows as little as it can. */
export function moveDown(focus: GridFocus, delta: number, rowCount: number): GridFocus {
  const row = Math.max(0, Math.min(rowCount - 1, focus.row + delta))
  if (row === focus.row) return focus
  return { ...focus, row, firstRow: firstRowFor(row, focus.firstRow, rowCount) }
}

/** Red/Green: a day back or forward, same channel, same time of day, within the bounds. */
export function jumpDays(
  focus: GridFocus,
  days: number,
  bounds: GuideBounds,
  zone: WallZone,
): GridFocus {
  const time = Math.max(bounds.from, Math.min(bounds.to - 1, shiftDays(zone, focus.time, days)))
  if (time === focus.time) return focus
  const viewStart = clampView(slotFloor(shiftDays(zone, focus.viewStart, days)), bounds)
  // The time must stay in view: a clamped jump may have moved it out.
  const inView = time >= viewStart && time < viewStart + GRID.span
  return { ...focus, time, viewStart: inView ? viewStart : clampView(slotFloor(time), bounds) }
}

/** Where the guide opens: the programme on air of `row`, with now in the first half-hour. */
export function openingFocus(row: number, now: number, rowCount: number, bounds: GuideBounds) {
  return {
    row,
    time: now,
    viewStart: clampView(slotFloor(now), bounds),
    firstRow: firstRowFor(row, row - Math.floor(GRID.rows / 2), rowCount),
  }
}

/** Where the household was in the guide: the channel and the time it had focused. */
export interface GuidePlace {
  channelId: string
  time: number
}

/**
 * The focus on coming back to the guide (Back from what it started): the same channel and time,
 * laid out as on opening. Null when that channel is no longer listed.
 */
export function restoredFocus(
  place: GuidePlace,
  channelIds: readonly string[],
  bounds: GuideBounds,
): GridFocus | null {
  const row = channelIds.indexOf(place.channelId)
  if (row < 0) return null
  const time = Math.min(Math.max(place.time, bounds.from), bounds.to - 1)
  return openingFocus(row, time, channelIds.length, bounds)
}

export function isGuidePlace(value: unknown): value is GuidePlace {
  const place = value as Partial<GuidePlace> | null
  return typeof place?.channelId === 'string' && typeof place.time === 'number'
}

/**
 * Back to what is on air (the Yellow key): the same channel with now in the first half-hour;
 * the rows stay where they are when the channel is on screen.
 */
export function backToNow(
  focus: GridFocus,
  now: number,
  rowCount: number,
  bounds: GuideBounds,
): GridFocus {
  const opened = openingFocus(focus.row, now, rowCount, bounds)
  if (opened.time === focus.time && opened.viewStart === focus.viewStart) return focus
  return { ...opened, firstRow: firstRowFor(focus.row, focus.firstRow, rowCount) }
}
