import type { Platform } from '../../../src/platform/platform'
import { loadLanguagePreference, saveLanguagePreference } from '../../../src/state/preferences'

/** A platform whose storage is a Map; nothing else is used by preferences. */
function fakePlatform(entries: Record<string, unknown> = {}): Platform & {
  stored: Map<string, unknown>
} {
  const stored = new Map(Object.entries(entries))
  return {
    stored,
    now: () => 0,
    wallClock: () => 0,
    fetch: (() => Promise.reject(new Error('no network in this test'))) as typeof fetch,
    userAgent: 'test',
    storage: {
      get: (key) => stored.get(key),
      set: (key, value) => void stored.set(key, value),
      remove: (key) => void stored.delete(key),
    },
    exit: () => ({ closed: false, reason: 'not-possible', detail: 'test' }),
  }
}

const AVAILABLE = ['fr', 'nl', 'de', 'en']

describe('language preference', () => {
  test('nothing stored gives null', () => {
    expect(loadLanguagePreference(fakePlatform(), AVAILABLE)).toBeNull()
  })

  test('a saved language is loaded back', () => {
    const platform = fakePlatform()
    saveLanguagePreference(platform, 'nl')
    expect(loadLanguagePreference(platform, AVAILABLE)).toBe('nl')
  })

  test('saving again replaces the previous choice', () => {
    const platform = fakePlatform()
    saveLanguagePreference(platform, 'nl')
    saveLanguagePreference(platform, 'de')
    expect(loadLanguagePreference(platform, AVAILABLE)).toBe('de')
    expect(platform.stored.size).toBe(1)
  })

  test('a stored language the operator no longer offers is ignored', () => {
    const platform = fakePlatform()
    saveLanguagePreference(platform, 'de')
    expect(loadLanguagePreference(platform, ['fr', 'nl'])).toBeNull()
  })

  test.each([42, null, { lang: 'fr' }, ['fr']])(
    'a stored value %j that is not a string is ignored',
    (value) => {
      const platform = fakePlatform()
      saveLanguagePreference(platform, 'fr')
      // Overwrite the one entry saving wrote, whatever its key.
      const [key] = [...platform.stored.keys()]
      platform.stored.set(key!, value)
      expect(loadLanguagePreference(platform, AVAILABLE)).toBeNull()
    },
  )
})
