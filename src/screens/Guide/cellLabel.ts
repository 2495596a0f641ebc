/** Padding around a guide cell's title: its x inside the cell, and as much again on the right. */
const LABEL_PADDING = 28

/**
 * Narrowest wrap a cell's title is drawn at: a letter and the ".." Lightning adds to a cut line.
 * Narrower, Lightning's line cutting never ends: it takes letters off a line until the line and
 * its ".." fit, and ".." alone does not. A short programme (a 4-minute bulletin, a 1-minute
 * weather slot) froze the whole app so.
 */
export const MIN_LABEL_WRAP = 40

/** The wrap width of the title of a cell `width` px wide, or null: too narrow for a title. */
export function cellLabelWrap(width: number): number | null {
  const wrap = Math.floor(width - LABEL_PADDING)
  return wrap >= MIN_LABEL_WRAP ? wrap : null
}
