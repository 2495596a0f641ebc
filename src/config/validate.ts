import { isKeyAction, KEY_ACTIONS } from '../platform/keymaps'
import { parseClockTime } from '../parental/clock'
import { drmSetup } from '../player/drm'
import { DEFAULT_APP_CONFIG, OPEN_MAPS, SDK_INJECTED_KEYS, type AppConfig } from './defaults'

export interface ConfigProblem {
  /** Dotted path from appSettings, e.g. "appSettings.catalogue.backend". */
  path: string
  message: string
}

export type ConfigResult =
  { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[]; config: AppConfig }

type Plain = Record<string, unknown>

const isPlainObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Own keys only: "constructor" or "__proto__" in settings.json is a typo, not a setting. */
const hasKey = (object: Plain, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, key)

const describe = (value: unknown): string =>
  Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`

/** Levenshtein distance, to suggest the key an operator probably meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

function suggestion(key: string, known: string[]): string {
  const best = known
    .map((candidate) => ({ candidate, d: distance(key.toLowerCase(), candidate.toLowerCase()) }))
    .sort((x, y) => x.d - y.d)[0]
  return best && best.d <= 2 ? ` (did you mean "${best.candidate}"?)` : ''
}

function mergeStrict(
  defaults: Plain,
  given: Plain,
  path: string,
  problems: ConfigProblem[],
): Plain {
  const merged: Plain = { ...defaults }
  for (const [key, value] of Object.entries(given)) {
    const keyPath = `${path}.${key}`
    if (!hasKey(defaults, key)) {
      problems.push({
        path: keyPath,
        message: `unknown setting${suggestion(key, Object.keys(defaults))}`,
      })
      continue
    }
    const fallback = defaults[key]
    if (OPEN_MAPS.has(key) && path === 'appSettings') {
      if (!isPlainObject(value)) {
        problems.push({ path: keyPath, message: `expected an object, got ${describe(value)}` })
      } else {
        merged[key] = { ...(fallback as Plain), ...value }
      }
    } else if (isPlainObject(fallback)) {
      if (isPlainObject(value)) merged[key] = mergeStrict(fallback, value, keyPath, problems)
      else problems.push({ path: keyPath, message: `expected an object, got ${describe(value)}` })
    } else if (Array.isArray(fallback)) {
      if (Array.isArray(value) && value.every((item) => typeof item === typeof fallback[0])) {
        merged[key] = value
      } else {
        problems.push({
          path: keyPath,
          message: `expected a list of ${typeof fallback[0]}s, got ${describe(value)}`,
        })
      }
    } else if (typeof value !== typeof fallback) {
      problems.push({
        path: keyPath,
        message: `expected a ${typeof fallback}, got ${describe(value)}`,
      })
    } else {
      merged[key] = value
    }
  }
  return merged
}

const ALLOWED_VALUES: Record<string, readonly string[]> = {
  'appSettings.platform': ['auto', 'browser', 'webos', 'tizen', 'android'],
  'appSettings.player.preferredFormat': ['dash', 'hls'],
  'appSettings.catalogue.upcoming': ['hide', 'show'],
}

function checkValues(config: AppConfig, problems: ConfigProblem[]): void {
  const lookup = (path: string): unknown =>
    path
      .split('.')
      .slice(1)
      .reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), config)
  for (const [path, allowed] of Object.entries(ALLOWED_VALUES)) {
    const value = lookup(path)
    if (typeof value === 'string' && !allowed.includes(value)) {
      problems.push({ path, message: `"${value}" is not one of ${allowed.join(', ')}` })
    }
  }
  const { language } = config
  if (!language.available.includes(language.default)) {
    problems.push({
      path: 'appSettings.language.default',
      message: `"${language.default}" is not in language.available (${language.available.join(', ')})`,
    })
  }
  if (!/^0x[0-9a-fA-F]{8}$/.test(config.brand.accentColor)) {
    problems.push({
      path: 'appSettings.brand.accentColor',
      message: 'expected a colour written as 0xAARRGGBB',
    })
  }
  const warnShare = config.catalogue.diagnosticsWarnShare
  if (!(warnShare >= 0 && warnShare <= 1)) {
    problems.push({
      path: 'appSettings.catalogue.diagnosticsWarnShare',
      message: `expected a share between 0 and 1 (0.2 is 20 %), got ${warnShare}`,
    })
  }
  // Licence URLs, header lines and inline keys: caught at start rather than at the first play.
  for (const problem of drmSetup(config.player.drm).problems) {
    const colon = problem.indexOf(': ')
    const path = problem.startsWith('player.drm.') && colon > 0 ? problem.slice(0, colon) : ''
    problems.push(
      path
        ? { path: `appSettings.${path}`, message: problem.slice(colon + 2) }
        : { path: 'appSettings.player.drm', message: problem },
    )
  }
  checkParental(config.parental, problems)
  checkAnalytics(config, problems)
  checkAds(config.ads, problems)
  for (const [code, action] of Object.entries(config.keys)) {
    if (!/^\d+$/.test(code) || typeof action !== 'string') {
      problems.push({
        path: `appSettings.keys.${code}`,
        message: 'expected a numeric key code mapped to an action name',
      })
    } else if (!isKeyAction(action)) {
      // A typo would silently leave the key dead on every box: said at start, and ignored.
      problems.push({
        path: `appSettings.keys.${code}`,
        message: `unknown action "${action}"${suggestion(action, [...KEY_ACTIONS])}; known actions: ${KEY_ACTIONS.join(', ')}`,
      })
    }
  }
}

/** Parental settings whose type is right but whose value would silently weaken locking. */
function checkParental(parental: AppConfig['parental'], problems: ConfigProblem[]): void {
  const at = (key: string) => `appSettings.parental.${key}`
  for (const [age, window] of Object.entries(parental.hours)) {
    for (const [end, value] of Object.entries(window)) {
      if (parseClockTime(value) === null) {
        problems.push({
          path: at(`hours.${age}.${end}`),
          message: `expected a time of day written HH:MM (00:00 to 23:59), got "${value}"`,
        })
      }
    }
  }
  if (![10, 12, 16, 18].includes(parental.lockFromAge)) {
    problems.push({
      path: at('lockFromAge'),
      message: `expected a CSA age (10, 12, 16 or 18), got ${parental.lockFromAge}`,
    })
  }
  const whole = (key: 'pinLength' | 'maxAttempts' | 'lockoutMinutes', min: number, max: number) => {
    const value = parental[key]
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push({
        path: at(key),
        message: `expected a whole number from ${min} to ${max}, got ${value}`,
      })
    }
  }
  // The CSA asks for at least 4 digits; more than 8 is more than anyone types with a remote.
  whole('pinLength', 4, 8)
  whole('maxAttempts', 1, 20)
  whole('lockoutMinutes', 1, 24 * 60)
  const pin = parental.defaultPin
  if (pin !== '' && !(/^\d+$/.test(pin) && pin.length === parental.pinLength)) {
    problems.push({
      path: at('defaultPin'),
      message: `expected '' (no default) or ${parental.pinLength} digits (parental.pinLength)`,
    })
  }
}

/** Consent and analytics values whose type is right but which cannot work. */
function checkAnalytics(config: AppConfig, problems: ConfigProblem[]): void {
  if (!config.consent.version.trim()) {
    problems.push({ path: 'appSettings.consent.version', message: 'expected a non-empty version' })
  }
  const { analytics } = config
  const at = (key: string) => `appSettings.analytics.${key}`
  if (analytics.collector === 'http' && !/^https?:\/\//.test(analytics.url)) {
    problems.push({ path: at('url'), message: 'the http collector needs an http(s) URL' })
  }
  if (
    !Number.isInteger(analytics.batchSize) ||
    analytics.batchSize < 1 ||
    analytics.batchSize > 500
  ) {
    problems.push({
      path: at('batchSize'),
      message: `expected a whole number from 1 to 500, got ${analytics.batchSize}`,
    })
  }
  if (!(analytics.flushSeconds >= 1 && analytics.flushSeconds <= 3600)) {
    problems.push({
      path: at('flushSeconds'),
      message: `expected seconds from 1 to 3600, got ${analytics.flushSeconds}`,
    })
  }
}

/** Ad settings whose type is right but which cannot work. */
function checkAds(ads: AppConfig['ads'], problems: ConfigProblem[]): void {
  const at = (key: string) => `appSettings.ads.${key}`
  if (ads.tagUrl && /\s/.test(ads.tagUrl)) {
    problems.push({ path: at('tagUrl'), message: 'expected a URL without spaces' })
  }
  if (!(Number.isInteger(ads.timeoutMs) && ads.timeoutMs >= 200 && ads.timeoutMs <= 30_000)) {
    problems.push({
      path: at('timeoutMs'),
      message: `expected whole milliseconds from 200 to 30000, got ${ads.timeoutMs}`,
    })
  }
  if (ads.segmentsParam && !/^[A-Za-z0-9_.-]{1,40}$/.test(ads.segmentsParam)) {
    problems.push({
      path: at('segmentsParam'),
      message: 'expected a query parameter name (letters, digits, _ . -)',
    })
  }
}

/**
 * Validates `appSettings` against DEFAULT_APP_CONFIG: every given key must exist there with the
 * same type. Returns the merged config even when invalid, so the error screen can still be drawn
 * with the default brand and language.
 */
export function validateAppSettings(appSettings: unknown): ConfigResult {
  const problems: ConfigProblem[] = []
  if (!isPlainObject(appSettings)) {
    return {
      ok: false,
      problems: [
        { path: 'appSettings', message: `expected an object, got ${describe(appSettings)}` },
      ],
      config: DEFAULT_APP_CONFIG,
    }
  }
  const operatorSettings = Object.fromEntries(
    Object.entries(appSettings).filter(
      ([key]) => !(SDK_INJECTED_KEYS as readonly string[]).includes(key),
    ),
  )
  const config = mergeStrict(
    DEFAULT_APP_CONFIG as unknown as Plain,
    operatorSettings,
    'appSettings',
    problems,
  ) as unknown as AppConfig
  checkValues(config, problems)
  return problems.length ? { ok: false, problems, config } : { ok: true, config }
}
