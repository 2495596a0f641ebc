import { fitStage, keepStagePlaced, placeInWindow, placeStage } from '../../../src/app/stageFit'

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

  it("scales the layout into an operator's stage size given without its precision", () => {
    expect(fitStage(windowOf(1280, 720), {}, { w: 1280, h: 720 })).toEqual({
      w: 1280,
      h: 720,
      precision: 2 / 3,
    })
    expect(fitStage(windowOf(1920, 1080), {}, { w: 720, h: 576 })).toEqual({
      w: 720,
      h: 576,
      precision: 0.375,
    })
    // With its precision, the operator's stage is theirs.
    expect(fitStage(windowOf(1280, 720), {}, { w: 1280, h: 720, precision: 1 })).toBeNull()
  })

  it('leaves the stage alone when the engine reports no usable window size', () => {
    expect(fitStage({}, {}, {})).toBeNull()
    expect(fitStage(windowOf(0, 0), {}, {})).toBeNull()
    expect(fitStage({ innerWidth: Number.NaN, innerHeight: 600 }, {}, {})).toBeNull()
    expect(fitStage(windowOf(10, 5), {}, {})).toBeNull()
  })
})

describe('placing the stage in the window', () => {
  const FULL_HD = { w: 1920, h: 1080 }

  it('letterboxes a window of another shape with equal bands, as a TV does', () => {
    // A PAL box: the 720x405 stage with 85 pixels above and 86 below, not 171 at the bottom.
    const pal = { w: 720, h: 405 }
    expect(placeInWindow(windowOf(720, 576), pal)).toEqual({ left: 0, top: 85, ...pal, scale: 1 })
    // Wider than 16:9: bands left and right.
    const wide = { w: 888, h: 499 }
    expect(placeInWindow(windowOf(1000, 500), wide)).toEqual({
      left: 56,
      top: 0,
      ...wide,
      scale: 1,
    })
  })

  it('centres the full-HD stage in a larger window, never shown beyond the layout size', () => {
    expect(placeInWindow(windowOf(2560, 1440), FULL_HD)).toEqual({
      left: 320,
      top: 180,
      ...FULL_HD,
      scale: 1,
    })
  })

  it('shows the stage smaller or larger as a whole when the window changed size since launch', () => {
    // A box switching its output from 1080p to 720p.
    expect(placeInWindow(windowOf(1280, 720), FULL_HD)).toEqual({
      left: 0,
      top: 0,
      ...FULL_HD,
      scale: 2 / 3,
    })
    // Launched in a PAL window, then given a full-HD one.
    const pal = { w: 720, h: 405 }
    expect(placeInWindow(windowOf(1920, 1080), pal)).toEqual({
      left: 0,
      top: 0,
      ...pal,
      scale: 1920 / 720,
    })
  })

  it('says nothing when the engine reports no usable window size', () => {
    expect(placeInWindow({}, FULL_HD)).toBeNull()
    expect(placeInWindow(windowOf(Number.NaN, 576), FULL_HD)).toBeNull()
  })

  it('makes the body the stage box, so the canvas and the video under it move together', () => {
    placeStage(document, { left: 0, top: 85, w: 720, h: 405, scale: 1 })
    expect(document.body.style.position).toBe('absolute')
    expect([document.body.style.left, document.body.style.top]).toEqual(['0px', '85px'])
    expect([document.body.style.width, document.body.style.height]).toEqual(['720px', '405px'])
    expect(document.body.style.transform).toBe('')
    expect(document.documentElement.style.backgroundColor).toBe('rgb(0, 0, 0)')
    expect(document.documentElement.style.overflow).toBe('hidden')
    placeStage(document, { left: 0, top: 0, w: 1920, h: 1080, scale: 0.5 })
    expect(document.body.style.transform).toBe('scale(0.5)')
    expect(document.body.style.transformOrigin).toBe('0 0')
  })
})

describe('keeping the stage placed', () => {
  /** A window whose size the test changes, with real resize listeners. */
  const resizable = (innerWidth: number, innerHeight: number) => {
    const target = new EventTarget()
    const win = {
      innerWidth,
      innerHeight,
      addEventListener: target.addEventListener.bind(target),
      removeEventListener: target.removeEventListener.bind(target),
      resize(width: number, height: number) {
        win.innerWidth = width
        win.innerHeight = height
        target.dispatchEvent(new Event('resize'))
      },
    }
    return win
  }
  const fakeDocument = () =>
    document.implementation.createHTMLDocument('stage') as Pick<
      Document,
      'body' | 'documentElement'
    >

  it('centres a letterboxed stage at launch and follows the window when it changes size', () => {
    const win = resizable(720, 576)
    const doc = fakeDocument()
    const stop = keepStagePlaced(win, doc, {}, {})
    expect([doc.body.style.top, doc.body.style.width, doc.body.style.transform]).toEqual([
      '85px',
      '720px',
      '',
    ])
    win.resize(1440, 1080)
    // The 720x405 stage, twice as large, 135 pixels from the top.
    expect([doc.body.style.left, doc.body.style.top, doc.body.style.transform]).toEqual([
      '0px',
      '135px',
      'scale(2)',
    ])
    stop()
    win.resize(720, 576)
    expect(doc.body.style.transform).toBe('scale(2)')
  })

  it('leaves a stage that fills the window as the page lays it out until the window changes', () => {
    const win = resizable(1920, 1080)
    const doc = fakeDocument()
    keepStagePlaced(win, doc, {}, {})
    expect(doc.body.style.position).toBe('')
    win.resize(1280, 720)
    expect([doc.body.style.position, doc.body.style.transform]).toEqual([
      'absolute',
      `scale(${2 / 3})`,
    ])
  })

  it('leaves an operator-sized stage alone, at launch and on resize', () => {
    for (const [platform, stage] of [
      [{ width: 1280, height: 720 }, {}],
      [{}, { w: 1280, h: 720 }],
    ]) {
      const win = resizable(720, 576)
      const doc = fakeDocument()
      keepStagePlaced(win, doc, platform, stage)
      win.resize(1000, 500)
      expect(doc.body.style.position).toBe('')
    }
  })
})
