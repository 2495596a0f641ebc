import { centreStage, fitStage, placeStage } from '../../../src/app/stageFit'

const windowOf = (innerWidth: number, innerHeight: number) => ({ innerWidth, innerHeight })

describe('fitting the 1920x1080 layout into the window', () => {
  it('leaves a full-HD window, or a larger one, to the SDK (never drawn larger than the layout)', () => {
    expect(fitStage(windowOf(1920, 1080), {}, {})).toBeNull()
    expect(fitStage(windowOf(3840, 2160), {}, {})).toBeNull()
  })

  it('draws a 720p window at two thirds, as the SDK does for it', () => {
    expect(fitStage(windowOf(1280, 720), {}, {})).toEqual({ w: 1280, h: 720, precision: 2 / 3 })
  })

  it('fits a window that is not 16:9 by its tighter side, so the whole layout shows', () => {
    // A PAL box (4:3): as wide as the window, letterboxed.
    expect(fitStage(windowOf(720, 576), {}, {})).toEqual({ w: 720, h: 405, precision: 0.375 })
    // Headless Chromium's default window.
    expect(fitStage(windowOf(800, 600), {}, {})).toEqual({ w: 800, h: 450, precision: 800 / 1920 })
    // Wider than 16:9: as high as the window.
    expect(fitStage(windowOf(1000, 500), {}, {})).toEqual({ w: 888, h: 499, precision: 888 / 1920 })
    // Full-HD wide but less high (a browser's toolbars).
    const fit = fitStage(windowOf(1920, 960), {}, {})
    expect(fit).toEqual({ w: 1706, h: 959, precision: 1706 / 1920 })
  })

  it('keeps what the operator chose: a size in platformSettings, or stage options in appSettings', () => {
    expect(fitStage(windowOf(800, 600), { width: 1280, height: 720 }, {})).toBeNull()
    expect(fitStage(windowOf(800, 600), {}, { precision: 1 })).toBeNull()
    expect(fitStage(windowOf(800, 600), {}, { w: 1920 })).toBeNull()
    // Other stage options do not count as a size.
    expect(fitStage(windowOf(800, 600), {}, { clearColor: '0x00000000' })).not.toBeNull()
    expect(fitStage(windowOf(800, 600), { width: 'wide', height: 0 }, undefined)).not.toBeNull()
  })

  it('leaves the stage alone when the engine reports no usable window size', () => {
    expect(fitStage({}, {}, {})).toBeNull()
    expect(fitStage(windowOf(0, 0), {}, {})).toBeNull()
    expect(fitStage({ innerWidth: Number.NaN, innerHeight: 600 }, {}, {})).toBeNull()
    expect(fitStage(windowOf(10, 5), {}, {})).toBeNull()
  })
})

describe('centring the stage in the window', () => {
  it('letterboxes a window of another shape with equal bands, as a TV does', () => {
    // A PAL box: the 720x405 stage with 85 pixels above and 86 below, not 171 at the bottom.
    expect(centreStage(windowOf(720, 576), {}, {})).toEqual({ left: 0, top: 85, w: 720, h: 405 })
    // Wider than 16:9: bands left and right.
    expect(centreStage(windowOf(1000, 500), {}, {})).toEqual({ left: 56, top: 0, w: 888, h: 499 })
  })

  it('centres the full-HD stage in a larger window, which it is never scaled up to', () => {
    expect(centreStage(windowOf(2560, 1440), {}, {})).toEqual({
      left: 320,
      top: 180,
      w: 1920,
      h: 1080,
    })
  })

  it('leaves a stage that fills the window where it is', () => {
    expect(centreStage(windowOf(1920, 1080), {}, {})).toBeNull()
    expect(centreStage(windowOf(1280, 720), {}, {})).toBeNull()
    // Within a pixel of 16:9: rounding, not a band.
    expect(centreStage(windowOf(1921, 1081), {}, {})).toBeNull()
  })

  it('leaves an operator-sized stage, or a window of no usable size, alone', () => {
    expect(centreStage(windowOf(720, 576), { width: 1280, height: 720 }, {})).toBeNull()
    expect(centreStage(windowOf(720, 576), {}, { w: 1280, h: 720 })).toBeNull()
    expect(centreStage({}, {}, {})).toBeNull()
    expect(centreStage(windowOf(Number.NaN, 576), {}, {})).toBeNull()
  })

  it('makes the body the stage box, so the canvas and the video under it move together', () => {
    placeStage(document, { left: 0, top: 85, w: 720, h: 405 })
    expect(document.body.style.position).toBe('absolute')
    expect([document.body.style.left, document.body.style.top]).toEqual(['0px', '85px'])
    expect([document.body.style.width, document.body.style.height]).toEqual(['720px', '405px'])
    expect(document.documentElement.style.backgroundColor).toBe('rgb(0, 0, 0)')
    expect(document.documentElement.style.overflow).toBe('hidden')
  })
})
