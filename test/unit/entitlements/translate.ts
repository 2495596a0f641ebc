/** A translate over the real static/translations.json, as the SDK's: `{name}` placeholders filled. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Translate } from '../../../src/catalogue/offers'

export const translations = JSON.parse(
  readFileSync(path.join(__dirname, '../../../static/translations.json'), 'utf8'),
) as Record<string, Record<string, string>>

/** Like the SDK, a missing key reads as the key itself. */
export function translator(language: string): Translate {
  return (key, values = {}) => {
    const text = translations[language]?.[key] ?? key
    return Object.entries(values).reduce(
      (result, [name, value]) => result.split(`{${name}}`).join(String(value)),
      text,
    )
  }
}
