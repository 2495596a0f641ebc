import { AccessibilityStore } from '../../../../src/accessibility/preferences'
import { accessibilityRows, choose } from '../../../../src/screens/Accessibility/accessibilityModel'
import { memoryStorage } from '../../entitlements/fixtures'

const t = (key: string) => key

describe('Settings › Accessibilité rows', () => {
  test('five rows, each marking the choice that applies now', () => {
    const store = new AccessibilityStore(memoryStorage())
    const rows = accessibilityRows(store.prefs, false, t)
    expect(rows.map((row) => [row.id, row.chosen])).toEqual([
      ['speech', 'off'],
      ['contrast', 'off'],
      ['size', 'medium'],
      ['background', 'semi'],
      ['colour', 'white'],
    ])
    expect(rows[2]?.options.map((o) => o.label)).toEqual([
      'a11y.size.small',
      '✓ a11y.size.medium',
      'a11y.size.large',
    ])
  })

  test('speech turned on by the box shows as on until the household chooses', () => {
    const store = new AccessibilityStore(memoryStorage())
    store.setSystemSpeech(true)
    expect(accessibilityRows(store.prefs, store.speechOn, t)[0]?.chosen).toBe('on')
  })

  test('choosing applies at once; only high contrast asks for a restart, and only on a change', () => {
    const store = new AccessibilityStore(memoryStorage())
    expect(choose(store, 'colour', 'yellow')).toEqual({ changed: true, restart: false })
    expect(store.prefs.subtitles.colour).toBe('yellow')
    expect(choose(store, 'speech', 'on')).toEqual({ changed: true, restart: false })
    expect(store.speechOn).toBe(true)
    expect(choose(store, 'contrast', 'off')).toEqual({ changed: false, restart: false })
    expect(choose(store, 'contrast', 'on')).toEqual({ changed: true, restart: true })
  })

  test('an option that does not belong to its row changes nothing', () => {
    const store = new AccessibilityStore(memoryStorage())
    expect(choose(store, 'size', 'yellow')).toEqual({ changed: false, restart: false })
    expect(store.prefs.subtitles.size).toBe('medium')
  })
})
