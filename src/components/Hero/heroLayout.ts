import { linesLeftInColumn, textHeight } from '../textFit'

/**
 * The billboard's text column (brand, title, meta line, synopsis, offer, top to bottom). The
 * template and the synopsis's line count both read these.
 */
export const INFO_TOP = 130
export const INFO_WIDTH = 900
/** The column's last line (the offer) ends here at the lowest: home's rails start 20 px below. */
export const INFO_BOTTOM = 570

export const BRAND = { fontSize: 24 }
/** A feed's 120-character title takes two lines at most, then ends with an ellipsis. */
export const TITLE = { fontSize: 68, lineHeight: 78, maxLines: 2, marginTop: 6 }
export const META = { fontSize: 26, marginTop: 8 }
export const SYNOPSIS = { fontSize: 28, lineHeight: 38, maxLines: 3, marginTop: 14 }
export const OFFER = { fontSize: 26, marginTop: 14 }

/**
 * The synopsis's lines under a title drawn `titleHeight` pixels tall: three under a one-line
 * title, fewer under two, so the offer line below it stays above the rails.
 */
export function heroSynopsisLines(titleHeight: number): number {
  return linesLeftInColumn(
    {
      top: INFO_TOP,
      bottom: INFO_BOTTOM,
      others: [
        { marginTop: 0, height: textHeight(BRAND, 1) },
        { marginTop: TITLE.marginTop, height: titleHeight },
        { marginTop: META.marginTop, height: textHeight(META, 1) },
        { marginTop: OFFER.marginTop, height: textHeight(OFFER, 1) },
      ],
    },
    SYNOPSIS,
    SYNOPSIS.maxLines,
  )
}

/** Before the title is measured: the lines that fit under the tallest title it may be. */
export const HERO_SYNOPSIS_LINES_UNMEASURED = heroSynopsisLines(textHeight(TITLE, TITLE.maxLines))
