import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  checkedConfig,
  checkForPackage,
  settingsText,
  type CheckedSettings,
} from '../../../src/config/checkedAtBuild'
import { validateAppSettings } from '../../../src/config/validate'

const projectSettings = (): Record<string, unknown> =>
  (
    JSON.parse(readFileSync(path.join(__dirname, '../../../settings.json'), 'utf8')) as {
      appSettings: Record<string, unknown>
    }
  ).appSettings

/** What the package carries: the check as it travels through index.html (JSON). */
const asShipped = (check: CheckedSettings | null): unknown => JSON.parse(JSON.stringify(check))

describe('settings checked when the package is built', () => {
  it("checks the project's settings to the config the box would validate them to", () => {
    const settings = projectSettings()
    const check = checkForPackage(settings)
    expect(check).not.toBeNull()
    expect(check!.config).toEqual(validateAppSettings(settings).config)
  })

  it('gives that config at start while appSettings are exactly those, SDK keys aside', () => {
    const settings = projectSettings()
    const shipped = asShipped(checkForPackage(settings))
    // The SDK adds metadata.json's keys to appSettings when it starts the app.
    const atStart = { ...projectSettings(), id: 'be.belgica.tv', version: '9.9.9', safeId: 'x' }
    const result = checkedConfig(atStart, shipped)
    expect(result).toEqual({ ok: true, config: validateAppSettings(settings).config })
  })

  it('trusts nothing once a value, a key or the order of the file changed', () => {
    const shipped = asShipped(checkForPackage(projectSettings()))
    const changedValue = projectSettings()
    changedValue.debug = !changedValue.debug
    const addedKey = { ...projectSettings(), catalogu: {} }
    const reordered = Object.fromEntries(Object.entries(projectSettings()).reverse())
    expect(checkedConfig(changedValue, shipped)).toBeNull()
    expect(checkedConfig(addedKey, shipped)).toBeNull()
    expect(checkedConfig(reordered, shipped)).toBeNull()
  })

  it('trusts nothing without a check of the right shape (a development build, a damaged page)', () => {
    const settings = projectSettings()
    const text = settingsText(settings)
    for (const check of [undefined, null, 'text', { settings: text }, { config: {} }, []])
      expect(checkedConfig(settings, check)).toBeNull()
  })

  it('leaves settings with a problem, keys of an earlier release or values read as meant to the box', () => {
    // All must still be said at start: the problem on screen, the others as warnings.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(checkForPackage({ ...projectSettings(), catalogu: {} })).toBeNull()
    expect(checkForPackage({ brand: { accentColor: '0xff00aaff' } })).toBeNull()
    expect(checkForPackage({ input: { longPressMs: '800' } })).toBeNull()
    warn.mockRestore()
    expect(checkForPackage({})).not.toBeNull()
  })
})
