import type { z } from 'zod'

/**
 * What an operator writes in settings.json the way other tools taught them, with only one possible
 * meaning: `"8000"` for 8000, `"true"` for true, `"#1e90ff"` for a colour, `"nl-BE"` for the
 * language nl. Stopping the box on the config screen for these helps nobody; each is read as
 * meant and named in a note, so the operator can still write it the documented way ("OK" for the
 * key action Enter, "ArrowLeft" for Left, too). Anything that could mean two things (`"8 s"`,
 * `"yes"`, `"blue"`) stays a problem.
 */
type Plain = Record<string, unknown>

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?\s*$/

/** Rounds of parse-and-read: a fix can uncover an issue a parent's failure was hiding. */
const MAX_ROUNDS = 4

const hex2 = (value: number) => value.toString(16).padStart(2, '0')

/**
 * A CSS colour (#rgb, #rgba, #rrggbb, #rrggbbaa, rgb(), rgba()) as the 0xAARRGGBB the settings
 * take, or null when the text is not one of those.
 */
export function cssColourToSetting(text: string): string | null {
  const value = text.trim().toLowerCase()
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value)
  if (hex) {
    let digits = hex[1]!
    if (digits.length <= 4) digits = [...digits].map((digit) => digit + digit).join('')
    const alpha = digits.length === 8 ? digits.slice(6, 8) : 'ff'
    return `0x${alpha}${digits.slice(0, 6)}`
  }
  const functional = /^rgba?\(\s*([^)]*)\)$/.exec(value)
  if (!functional) return null
  const parts = functional[1]!.split(/\s*[,/]\s*|\s+/).filter(Boolean)
  if (parts.length !== 3 && parts.length !== 4) return null
  const channels = parts.slice(0, 3).map(Number)
  if (channels.some((channel) => !Number.isInteger(channel) || channel < 0 || channel > 255)) {
    return null
  }
  let alpha = 255
  if (parts.length === 4) {
    const given = parts[3]!
    const fraction = given.endsWith('%') ? Number(given.slice(0, -1)) / 100 : Number(given)
    if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) return null
    alpha = Math.round(fraction * 255)
  }
  return `0x${[alpha, ...channels].map(hex2).join('')}`
}

/** "nl-BE", "nl_be", "NL" -> "nl"; null for anything that is not a language tag. */
export function primaryLanguage(text: string): string | null {
  const found = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i.exec(text.trim())
  return found ? found[1]!.toLowerCase() : null
}

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root
  for (const key of path) {
    if (!isPlain(node) && !Array.isArray(node)) return undefined
    node = (node as Plain)[key as string]
  }
  return node
}

const LANGUAGE_LISTS = ['available', 'contentFallback'] as const

/**
 * What remotes and other platforms call the app's key actions (lower case, without spaces,
 * dashes or underscores): the OK key is "Enter" here, LG's Back key is labelled "Return".
 */
const ACTION_ALIASES: Readonly<Record<string, string>> = {
  ok: 'Enter',
  select: 'Enter',
  confirm: 'Enter',
  return: 'Back',
  arrowleft: 'Left',
  arrowright: 'Right',
  arrowup: 'Up',
  arrowdown: 'Down',
  channelplus: 'ChannelUp',
  channelminus: 'ChannelDown',
  chup: 'ChannelUp',
  chdown: 'ChannelDown',
  mediaplaypause: 'PlayPause',
  mediaplay: 'Play',
  mediapause: 'Pause',
  mediastop: 'Stop',
  mediafastforward: 'FastForward',
  mediarewind: 'Rewind',
  epg: 'Guide',
}

/** An action written in another case, with a separator, by a remote's label, or as a digit. */
export function keyActionAsMeant(value: string, actions: readonly string[]): string | null {
  const word = value.replace(/[\s_-]+/g, '').toLowerCase()
  if (/^\d$/.test(word)) return `Digit${word}`
  const same = actions.find((action) => action.toLowerCase() === word)
  if (same) return same
  const alias = ACTION_ALIASES[word]
  return alias && actions.includes(alias) ? alias : null
}

/** A brand file given with the static/ folder in its path, which the app adds itself. */
const IN_STATIC = /^(?:\.?\/)?static\/(.+\.(?:svg|png|woff2?|ttf|otf))$/i

/** appSettings.brand: logo and font paths written from the project's root. */
function readBrandPaths(node: unknown, where: string, notes: string[]): void {
  if (!isPlain(node)) return
  for (const [key, value] of Object.entries(node)) {
    if (isPlain(value)) readBrandPaths(value, `${where}.${key}`, notes)
    if (typeof value !== 'string') continue
    const inside = IN_STATIC.exec(value)?.[1]
    if (!inside) continue
    node[key] = inside
    notes.push(`${where}.${key}: "${value}" read as "${inside}" (a path under static/)`)
  }
}

/** appSettings.keys: each action the map names in a way it can be read. */
function readKeyActions(settings: Plain, actions: readonly string[], notes: string[]): void {
  const keys = settings.keys
  if (!isPlain(keys)) return
  for (const [code, value] of Object.entries(keys)) {
    if (typeof value !== 'string' || actions.includes(value)) continue
    const meant = keyActionAsMeant(value, actions)
    if (meant === null) continue
    keys[code] = meant
    notes.push(`appSettings.keys.${code}: "${value}" read as "${meant}"`)
  }
}

/**
 * A registered name in another case ("MRSS", "XMLTV", "HTTP"), or with spaces around it:
 * appSettings.<section>.<key> (catalogue.backend, guide.source, entitlements.backend).
 */
function readRegisteredName(
  settings: Plain,
  section: string,
  key: string,
  names: readonly string[],
  notes: string[],
): void {
  const holder = settings[section]
  if (!isPlain(holder) || typeof holder[key] !== 'string') return
  const value = holder[key]
  if (names.includes(value)) return
  const word = value.trim().toLowerCase()
  const meant = names.filter((name) => name.toLowerCase() === word)
  // Two registered names differing only in case: which one was meant is not known.
  if (meant.length !== 1) return
  holder[key] = meant[0]
  notes.push(`appSettings.${section}.${key}: "${value}" read as "${meant[0]}"`)
}

/** Language tags with a region or in capitals, in appSettings.language. */
function readLanguages(settings: Plain, notes: string[]): void {
  const language = settings.language
  if (!isPlain(language)) return
  const read = (value: unknown, where: string): unknown => {
    if (typeof value !== 'string') return value
    const primary = primaryLanguage(value)
    if (primary === null || primary === value) return value
    notes.push(`appSettings.${where}: "${value}" read as "${primary}"`)
    return primary
  }
  if ('default' in language) language.default = read(language.default, 'language.default')
  for (const list of LANGUAGE_LISTS) {
    const items = language[list]
    if (!Array.isArray(items)) continue
    const read_ = items.map((item, index) => read(item, `language.${list}.${index}`))
    // "nl-BE" and "nl" both given: one entry, in the first place it was named.
    language[list] = read_.filter((item, index) => read_.indexOf(item) === index)
  }
}

/** One issue answered by reading its value as meant; the note, or null when it cannot be. */
function readIssue(root: Plain, issue: z.core.$ZodIssue): string | null {
  const key = issue.path[issue.path.length - 1]
  const parent = at(root, issue.path.slice(0, -1))
  if (key === undefined || (!isPlain(parent) && !Array.isArray(parent))) return null
  const holder = parent as Plain
  const value = holder[key as string]
  if (typeof value !== 'string') return null
  const where = `appSettings.${issue.path.map(String).join('.')}`
  let meant: unknown
  if (issue.code === 'invalid_type' && issue.expected === 'number' && NUMBER_TEXT.test(value)) {
    meant = Number(value)
  } else if (issue.code === 'invalid_type' && issue.expected === 'boolean') {
    const word = value.trim().toLowerCase()
    if (word !== 'true' && word !== 'false') return null
    meant = word === 'true'
  } else if (issue.code === 'invalid_format') {
    meant = cssColourToSetting(value)
    if (meant === null) return null
  } else {
    return null
  }
  holder[key as string] = meant
  return `${where}: "${value}" read as ${JSON.stringify(meant)}`
}

/** The names registered for the settings that pick one (catalogue.backend...). */
export interface RegisteredNames {
  catalogueBackends?: readonly string[]
  guideSources?: readonly string[]
  entitlementBackends?: readonly string[]
}

/**
 * Reads `settings` (a copy the caller owns) as meant, in place, against `schema`; returns one
 * note per value read. Values it cannot read are left for the schema to report.
 */
export function readSettingsAsMeant(
  settings: Plain,
  schema: z.ZodType,
  keyActions: readonly string[] = [],
  registered: RegisteredNames = {},
): string[] {
  const notes: string[] = []
  readLanguages(settings, notes)
  readKeyActions(settings, keyActions, notes)
  readRegisteredName(settings, 'catalogue', 'backend', registered.catalogueBackends ?? [], notes)
  readRegisteredName(settings, 'guide', 'source', registered.guideSources ?? [], notes)
  readRegisteredName(
    settings,
    'entitlements',
    'backend',
    registered.entitlementBackends ?? [],
    notes,
  )
  readBrandPaths(settings.brand, 'appSettings.brand', notes)
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = schema.safeParse(settings)
    if (result.success) break
    const read = result.error.issues
      .map((issue) => readIssue(settings, issue))
      .filter((note): note is string => note !== null)
    if (!read.length) break
    notes.push(...read)
  }
  return notes
}
