import { OverlayMachine, type OverlayState } from '../../../src/player/overlay'

describe('OverlayMachine', () => {
  let changes: OverlayState[]
  let overlay: OverlayMachine

  beforeEach(() => {
    jest.useFakeTimers()
    changes = []
    overlay = new OverlayMachine((state) => changes.push(state), 4000)
  })

  afterEach(() => {
    overlay.dispose()
    jest.useRealTimers()
  })

  test('starts visible and stays while loading', () => {
    expect(overlay.value).toEqual({ visible: true, menuOpen: false })
    jest.advanceTimersByTime(60_000)
    expect(overlay.value.visible).toBe(true)
  })

  test('hides a few seconds after playback starts, and any key brings it back', () => {
    overlay.setPlayback('playing')
    jest.advanceTimersByTime(3999)
    expect(overlay.value.visible).toBe(true)
    jest.advanceTimersByTime(1)
    expect(overlay.value.visible).toBe(false)
    overlay.activity()
    expect(overlay.value.visible).toBe(true)
    jest.advanceTimersByTime(4000)
    expect(overlay.value.visible).toBe(false)
  })

  test('each key restarts the countdown', () => {
    overlay.setPlayback('playing')
    jest.advanceTimersByTime(3000)
    overlay.activity()
    jest.advanceTimersByTime(3000)
    expect(overlay.value.visible).toBe(true)
    jest.advanceTimersByTime(1000)
    expect(overlay.value.visible).toBe(false)
  })

  test.each(['paused', 'buffering', 'error', 'loading'] as const)(
    'never hides while %s',
    (playback) => {
      overlay.setPlayback('playing')
      jest.advanceTimersByTime(5000)
      overlay.setPlayback(playback)
      expect(overlay.value.visible).toBe(true)
      jest.advanceTimersByTime(60_000)
      expect(overlay.value.visible).toBe(true)
    },
  )

  test('dismiss (a live banner put away) hides the controls, while loading too, until playback stalls', () => {
    overlay.dismiss()
    expect(overlay.value.visible).toBe(false)
    // Back then leaves: nothing invisible is left to hide first.
    overlay.setPlayback('playing')
    expect(overlay.back()).toBe('stop')
    overlay.setPlayback('buffering')
    expect(overlay.value.visible).toBe(true)
  })

  test('dismiss keeps the track menu, and the controls over a stream with no picture', () => {
    overlay.setPlayback('playing')
    overlay.openMenu()
    overlay.dismiss()
    expect(overlay.value).toEqual({ visible: true, menuOpen: true })
    overlay.closeMenu()
    overlay.setNoPicture(true)
    overlay.dismiss()
    expect(overlay.value.visible).toBe(true)
  })

  test('stays while the track menu is open, and counts down again once it closes', () => {
    overlay.setPlayback('playing')
    overlay.openMenu()
    jest.advanceTimersByTime(60_000)
    expect(overlay.value).toEqual({ visible: true, menuOpen: true })
    overlay.closeMenu()
    jest.advanceTimersByTime(4000)
    expect(overlay.value.visible).toBe(false)
  })

  test('Back closes the menu, then hides the overlay, then stops', () => {
    overlay.setPlayback('playing')
    overlay.openMenu()
    expect(overlay.back()).toBe('closed-menu')
    expect(overlay.back()).toBe('hid-overlay')
    expect(overlay.value.visible).toBe(false)
    expect(overlay.back()).toBe('stop')
  })

  test('Back while paused stops at once (the overlay cannot be hidden then)', () => {
    overlay.setPlayback('paused')
    expect(overlay.back()).toBe('stop')
  })

  test('over a stream with no picture it stays while playing, and Back stops at once', () => {
    overlay.setPlayback('playing')
    overlay.setNoPicture(true)
    jest.advanceTimersByTime(60_000)
    expect(overlay.value.visible).toBe(true)
    overlay.activity()
    jest.advanceTimersByTime(60_000)
    expect(overlay.value.visible).toBe(true)
    expect(overlay.back()).toBe('stop')
  })

  test('a stream found to have a picture hides it again after the delay', () => {
    overlay.setPlayback('playing')
    overlay.setNoPicture(true)
    overlay.setNoPicture(false)
    jest.advanceTimersByTime(4000)
    expect(overlay.value.visible).toBe(false)
  })

  test('reports only real changes', () => {
    overlay.activity()
    overlay.activity()
    expect(changes).toEqual([])
    overlay.setPlayback('playing')
    jest.advanceTimersByTime(4000)
    expect(changes).toEqual([{ visible: false, menuOpen: false }])
  })

  test('dispose cancels the pending hide', () => {
    overlay.setPlayback('playing')
    overlay.dispose()
    jest.advanceTimersByTime(10_000)
    expect(overlay.value.visible).toBe(true)
  })
})
