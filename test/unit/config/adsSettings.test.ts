import { defaultAppConfig } from '../../../src/config/defaults'
import { validateAppSettings, type ConfigResult } from '../../../src/config/validate'

const paths = (result: ConfigResult) => (result.ok ? [] : result.problems.map((p) => p.path))

describe('ads settings', () => {
  test('defaults: on, no operator tag, a 2 s budget per tag, segments in "seg"', () => {
    expect(defaultAppConfig().ads).toEqual({
      enabled: true,
      tagUrl: '',
      timeoutMs: 2000,
      segmentsParam: 'seg',
    })
    expect(validateAppSettings({}).ok).toBe(true)
  })

  test('an operator tag with macros is fine; typos, a bad timeout or parameter are caught', () => {
    const fine = validateAppSettings({
      ads: {
        tagUrl: 'https://ads.operator.be/vast?cb=[CACHEBUSTING]&s=[SEGMENTS]',
        timeoutMs: 3000,
      },
    })
    expect(fine.ok).toBe(true)
    expect(
      paths(
        validateAppSettings({
          ads: { tagUrl: 'https://a b', timeoutMs: 50, segmentsParam: 'a&b', enable: false },
        }),
      ).sort(),
    ).toEqual([
      'appSettings.ads.enable',
      'appSettings.ads.segmentsParam',
      'appSettings.ads.tagUrl',
      'appSettings.ads.timeoutMs',
    ])
  })
})
