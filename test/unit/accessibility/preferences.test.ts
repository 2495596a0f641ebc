import {
  AccessibilityStore,
  DEFAULT_PREFS,
  readPrefs,
} from '../../../src/accessibility/preferences'
import { memoryStorage } from '../entitlements/fixtures'

describe('accessibility preferences', () => {
  test('a fresh box: speech follows the box (off where it says nothing), medium white subtitles', () => {
    const store = new AccessibilityStore(memoryStorage())
    expect(store.prefs).toEqual(DEFAULT_PREFS)
    expect(store.speechOn).toBe(false)
  })

  test('the box setting turns speech on until the household chooses', () => {
    const store = new AccessibilityStore(memoryStorage())
    const seen: boolean[] = []
    store.speech$.subscribe((on) => seen.push(on))
    store.setSystemSpeech(true)
    expect(store.speechOn).toBe(true)
    store.update({ speech: false })
    store.setSystemSpeech(true)
    expect(seen).toEqual([false, true, false])
  })

  test("the operator's default wins over the box, and the household's choice over both", () => {
    const on = new AccessibilityStore(memoryStorage(), 'on')
    expect(on.speechOn).toBe(true)
    const off = new AccessibilityStore(memoryStorage(), 'off')
    off.setSystemSpeech(true)
    expect(off.speechOn).toBe(false)
    off.update({ speech: true })
    expect(off.speechOn).toBe(true)
  })

  test('choices are kept on the box and read back after a restart', () => {
    const storage = memoryStorage()
    const store = new AccessibilityStore(storage)
    store.update({ highContrast: true, subtitles: { colour: 'yellow' } })
    store.update({ subtitles: { size: 'large' } })
    const again = new AccessibilityStore(storage)
    expect(again.prefs).toEqual({
      speech: null,
      highContrast: true,
      subtitles: { size: 'large', background: 'semi', colour: 'yellow' },
    })
  })

  test('stored values it does not understand fall back to the defaults one by one', () => {
    expect(readPrefs('on')).toEqual(DEFAULT_PREFS)
    expect(
      readPrefs({ speech: 'yes', highContrast: 1, subtitles: { size: 'huge', colour: 'cyan' } }),
    ).toEqual({ ...DEFAULT_PREFS, subtitles: { ...DEFAULT_PREFS.subtitles, colour: 'cyan' } })
  })
})
