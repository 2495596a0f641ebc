/**
 * Where things go on the guide grid, as pure functions of times and indexes: channels down, time
 * across in half-hour slots. No renderer here; Guide.ts places elements with these numbers.
 */
export const MINUTE = 60_000
export const SLOT_MS = 30 * MINUTE

export const GRID = {
  /** Left edge of the channel column (the safe area). */
  x: 96,
  channelWidth: 300,
  /** Width of the time area right of the channel column. */
  timeWidth: 1920 - 96 * 2 - 300,
  /** The time header's baseline row, then the first channel row. */
  headerY: 376,
  top: 420,
  rowHeight: 56,
  rowGap: 4,
  /** Channel rows on screen at once: the only ones that exist as elements. */
  rows: 10,
  /** Time shown across: four half-hour slots. */
  span: 4 * SLOT_MS,
} as const

export const ROW_PITCH = GRID.rowHeight + GRID.rowGap

/**
 * The half-hour a time falls in. Counted in UTC: Belgium's offsets are whole hours, so local
 * half-hours start at the same instants.
 */
export const slotFloor = (at: number): number => Math.floor(at / SLOT_MS) * SLOT_MS

/** x of a time in the time area, from its left edge, for a view starting at `viewStart`. */
export const timeToX = (at: number, viewStart: number): number =>
  ((at - viewStart) / GRID.span) * GRID.timeWidth

/** A cell's box in the time area, cut at the view's edges; null when it is outside the view. */
export function cellBox(
  start: number,
  end: number,
  viewStart: number,
): { x: number; w: number } | null {
  const viewEnd = viewStart + GRID.span
  if (end <= viewStart || start >= viewEnd) return null
  const x = timeToX(Math.max(start, viewStart), viewStart)
  const right = timeToX(Math.min(end, viewEnd), viewStart)
  return { x, w: right - x }
}

/** The half-hour marks of the header: their times and x. */
export function headerSlots(viewStart: number): { at: number; x: number }[] {
  const slots: { at: number; x: number }[] = []
  for (let at = slotFloor(viewStart); at < viewStart + GRID.span; at += SLOT_MS) {
    if (at >= viewStart) slots.push({ at, x: timeToX(at, viewStart) })
  }
  return slots
}

/** x of the "now" line, or null while now is not in view. */
export function nowLineX(now: number, viewStart: number): number | null {
  return now >= viewStart && now < viewStart + GRID.span ? timeToX(now, viewStart) : null
}

/** y of a row's top for the row at `index` when `firstRow` is the top one on screen. */
export const rowY = (index: number, firstRow: number): number =>
  GRID.top + (index - firstRow) * ROW_PITCH

/**
 * The top row on screen so that `row` is visible, scrolling as little as possible, and the grid
 * never shows empty rows below the last channel.
 */
export function firstRowFor(
  row: number,
  firstRow: number,
  count: number,
  rows: number = GRID.rows,
): number {
  let first = firstRow
  if (row < first) first = row
  if (row >= first + rows) first = row - rows + 1
  return Math.max(0, Math.min(first, count - rows))
}

/** The rows [start, end) that exist as elements: those on screen, nothing more. */
export function visibleRows(
  firstRow: number,
  count: number,
  rows: number = GRID.rows,
): [number, number] {
  return [Math.max(0, firstRow), Math.max(0, Math.min(count, firstRow + rows))]
}
