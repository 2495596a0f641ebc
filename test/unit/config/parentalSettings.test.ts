import { defaultAppConfig } from '../../../src/config/defaults'
import { validateAppSettings, type ConfigResult } from '../../../src/config/validate'

const problems = (result: ConfigResult) => (result.ok ? [] : result.problems)
const validate = (parental: Record<string, unknown>) => validateAppSettings({ parental })

describe('parental settings', () => {
  test("the defaults are the CSA's: locked from -12, -12 free 20:00-06:00, -16 22:00-06:00", () => {
    expect(defaultAppConfig().parental).toEqual({
      enabled: true,
      lockFromAge: 12,
      hours: {
        age12: { from: '20:00', until: '06:00' },
        age16: { from: '22:00', until: '06:00' },
      },
      pinLength: 4,
      maxAttempts: 5,
      lockoutMinutes: 15,
      defaultPin: '',
      unratedProgrammes: 'open',
    })
    expect(validateAppSettings({}).ok).toBe(true)
  })

  test("an operator's values are merged, untouched hours keep their default", () => {
    const result = validate({
      lockFromAge: 16,
      hours: { age16: { from: '23:00' } },
      pinLength: 6,
      defaultPin: '000000',
    })
    expect(problems(result)).toEqual([])
    expect(result.config.parental.hours).toEqual({
      age12: { from: '20:00', until: '06:00' },
      age16: { from: '23:00', until: '06:00' },
    })
    expect(result.config.parental.defaultPin).toBe('000000')
  })

  test.each(['8:00', '24:00', '20:60', '20h00', ''])('refuses the time "%s", naming it', (time) => {
    expect(problems(validate({ hours: { age12: { until: time } } }))).toEqual([
      {
        path: 'appSettings.parental.hours.age12.until',
        message: expect.stringMatching(/HH:MM/),
      },
    ])
  })

  test('a typo keeps its "did you mean"', () => {
    expect(problems(validate({ hours: { 'age-16': { from: '20:00' } } }))).toEqual([
      {
        path: 'appSettings.parental.hours.age-16',
        message: 'unknown setting (did you mean "age16"?)',
      },
    ])
    expect(problems(validate({ lockoutMinute: 10 }))[0]?.message).toMatch(/lockoutMinutes/)
  })

  test.each([
    ['lockFromAge', 14],
    ['lockFromAge', 0],
    ['pinLength', 3],
    ['pinLength', 4.5],
    ['maxAttempts', 0],
    ['lockoutMinutes', 0],
  ])('refuses %s %p', (key, value) => {
    expect(problems(validate({ [key]: value })).map((p) => p.path)).toEqual([
      `appSettings.parental.${key}`,
    ])
  })

  test.each(['123', '12a4', '12345'])('refuses the default PIN "%s" with 4-digit PINs', (pin) => {
    expect(problems(validate({ defaultPin: pin }))).toEqual([
      { path: 'appSettings.parental.defaultPin', message: expect.stringMatching(/4 digits/) },
    ])
  })

  test('a string for a boolean is refused like any other setting', () => {
    expect(problems(validate({ enabled: 'no' })).map((p) => p.path)).toEqual([
      'appSettings.parental.enabled',
    ])
  })
})
