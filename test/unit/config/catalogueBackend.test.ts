import { registerBackends } from '../../../src/app/registerBackends'
import type { BackendFactory } from '../../../src/catalogue/backend'
import { checkForPackage } from '../../../src/config/checkedAtBuild'
import { validateAppSettings } from '../../../src/config/validate'
import { muteSettingsWarnings, problemAt } from '../../harness/settingsValidation'

const warn = muteSettingsWarnings()

const FEED = 'https://cms.example.be/feed.xml'

describe('catalogue.backend', () => {
  test.each(['embedded', 'http', 'directpublisher', 'mrss'])(
    'the registered %p is valid',
    (backend) => {
      expect(validateAppSettings({ catalogue: { backend, url: FEED } }).ok).toBe(true)
    },
  )

  test('"MRSS" has one possible meaning: read as "mrss", with a [settings] warning', () => {
    const result = validateAppSettings({ catalogue: { backend: 'MRSS', url: FEED } })
    expect(result.ok).toBe(true)
    expect(result.config.catalogue.backend).toBe('mrss')
    expect(result.notes).toEqual(['appSettings.catalogue.backend: "MRSS" read as "mrss"'])
    expect(warn()).toHaveBeenCalledWith(
      '[settings] appSettings.catalogue.backend: "MRSS" read as "mrss"',
    )
  })

  test('a typo stops start-up with the name probably meant', () => {
    const result = validateAppSettings({ catalogue: { backend: 'directpublsher', url: FEED } })
    expect(result.ok).toBe(false)
    expect(problemAt(result, 'appSettings.catalogue.backend')?.message).toBe(
      'unknown catalogue backend "directpublsher" (did you mean "directpublisher"?)',
    )
    expect(result.config.catalogue.backend).toBe('embedded')
  })

  test('an unknown name stops start-up with the list of known backends', () => {
    const result = validateAppSettings({ catalogue: { backend: 'roku', url: FEED } })
    expect(problemAt(result, 'appSettings.catalogue.backend')?.message).toBe(
      'unknown catalogue backend "roku"; known backends: embedded, http, directpublisher, mrss',
    )
  })

  test('a backend the operator registers is known to the validation', () => {
    const registry = registerBackends()
    const acme: BackendFactory = () => {
      throw new Error('not loaded here')
    }
    registry.register('acme', acme)
    const result = validateAppSettings(
      { catalogue: { backend: 'acme' } },
      { catalogueBackends: registry.names() },
    )
    expect(result.ok).toBe(true)
    expect(result.config.catalogue.backend).toBe('acme')
    expect(validateAppSettings({ catalogue: { backend: 'acme' } }).ok).toBe(false)
  })

  test('the build does not trust an unknown backend, nor one read as meant', () => {
    expect(checkForPackage({ catalogue: { backend: 'roku', url: FEED } })).toBeNull()
    expect(checkForPackage({ catalogue: { backend: 'MRSS', url: FEED } })).toBeNull()
    expect(checkForPackage({ catalogue: { backend: 'mrss', url: FEED } })).not.toBeNull()
  })
})
