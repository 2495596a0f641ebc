import { cardTextLayout, imageFrame, TILE } from '../../../../src/components/Tile/Tile.styles'

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
