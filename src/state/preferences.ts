import type { Platform } from '../platform/platform'

const LANGUAGE_KEY = 'ui-language'

/** The household's UI language, remembered on the device across reloads. */
export function loadLanguagePreference(
  platform: Platform,
  available: readonly string[],
): string | null {
  const stored = platform.storage.get(LANGUAGE_KEY)
  return typeof stored === 'string' && available.includes(stored) ? stored : null
}

export function saveLanguagePreference(platform: Platform, language: string): void {
  platform.storage.set(LANGUAGE_KEY, language)
}
