import { readFileSync } from 'node:fs'
import path from 'node:path'

const translations = JSON.parse(
  readFileSync(path.join(__dirname, '../../../../static/translations.json'), 'utf8'),
) as Record<string, Record<string, string>>

const ours = (language: string) =>
  Object.keys(translations[language] ?? {}).filter((key) => /^(profile|keyboard)\./.test(key))
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe.each(['nl', 'de', 'en'])('profile and keyboard texts in %s', (language) => {
  it('has every key French has, with the same placeholders', () => {
    expect(ours(language).sort()).toEqual(ours('fr').sort())
    for (const key of ours('fr')) {
      expect([key, placeholders(translations[language]![key]!)]).toEqual([
        key,
        placeholders(translations.fr![key]!),
      ])
    }
  })
})

it('names every problem the profile store can report', () => {
  for (const problem of ['name-empty', 'name-taken', 'full', 'last-profile', 'missing']) {
    expect(translations.fr).toHaveProperty([`profile.problem.${problem}`])
  }
})
