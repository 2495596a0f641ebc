import { defaultAppConfig } from '../../../src/config/defaults'
import { validateAppSettings } from '../../../src/config/validate'
import { muteSettingsWarnings, problemAt } from '../../harness/settingsValidation'

muteSettingsWarnings()

/** Values that passed and then left the catalogue (or the player) unable to work. */
const cannotWork: [string, string, unknown][] = [
  ['catalogue', 'retries', -1],
  ['catalogue', 'retries', 1.5],
  ['catalogue', 'timeoutMs', -100],
  ['catalogue', 'timeoutMs', 0],
  ['catalogue', 'maxPages', 0],
  ['catalogue', 'cacheMaxAgeHours', -1],
  ['catalogue', 'cacheFallbackMs', -1],
  ['catalogue', 'offlineRetryMs', 0],
  ['entitlements', 'timeoutMs', 0],
  ['entitlements', 'refreshMinutes', -5],
  ['guide', 'timeoutMs', -1],
  ['input', 'longPressMs', 0],
  ['player', 'bufferingGoal', 0],
  ['player', 'retryAttempts', -1],
  ['player', 'requestTimeoutMs', 0],
  ['player', 'stallTimeoutSeconds', 0],
  ['player', 'progressIntervalSeconds', -1],
]

describe('amounts that cannot work stop start-up, naming the key', () => {
  test.each(cannotWork)('%s.%s: %p', (section, key, value) => {
    const result = validateAppSettings({ [section]: { [key]: value } })
    expect(result.ok).toBe(false)
    expect(problemAt(result, `appSettings.${section}.${key}`)?.message).toMatch(
      /^expected a (whole )?number from .+ to .+, got /,
    )
    // The screen is drawn with the default in its place.
    expect(
      (result.config as unknown as Record<string, Record<string, unknown>>)[section]![key],
    ).toBe(
      (defaultAppConfig() as unknown as Record<string, Record<string, unknown>>)[section]![key],
    )
  })

  test('catalogue.retries -1 says what is expected', () => {
    const result = validateAppSettings({ catalogue: { retries: -1 } })
    expect(problemAt(result, 'appSettings.catalogue.retries')?.message).toBe(
      'expected a whole number from 0 to 10, got -1',
    )
  })

  test('a stage size that cannot draw (0, negative) is refused by name; other stage options pass', () => {
    const result = validateAppSettings({ stage: { w: 0, h: -5 } })
    expect(problemAt(result, 'appSettings.stage.w')?.message).toBe(
      'expected a whole number from 16 to 7680, got 0',
    )
    expect(problemAt(result, 'appSettings.stage.h')?.message).toBe(
      'expected a whole number from 9 to 4320, got -5',
    )
    const fine = validateAppSettings({ stage: { w: 1280, h: 720, clearColor: 0, fontSharp: true } })
    expect(fine.ok).toBe(true)
    expect(fine.config.stage).toEqual({ w: 1280, h: 720, clearColor: 0, fontSharp: true })
  })

  test('the edges that work are accepted: no retry, no wait for the backend, no refresh', () => {
    const result = validateAppSettings({
      catalogue: { retries: 0, cacheFallbackMs: 0, cacheMaxAgeHours: 0, timeoutMs: 1 },
      entitlements: { cacheMaxAgeHours: 0, refreshMinutes: 0 },
      input: { repeatIntervalMs: 0 },
      player: { retryAttempts: 0, rebufferingGoal: 0, bufferBehind: 0 },
    })
    expect(result.ok).toBe(true)
  })

  test('a number written as text is still read as meant, then checked', () => {
    const read = validateAppSettings({ catalogue: { retries: '3' } })
    expect(read.ok).toBe(true)
    expect(read.config.catalogue.retries).toBe(3)
    const refused = validateAppSettings({ catalogue: { retries: '-1' } })
    expect(problemAt(refused, 'appSettings.catalogue.retries')).toBeDefined()
  })
})
