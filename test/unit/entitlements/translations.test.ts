import {
  entitlementErrorKey,
  EntitlementError,
  EntitlementErrorCode,
} from '../../../src/entitlements/errors'
import { translations } from './translate'

const LANGUAGES = ['fr', 'nl', 'de', 'en']
const keysOf = (language: string) =>
  Object.keys(translations[language] ?? {}).filter(
    (key) => key.startsWith('access.') || key.startsWith('entitlement.'),
  )

test('the four languages have the same access and entitlement keys', () => {
  const french = keysOf('fr').sort()
  expect(french.length).toBeGreaterThan(10)
  for (const language of LANGUAGES) expect(keysOf(language).sort()).toEqual(french)
})

test('every error code has a message in every language', () => {
  for (const code of Object.values(EntitlementErrorCode)) {
    const key = entitlementErrorKey(new EntitlementError(code, 'test', 'test'))
    for (const language of LANGUAGES)
      expect([language, translations[language]?.[key]]).toEqual([language, expect.any(String)])
  }
})
