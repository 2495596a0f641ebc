import { screensFilled } from '../../../src/app/fillProbe'

describe('screensFilled', () => {
  it('counts one full-screen layer as one screen, and overlaps as often as drawn', () => {
    const screen = { x: 0, y: 0, w: 1920, h: 1080 }
    expect(screensFilled([screen], 1920, 1080)).toBe(1)
    expect(screensFilled([screen, { x: 960, y: 0, w: 960, h: 1080 }], 1920, 1080)).toBe(1.5)
  })

  it('clips quads to the screen and ignores those outside it', () => {
    const partly = { x: 1820, y: 980, w: 200, h: 200 }
    const outside = { x: 0, y: 1100, w: 500, h: 300 }
    expect(screensFilled([partly, outside], 1920, 1080)).toBeCloseTo((100 * 100) / (1920 * 1080))
  })
})
