import { fallbackOrder, pickText } from '../../../src/i18n/localize'

const CHAIN = ['en', 'fr', 'nl', 'de']

describe('fallbackOrder', () => {
  test('starts with the UI language, then follows the chain', () => {
    expect(fallbackOrder('de', CHAIN)).toEqual(['de', 'en', 'fr', 'nl'])
  })

  test('lists each language once, at its first place', () => {
    expect(fallbackOrder('fr', CHAIN)).toEqual(['fr', 'en', 'nl', 'de'])
    expect(fallbackOrder('en', ['en', 'en', 'fr'])).toEqual(['en', 'fr'])
  })

  test('an empty chain gives the UI language alone', () => {
    expect(fallbackOrder('nl', [])).toEqual(['nl'])
  })
})

describe('pickText', () => {
  const text = { fr: 'La Trêve', nl: 'De Break', en: 'The Break' }

  test('picks the UI language when present', () => {
    expect(pickText(text, ['nl', 'en', 'fr'])).toBe('De Break')
  })

  test('German missing: falls back to English, then French', () => {
    expect(pickText(text, fallbackOrder('de', CHAIN))).toBe('The Break')
    expect(pickText({ fr: 'Rosetta', nl: 'Rosetta NL' }, fallbackOrder('de', CHAIN))).toBe(
      'Rosetta',
    )
    expect(pickText({ nl: 'Alleen NL' }, fallbackOrder('de', CHAIN))).toBe('Alleen NL')
  })

  test('any translation beats nothing, even one outside the order', () => {
    expect(pickText({ de: 'Nur Deutsch' }, ['fr', 'en'])).toBe('Nur Deutsch')
  })

  test('an empty string is not a translation', () => {
    expect(pickText({ fr: '', en: 'English' }, ['fr', 'en'])).toBe('English')
  })

  test('no text at all gives an empty string', () => {
    expect(pickText(undefined, ['fr'])).toBe('')
    expect(pickText({}, ['fr'])).toBe('')
  })
})
