import {
  cardTextLayout,
  fitCardTitle,
  hyphenateLongWords,
  imageFrame,
  TILE,
} from '../../../../src/components/Tile/Tile.styles'

describe('imageFrame', () => {
  test('a poster fills the tile', () => {
    expect(imageFrame('portrait')).toMatchObject({ w: TILE.w, h: TILE.h })
  })

  test('a landscape image keeps 16:9 across the top, rounded only at the top', () => {
    const frame = imageFrame('landscape')
    expect(frame.w).toBe(TILE.w)
    expect(frame.w / frame.h).toBeCloseTo(16 / 9, 1)
    expect(frame.radius[2]).toBe(0)
    expect(frame.radius[3]).toBe(0)
    expect(frame.radius[0]).toBe(TILE.radius)
  })
})

describe('cardTextLayout', () => {
  test('a poster carries its own title: no card text', () => {
    expect(cardTextLayout({ mode: 'loading', shape: 'portrait' })).toBeUndefined()
    expect(cardTextLayout({ mode: 'image', shape: 'portrait' })).toBeUndefined()
  })

  test('a landscape image puts the text below itself', () => {
    const layout = cardTextLayout({ mode: 'image', shape: 'landscape' })!
    expect(layout.kindY).toBeGreaterThanOrEqual(imageFrame('landscape').h)
    expect(layout.titleY).toBeGreaterThan(layout.kindY)
  })

  test.each([
    ['card', { mode: 'card' } as const],
    ['landscape', { mode: 'loading', shape: 'landscape' } as const],
  ])('the %s text, at its longest, stays inside the card', (_, state) => {
    const layout = cardTextLayout(state)!
    expect(layout.titleY + layout.lineHeight * layout.maxLines).toBeLessThanOrEqual(TILE.h)
    expect(layout.x + layout.wrapWidth).toBeLessThanOrEqual(TILE.w)
  })
})

describe('fitCardTitle', () => {
  const layout = { titleSize: 28, lineHeight: 34, wrapWidth: 168 }
  // 10 px a letter at 28 px, in proportion to the size.
  const width = (word: string, size: number) => (word.length * 10 * size) / 28

  it('keeps the layout size when every word fits on a line', () => {
    expect(fitCardTitle('Les Barons du quartier', layout, width)).toEqual({
      titleSize: 28,
      lineHeight: 34,
    })
  })

  it('shrinks the title until its widest word fits, the line height with it', () => {
    // 17 letters: 170 px at 28, 2 px too wide.
    const fit = fitCardTitle('Les Extraordinairesss', layout, width)
    expect(fit.titleSize).toBe(27)
    expect(width('Extraordinairesss', fit.titleSize)).toBeLessThanOrEqual(168)
    expect(fit.lineHeight).toBe(33)
  })

  it('stops at 70 % of the size: a longer word is then broken by the text renderer', () => {
    expect(fitCardTitle('Onafhankelijkheidsverklaring', layout, width).titleSize).toBe(19)
  })

  it('reads an empty or blank title as fitting', () => {
    expect(fitCardTitle('  ', layout, width).titleSize).toBe(28)
  })
})

describe('hyphenateLongWords', () => {
  // 10 px a letter.
  const width = (text: string) => text.length * 10

  it('leaves words that fit alone', () => {
    expect(hyphenateLongWords('Le jeune Ahmed', 100, width)).toBe('Le jeune Ahmed')
  })

  it('cuts a word wider than the card over lines, each ending with a hyphen that fits', () => {
    const cut = hyphenateLongWords('Onafhankelijkheidsverklaring', 100, width)
    const lines = cut.split('\n')
    expect(lines.join('').replace(/-/g, '')).toBe('Onafhankelijkheidsverklaring')
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(100)
    for (const line of lines.slice(0, -1)) expect(line.endsWith('-')).toBe(true)
    expect(lines.at(-1)!.length).toBeGreaterThanOrEqual(3)
  })

  it('cuts after a vowel and before a consonant when one is near the line end', () => {
    // 9 letters and the hyphen fit: "Arbeidson" would; "Arbeidso-" ends on a vowel before n.
    expect(hyphenateLongWords('Arbeidsongeschiktheid', 100, width).split('\n')[0]).toBe('Arbeidso-')
  })

  it('keeps the other words of the title as they are', () => {
    expect(hyphenateLongWords('De Onafhankelijkheidsverklaring', 100, width)).toMatch(/^De /)
  })
})
