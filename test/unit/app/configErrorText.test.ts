import type { Translate } from '../../../src/catalogue/offers'
import { configErrorText, PROBLEM_CHARS } from '../../../src/app/configErrorText'
import translations from '../../../static/translations.json'

const FR = translations.fr as Record<string, string>
const t: Translate = (key, values) =>
  (FR[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''))

const problem = (n: number, message = 'unknown setting') => ({
  path: `appSettings.x${n}`,
  message,
})

describe('configErrorText', () => {
  test('each problem by its path, then what to do', () => {
    expect(configErrorText([problem(1), problem(2)], t).split('\n')).toEqual([
      'appSettings.x1: unknown setting',
      'appSettings.x2: unknown setting',
      FR['error.config.help'],
    ])
  })

  test('a long problem is cut, so the next ones still show', () => {
    const lines = configErrorText([problem(1, 'x'.repeat(400)), problem(2)], t).split('\n')
    expect(lines[0]!.length).toBe(PROBLEM_CHARS)
    expect(lines[0]!.endsWith('…')).toBe(true)
    expect(lines[1]).toBe('appSettings.x2: unknown setting')
  })

  test('past four, the others are counted: they show once these are fixed', () => {
    const lines = configErrorText(
      [1, 2, 3, 4, 5, 6].map((n) => problem(n)),
      t,
    ).split('\n')
    expect(lines).toHaveLength(6)
    expect(lines[4]).toBe('+ 2 autres problèmes, affichés ici une fois ceux-ci corrigés.')
  })
})
