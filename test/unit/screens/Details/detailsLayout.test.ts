import { textHeight } from '../../../../src/components/textFit'
import {
  ACTIONS_TOP,
  SYNOPSIS,
  SYNOPSIS_LINES_UNMEASURED,
  synopsisLines,
  TITLE,
} from '../../../../src/screens/Details/detailsLayout'

describe('Details text column', () => {
  const oneLine = textHeight(TITLE, 1)
  const twoLines = textHeight(TITLE, 2)

  it('gives the synopsis its five lines under a one-line title', () => {
    expect(synopsisLines(oneLine)).toBe(SYNOPSIS.maxLines)
  })

  it('gives it fewer under a two-line title, ending above the buttons', () => {
    const lines = synopsisLines(twoLines)
    expect(lines).toBeLessThan(SYNOPSIS.maxLines)
    expect(lines).toBeGreaterThanOrEqual(2)
    // Brand 39, Title, Meta 42 and their margins, from the column's top at 100.
    const bottom = 100 + 39 + TITLE.marginTop + twoLines + 10 + 42 + SYNOPSIS.marginTop
    expect(bottom + textHeight(SYNOPSIS, lines)).toBeLessThanOrEqual(ACTIONS_TOP)
    expect(bottom + textHeight(SYNOPSIS, lines + 1)).toBeGreaterThan(ACTIONS_TOP - 24)
  })

  it('assumes a two-line title until the title is drawn', () => {
    expect(SYNOPSIS_LINES_UNMEASURED).toBe(synopsisLines(twoLines))
  })
})
