import { validateAppSettings } from '../../../src/config/validate'
import { muteSettingsWarnings, problemAt } from '../../harness/settingsValidation'

muteSettingsWarnings()

describe('catalogue.url', () => {
  test.each([
    ['directpublisher', '', 'the directpublisher backend needs the URL of its feed'],
    ['mrss', '', 'the mrss backend needs the URL of its feed'],
    ['mrss', ' ', 'the mrss backend needs the URL of its feed'],
    ['http', '', 'the http backend needs the URL of its service'],
  ])('backend %p with url %p stops start-up naming catalogue.url', (backend, url, message) => {
    const result = validateAppSettings({ catalogue: { backend, url } })
    expect(result.ok).toBe(false)
    expect(problemAt(result, 'appSettings.catalogue.url')?.message).toBe(message)
  })

  test('a backend left at its default url is named too', () => {
    const result = validateAppSettings({ catalogue: { backend: 'mrss' } })
    expect(problemAt(result, 'appSettings.catalogue.url')).toBeDefined()
  })

  test("the embedded backend needs none; a relative feed URL is the app's own server", () => {
    expect(validateAppSettings({ catalogue: { backend: 'embedded', url: '' } }).ok).toBe(true)
    expect(validateAppSettings({ catalogue: { backend: 'mrss', url: 'feed/feed.xml' } }).ok).toBe(
      true,
    )
  })
})

describe('a URL written without its scheme', () => {
  test.each([
    [{ catalogue: { backend: 'http', url: 'cms.operator.be/belgica/v1/' } }, 'catalogue'],
    [{ catalogue: { backend: 'directpublisher', url: 'localhost:4000/feed.json' } }, 'catalogue'],
    [{ guide: { source: 'xmltv', url: 'epg.operator.be/guide.xml.gz' } }, 'guide'],
    [{ entitlements: { backend: 'http', url: 'rights.operator.be/v1/' } }, 'entitlements'],
  ])('%p stops start-up at %s.url with the URL to write', (settings, section) => {
    const result = validateAppSettings(settings)
    expect(result.ok).toBe(false)
    expect(problemAt(result, `appSettings.${section}.url`)?.message).toMatch(
      /has no scheme, so it reads as .*: write https?:\/\//,
    )
  })

  test('is not checked where the url is unused', () => {
    expect(
      validateAppSettings({ catalogue: { backend: 'embedded', url: 'cms.operator.be/v1/' } }).ok,
    ).toBe(true)
    expect(
      validateAppSettings({ guide: { source: 'catalogue', url: 'epg.operator.be/guide.xml' } }).ok,
    ).toBe(true)
  })
})
