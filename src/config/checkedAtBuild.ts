import { SDK_INJECTED_KEYS, type AppConfig } from './defaults'
import { moveLegacySettings } from './legacy'
import { validateAppSettings, type ConfigResult } from './validate'

/**
 * settings.json checked when the package was built (`npm run dist` writes it into index.html as
 * BELGICA_CHECKED_SETTINGS): the operator's appSettings exactly as checked, and the config they
 * gave. Building zod's settings schemas and validating with them cost about 140 ms of a box's
 * start at CPU x4, before the first paint; settings that are still exactly those need neither.
 * Anything else (an edited index.html, a development build, the SDK's settings.json) is
 * validated at start as before, so a typo is still reported on screen.
 */
export interface CheckedSettings {
  /** settingsText() of the appSettings that were checked. */
  settings: string
  config: AppConfig
}

export const CHECKED_SETTINGS_GLOBAL = 'BELGICA_CHECKED_SETTINGS'

/** appSettings as the build and the box compare them: without the keys the SDK adds at start. */
export function settingsText(appSettings: Record<string, unknown>): string {
  const own: Record<string, unknown> = {}
  for (const key of Object.keys(appSettings)) {
    if (!(SDK_INJECTED_KEYS as readonly string[]).includes(key)) own[key] = appSettings[key]
  }
  return JSON.stringify(own)
}

/** Whether JSON carries `value` exactly (no undefined, function, NaN or Infinity anywhere). */
function exactInJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every(exactInJson)
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false
  return Object.values(value).every(exactInJson)
}

/**
 * For the build: the check to write into the package, or null when there is nothing to trust
 * (settings with problems, with keys of an earlier release that the app moves, or with values it
 * reads as meant rather than as written: the warnings of the last two must still be said on the
 * box).
 */
export function checkForPackage(appSettings: Record<string, unknown>): CheckedSettings | null {
  const copy = JSON.parse(JSON.stringify(appSettings)) as Record<string, unknown>
  if (moveLegacySettings(copy).length) return null
  const result = validateAppSettings(appSettings)
  // Values read as meant are said on the box too, like moved keys.
  if (!result.ok || result.notes) return null
  // The check travels as JSON: a config JSON cannot carry exactly is validated on the box instead.
  if (!exactInJson(result.config)) return null
  return { settings: settingsText(appSettings), config: result.config }
}

/** At start: the config checked at build when appSettings are still those, else null. */
export function checkedConfig(
  appSettings: Record<string, unknown>,
  checked: unknown,
): ConfigResult | null {
  if (typeof checked !== 'object' || checked === null) return null
  const { settings, config } = checked as Partial<CheckedSettings>
  if (typeof settings !== 'string' || typeof config !== 'object' || config === null) return null
  return settingsText(appSettings) === settings ? { ok: true, config } : null
}
