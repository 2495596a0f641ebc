import { textHeight } from '../../../../src/components/textFit'
import {
  HERO_SYNOPSIS_LINES_UNMEASURED,
  heroSynopsisLines,
  INFO_BOTTOM,
  INFO_TOP,
  SYNOPSIS,
  TITLE,
} from '../../../../src/components/Hero/heroLayout'

describe('billboard text column', () => {
  const twoLines = textHeight(TITLE, 2)

  it('gives the synopsis its three lines under a one-line title', () => {
    expect(heroSynopsisLines(textHeight(TITLE, 1))).toBe(SYNOPSIS.maxLines)
  })

  it('gives it fewer under a two-line title, so the offer line ends above the rails', () => {
    const lines = heroSynopsisLines(twoLines)
    expect(lines).toBe(2)
    // Brand 36, Title, Meta 39, Synopsis, Offer 39 and their margins.
    const bottom = (synopsis: number) =>
      INFO_TOP + 36 + 6 + twoLines + 8 + 39 + 14 + textHeight(SYNOPSIS, synopsis) + 14 + 39
    expect(bottom(lines)).toBeLessThanOrEqual(INFO_BOTTOM)
    expect(bottom(lines + 1)).toBeGreaterThan(INFO_BOTTOM)
  })

  it('assumes a two-line title until the title is drawn', () => {
    expect(HERO_SYNOPSIS_LINES_UNMEASURED).toBe(heroSynopsisLines(twoLines))
  })
})
