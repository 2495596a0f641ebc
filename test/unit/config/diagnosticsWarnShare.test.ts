import { defaultAppConfig } from '../../../src/config/defaults'
import { validateAppSettings } from '../../../src/config/validate'

const PATH = 'appSettings.catalogue.diagnosticsWarnShare'

describe('catalogue.diagnosticsWarnShare', () => {
  test('defaults to 20 %', () => {
    expect(defaultAppConfig().catalogue.diagnosticsWarnShare).toBe(0.2)
  })

  test.each([0, 0.05, 1])('accepts %p', (share) => {
    const result = validateAppSettings({ catalogue: { diagnosticsWarnShare: share } })
    expect(result.ok).toBe(true)
    expect(result.config.catalogue.diagnosticsWarnShare).toBe(share)
  })

  test.each([1.5, -0.1, 20, Number.NaN])('refuses %p, naming the key', (share) => {
    const result = validateAppSettings({ catalogue: { diagnosticsWarnShare: share } })
    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.problems).toEqual([
      { path: PATH, message: expect.stringMatching(/between 0 and 1/) },
    ])
  })

  test('refuses a string, as every number setting', () => {
    const result = validateAppSettings({ catalogue: { diagnosticsWarnShare: '20%' } })
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual([PATH])
  })
})
