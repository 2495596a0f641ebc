import { checkForPackage } from '../../../src/config/checkedAtBuild'
import { validateAppSettings } from '../../../src/config/validate'
import { muteSettingsWarnings, problemAt } from '../../harness/settingsValidation'

const warn = muteSettingsWarnings()

const XMLTV = 'https://epg.example.be/xmltv.xml'
const RIGHTS = 'https://rights.example.be/v1'

describe('guide.source', () => {
  test.each([
    ['catalogue', ''],
    ['xmltv', XMLTV],
  ])('the built-in %p is valid', (source, url) => {
    expect(validateAppSettings({ guide: { source, url } }).ok).toBe(true)
  })

  test('"XMLTV" has one possible meaning: read as "xmltv", with a [settings] warning', () => {
    const result = validateAppSettings({ guide: { source: 'XMLTV', url: XMLTV } })
    expect(result.ok).toBe(true)
    expect(result.config.guide.source).toBe('xmltv')
    expect(result.notes).toEqual(['appSettings.guide.source: "XMLTV" read as "xmltv"'])
    expect(warn()).toHaveBeenCalledWith(
      '[settings] appSettings.guide.source: "XMLTV" read as "xmltv"',
    )
  })

  test('a typo stops start-up with the source probably meant', () => {
    const result = validateAppSettings({ guide: { source: 'xmtlv', url: XMLTV } })
    expect(result.ok).toBe(false)
    expect(problemAt(result, 'appSettings.guide.source')?.message).toBe(
      'unknown guide source "xmtlv" (did you mean "xmltv"?)',
    )
  })

  test('an unknown name stops start-up with the list of known sources', () => {
    const result = validateAppSettings({ guide: { source: 'tvmaze' } })
    expect(problemAt(result, 'appSettings.guide.source')?.message).toBe(
      'unknown guide source "tvmaze"; known sources: catalogue, xmltv',
    )
  })

  test('a source the app is given is known to the validation', () => {
    const settings = { guide: { source: 'acme' } }
    expect(validateAppSettings(settings, { guideSources: ['catalogue', 'xmltv', 'acme'] }).ok).toBe(
      true,
    )
    expect(validateAppSettings(settings).ok).toBe(false)
  })

  test.each(['', '  '])('xmltv with url %p stops start-up naming guide.url', (url) => {
    const result = validateAppSettings({ guide: { source: 'xmltv', url } })
    expect(result.ok).toBe(false)
    expect(problemAt(result, 'appSettings.guide.url')?.message).toBe(
      'the xmltv guide source needs the URL of its XMLTV export',
    )
  })

  test('"XMLTV" without a url is named too, once read as xmltv', () => {
    const result = validateAppSettings({ guide: { source: 'XMLTV' } })
    expect(problemAt(result, 'appSettings.guide.url')).toBeDefined()
  })
})

describe('entitlements.backend', () => {
  test.each([
    ['embedded', ''],
    ['http', RIGHTS],
  ])('the registered %p is valid', (backend, url) => {
    expect(validateAppSettings({ entitlements: { backend, url } }).ok).toBe(true)
  })

  test('"HTTP" is read as "http", with a [settings] warning', () => {
    const result = validateAppSettings({ entitlements: { backend: 'HTTP', url: RIGHTS } })
    expect(result.ok).toBe(true)
    expect(result.config.entitlements.backend).toBe('http')
    expect(result.notes).toEqual(['appSettings.entitlements.backend: "HTTP" read as "http"'])
  })

  test('a typo, or another name, stops start-up', () => {
    expect(
      problemAt(
        validateAppSettings({ entitlements: { backend: 'embeded' } }),
        'appSettings.entitlements.backend',
      )?.message,
    ).toBe('unknown entitlement backend "embeded" (did you mean "embedded"?)')
    expect(
      problemAt(
        validateAppSettings({ entitlements: { backend: 'stripe' } }),
        'appSettings.entitlements.backend',
      )?.message,
    ).toBe('unknown entitlement backend "stripe"; known backends: embedded, http')
  })

  test.each(['', ' '])('http with url %p stops start-up naming entitlements.url', (url) => {
    const result = validateAppSettings({ entitlements: { backend: 'http', url } })
    expect(result.ok).toBe(false)
    expect(problemAt(result, 'appSettings.entitlements.url')?.message).toBe(
      'the http entitlement backend needs the URL of its service',
    )
  })

  test('the build does not trust an unknown name, nor one read as meant', () => {
    expect(checkForPackage({ guide: { source: 'XMLTV', url: XMLTV } })).toBeNull()
    expect(checkForPackage({ entitlements: { backend: 'stripe' } })).toBeNull()
    expect(checkForPackage({ guide: { source: 'xmltv', url: XMLTV } })).not.toBeNull()
  })
})
