import { textHeight } from '../../../../src/components/textFit'
import {
  synopsisLinesUnmeasured,
  titleStyleFor,
  TEXT_WIDTH,
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

describe('a title too long for two lines at display size', () => {
  const title = (length: number) => 'x'.repeat(length)

  test('is drawn smaller on more lines, never cut before about 200 characters', () => {
    expect(titleStyleFor(title(40))).toEqual(TITLE)
    const medium = titleStyleFor(title(80))
    const long = titleStyleFor(title(199))
    expect(medium.fontSize).toBeLessThan(TITLE.fontSize)
    expect(long.fontSize).toBeLessThan(medium.fontSize)
    // About 0.6 em a character in bold: 199 characters fit the long style's lines.
    const perLine = Math.floor(TEXT_WIDTH / (long.fontSize * 0.6))
    expect(perLine * long.maxLines).toBeGreaterThanOrEqual(199)
  })

  test('leaves the synopsis at least two lines above the buttons under the tallest', () => {
    expect(synopsisLinesUnmeasured(titleStyleFor(title(199)))).toBeGreaterThanOrEqual(2)
  })
})
