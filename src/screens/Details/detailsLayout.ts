import { linesLeftInColumn, textHeight } from '../../components/textFit'

/**
 * The details screen's text column (brand, title, meta line, synopsis, top to bottom) and the
 * action buttons under it. The template and the synopsis's line count both read these, so a font
 * size changed here changes both.
 */
export const TEXT_TOP = 100
export const TEXT_WIDTH = 1000
export const ACTIONS_TOP = 600
/** The synopsis ends this far above the buttons, clear of a focused button's frame. */
const ACTIONS_GAP = 24

export const BRAND = { fontSize: 26 }
/** A feed's 120-character title takes two lines at most, then ends with an ellipsis. */
export const TITLE = { fontSize: 68, lineHeight: 78, maxLines: 2, marginTop: 6 }
export const META = { fontSize: 28, marginTop: 10 }
export const SYNOPSIS = { fontSize: 30, lineHeight: 42, maxLines: 5, marginTop: 16 }

/**
 * The synopsis's lines under a title drawn `titleHeight` pixels tall: five under a one-line title,
 * fewer under two, so its last line always ends above the buttons.
 */
export function synopsisLines(titleHeight: number): number {
  return linesLeftInColumn(
    {
      top: TEXT_TOP,
      bottom: ACTIONS_TOP - ACTIONS_GAP,
      others: [
        { marginTop: 0, height: textHeight(BRAND, 1) },
        { marginTop: TITLE.marginTop, height: titleHeight },
        { marginTop: META.marginTop, height: textHeight(META, 1) },
      ],
    },
    SYNOPSIS,
    SYNOPSIS.maxLines,
  )
}

/** Before the title is measured: the lines that fit under the tallest title it may be. */
export const SYNOPSIS_LINES_UNMEASURED = synopsisLines(textHeight(TITLE, TITLE.maxLines))

export interface TitleStyle {
  fontSize: number
  lineHeight: number
  maxLines: number
}

/**
 * The details screen is where a title is read in full: one too long for two lines at the
 * display size (a feed's 200-character episode title) is drawn smaller, on more lines, instead of
 * being cut as on the billboard. Lengths are in characters, about 26 to a line at 68 px bold.
 */
const LONG_TITLES: readonly (TitleStyle & { above: number })[] = [
  { above: 100, fontSize: 38, lineHeight: 46, maxLines: 5 },
  { above: 50, fontSize: 50, lineHeight: 58, maxLines: 3 },
]

export function titleStyleFor(heading: string): TitleStyle {
  const long = LONG_TITLES.find((style) => heading.length > style.above)
  if (!long) return TITLE
  return { fontSize: long.fontSize, lineHeight: long.lineHeight, maxLines: long.maxLines }
}

/** Before a title in `style` is measured: the synopsis's lines under its tallest. */
export const synopsisLinesUnmeasured = (style: TitleStyle): number =>
  synopsisLines(textHeight(style, style.maxLines))
