/** A text's size settings, as its template gives them to Lightning. */
export interface LineMetrics {
  fontSize: number
  /** Lightning uses the font size when a text has no line height. */
  lineHeight?: number
}

/**
 * The height Lightning gives a text texture of `lines` lines: every line but the last at its line
 * height, the last at its full height plus half a font size below the baseline
 * (`TextTextureRenderer._calculateRenderInfo`, default baseline, no offsetY and no fixed h). A
 * two-line heading is therefore 1.5 lines taller than its font size, not twice it, which is what
 * templates with hand-placed y values got wrong.
 */
export function textHeight(metrics: LineMetrics, lines: number): number {
  if (lines <= 0) return 0
  const lineHeight = metrics.lineHeight ?? metrics.fontSize
  return lineHeight * (lines - 1) + metrics.fontSize * 0.5 + Math.max(lineHeight, metrics.fontSize)
}

/**
 * How many lines of a text fit in `space` pixels, at most `max`; 0 when not even one does. The
 * caller hides the text at 0: Lightning reads `maxLines: 0` as "no limit".
 */
export function linesThatFit(metrics: LineMetrics, space: number, max: number): number {
  let lines = 0
  while (lines < max && textHeight(metrics, lines + 1) <= space) lines += 1
  return lines
}

/** One item of a flex column: the margin above it and its height. */
export interface ColumnItem {
  marginTop: number
  height: number
}

/**
 * The lines one text of a flex column may have so that the column, starting at `top`, ends at or
 * above `bottom`: the column's other items (with their real heights, a wrapped title's included)
 * and the text's own margin are taken off first.
 */
export function linesLeftInColumn(
  column: { top: number; bottom: number; others: readonly ColumnItem[] },
  text: LineMetrics & { marginTop: number },
  max: number,
): number {
  const used = column.others.reduce((sum, item) => sum + item.marginTop + item.height, 0)
  return linesThatFit(text, column.bottom - column.top - used - text.marginTop, max)
}

/** The number of lines in a text texture drawn `height` pixels tall (textHeight's inverse). */
export function linesIn(metrics: LineMetrics, height: number): number {
  if (height <= 0) return 0
  const lineHeight = metrics.lineHeight ?? metrics.fontSize
  return Math.round((height - textHeight(metrics, 1)) / lineHeight) + 1
}
