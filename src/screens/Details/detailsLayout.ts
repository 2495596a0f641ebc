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
