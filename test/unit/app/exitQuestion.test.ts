import { overlayClosesOnRoute } from '../../../src/app/exitQuestion'

describe('the exit question when the app is sent elsewhere', () => {
  it('closes for a deep link to another screen', () => {
    expect(overlayClosesOnRoute('exit', '#details/rosetta')).toBe(true)
    expect(overlayClosesOnRoute('exit', '#/play/rosetta')).toBe(true)
    expect(overlayClosesOnRoute('exit-unavailable', '#live/la-une')).toBe(true)
  })

  it('stays while the app is still on home', () => {
    expect(overlayClosesOnRoute('exit', '#home')).toBe(false)
    expect(overlayClosesOnRoute('exit', '')).toBe(false)
    expect(overlayClosesOnRoute('exit-unavailable', '#/home')).toBe(false)
  })

  it('leaves the error overlays and no overlay alone', () => {
    expect(overlayClosesOnRoute('config-error', '#details/rosetta')).toBe(false)
    expect(overlayClosesOnRoute('catalogue-error', '#details/rosetta')).toBe(false)
    expect(overlayClosesOnRoute(null, '#details/rosetta')).toBe(false)
  })
})
