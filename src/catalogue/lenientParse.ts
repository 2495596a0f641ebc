import type { z } from 'zod'
import { LANGUAGES, NEEDS_A_LANGUAGE, TITLE_MAX, TITLE_TOO_LONG, UNUSABLE_URL } from './schema'
import { languageCode } from './tolerant'

/**
 * The catalogue contract is strict, so that its JSON Schema tells a CMS exactly what to send. What
 * real backends send beside it (a field of their own such as `externalId`, `null` for "none", a
 * number written as text, one object where a list is expected) must not cost the household the
 * title: such an item is read as if it had been written to the contract, and each repair is
 * named for the operator's log. A URL the app may not load (`javascript:`, a space, a quote) is
 * left out when the item is whole without it: an image, one of two manifests. A list entry that
 * still breaks the contract (an episode without a playable video, a genre the app does not know,
 * a cast member's unknown role) is left out, not the title. Anything else (a missing title, a
 * rating outside its system, the only video URL broken) still fails.
 */
type Issue = z.core.$ZodIssue

export type LenientResult<T> =
  | { success: true; data: T; repairs: string[] }
  /** `issue`: the first complaint no repair answers, the one the operator has to fix. */
  | { success: false; issue: Issue | undefined }

type Path = readonly PropertyKey[]

/** Rounds of repair before giving up: each round fixes every issue zod reported at once. */
const MAX_ROUNDS = 6

const isRecord = (value: unknown): value is Record<PropertyKey, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function at(root: unknown, path: Path): unknown {
  let node = root
  for (const key of path) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined
    node = (node as Record<PropertyKey, unknown>)[key]
  }
  return node
}

const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?\s*$/

/** Sets the value at `path` (whose parent exists), as a deferred repair naming itself. */
function replaceAt(root: unknown, path: Path, value: unknown, said: string): (() => string) | null {
  const key = path[path.length - 1]
  const parent = at(root, path.slice(0, -1))
  if (key === undefined || (!isRecord(parent) && !Array.isArray(parent))) return null
  return () => {
    ;(parent as Record<PropertyKey, unknown>)[key] = value
    return said
  }
}

/**
 * The one allowed value a written one means: the same word in another case or with spaces
 * around it ("Drama", "TP", " vtt"), or a number written as text or text written as a number
 * ("version": "1", "csa": 12).
 */
function optionMeant(
  value: unknown,
  options: readonly unknown[],
): { value: unknown; why: string } | undefined {
  if (typeof value === 'number') {
    const text = String(value)
    return options.includes(text) ? { value: text, why: 'text read from a number' } : undefined
  }
  if (typeof value !== 'string') return undefined
  if (NUMBER_TEXT.test(value) && options.includes(Number(value)))
    return { value: Number(value), why: 'number read from text' }
  const wanted = value.trim().toLowerCase()
  const matches = options.filter(
    (option) => typeof option === 'string' && option.toLowerCase() === wanted,
  )
  return matches.length === 1
    ? { value: matches[0], why: `read as "${String(matches[0])}"` }
    : undefined
}

/**
 * An ISO 8601 instant the contract's strict form does not take, written in it: no seconds
 * ("2020-01-01T00:00Z"), a zone without its colon ("+0100"), the basic form
 * ("20991231T235959Z"). A time without a zone is not guessed: its hour would be wrong.
 */
export function instantWithZone(value: string): string | undefined {
  const match = value
    .trim()
    .match(
      /^(\d{4})-?(\d{2})-?(\d{2})[T ](\d{2}):?(\d{2})(?::?(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i,
    )
  if (!match) return undefined
  const [, y, mo, d, h, mi, sec = '00', fraction = '', zone] = match
  const offset =
    zone!.toUpperCase() === 'Z'
      ? 'Z'
      : zone!.replace(
          /^([+-]\d{2}):?(\d{2})?$/,
          (_, hours: string, minutes?: string) => `${hours}:${minutes ?? '00'}`,
        )
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${sec}${fraction}${offset}`
  return Number.isFinite(Date.parse(iso)) ? iso : undefined
}

/** The household-read texts a CMS may send as one plain string instead of one per language. */
const TEXT_FIELDS = new Set(['title', 'synopsis', 'name'])
const PLAIN_TEXT_LANGUAGE = 'fr'
/** A text up to this many times its limit is cut to it; a longer one is refused as broken. */
const CUT_AT_MOST = 4

/** The app's language a regional tag stands for ("fr-BE", "nl_BE" -> fr, nl), else undefined. */
function regionalLanguage(key: string): string | undefined {
  if (!/^[a-z]{2}[-_][a-z0-9]{2,8}$/i.test(key)) return undefined
  const base = languageCode(key)
  return LANGUAGES.find((language) => language === base)
}

/** A text in one language of a household-read field (title.fr, synopsis.nl, a rail's name.de). */
function isText(path: Path): boolean {
  const field = path[path.length - 2]
  const language = path[path.length - 1]
  return TEXT_FIELDS.has(String(field)) && LANGUAGES.some((code) => code === language)
}

/** `text` cut to at most `max` characters, at a word's end where there is one, with an ellipsis. */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text
  const room = text.slice(0, max - 1)
  const space = room.lastIndexOf(' ')
  return `${(space > max / 2 ? room.slice(0, space) : room).trimEnd()}…`
}

/** Stands in for a list entry left out, until the round's other repairs (by index) are done. */
const LEFT_OUT = Symbol('left out')

/** The URLs left out so far, by path, with the complaint each answered. */
type LeftOut = Map<string, Issue>

const pathKey = (path: Path): string => path.map(String).join('.')

/**
 * A URL the app may not load, left out of its record. An entry that cannot do without it (a
 * subtitle file) is then left out in a later round (leaveOutEntry).
 */
function leaveOutUrl(
  root: unknown,
  path: Path,
  issue: Issue,
  leftOut: LeftOut,
): (() => string) | null {
  const key = path[path.length - 1]
  const parent = at(root, path.slice(0, -1))
  if (key === undefined || !isRecord(parent)) return null
  return () => {
    delete parent[key]
    leftOut.set(pathKey(path), issue)
    return `${pathKey(path)}: ${UNUSABLE_URL}, left out`
  }
}

/**
 * The list entry an issue no repair answers lies in (an episode, a cast member, a subtitle file,
 * one genre), left out rather than the whole title; null when the issue is not inside a list.
 * A list that must not be empty (seasons, episodes, offers) then fails on its own, and the
 * title with it, named by this issue (causeOf).
 */
function leaveOutEntry(root: unknown, issue: Issue, leftOut: LeftOut): (() => string) | null {
  const path = issue.path
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const index = path[depth]
    if (typeof index !== 'number') continue
    const list = at(root, path.slice(0, depth))
    if (!Array.isArray(list)) return null
    const entry = path.slice(0, depth + 1)
    // A field missing, or a stream without a manifest, because its URL was left out: that URL is why.
    const [where, cause] = leftOutUnder(pathKey(path), leftOut) ?? [pathKey(path), issue]
    return () => {
      list[index] = LEFT_OUT
      if (!leftOut.has(pathKey(entry))) leftOut.set(pathKey(entry), cause)
      return `${pathKey(entry)}: left out (${where}: ${cause.message})`
    }
  }
  return null
}

/** Lists with the entries left out this round closed up. */
function closeUp(node: unknown): void {
  if (Array.isArray(node)) {
    for (let i = node.length - 1; i >= 0; i--) {
      if (node[i] === LEFT_OUT) node.splice(i, 1)
      else closeUp(node[i])
    }
  } else if (isRecord(node)) {
    for (const value of Object.values(node)) closeUp(value)
  }
}

/** An empty URL breaks two of its rules at once; it is left out once. */
function onePerUrl(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>()
  return issues.filter((issue) => {
    if (issue.message !== UNUSABLE_URL) return true
    const key = pathKey(issue.path)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * A text keyed only by regional tags ({ "fr-BE": ... }) breaks two rules: keys the contract does
 * not know, and no language. Renaming the keys answers both, so the second waits for the next
 * round's check rather than stopping the repair.
 */
function afterKeyRepairs(issues: readonly Issue[]): Issue[] {
  const renamed = new Set(
    issues.filter((issue) => issue.code === 'unrecognized_keys').map((i) => pathKey(i.path)),
  )
  return issues.filter(
    (issue) => issue.message !== NEEDS_A_LANGUAGE || !renamed.has(pathKey(issue.path)),
  )
}

/**
 * What to tell the operator when an item cannot be read: the URL left out beneath the complaint
 * (a stream with no manifest left, a field now missing) is the cause, not the complaint itself.
 */
function causeOf(issue: Issue | undefined, leftOut: LeftOut): Issue | undefined {
  if (!issue) return issue
  return leftOutUnder(pathKey(issue.path), leftOut)?.[1] ?? issue
}

/** The first thing left out at `under` or inside it, with where it was. */
function leftOutUnder(under: string, leftOut: LeftOut): [string, Issue] | undefined {
  for (const [path, cause] of leftOut) {
    if (path === under || path.startsWith(`${under}.`)) return [path, cause]
  }
  return undefined
}

/** The regular expression a format issue names (zod writes it as a literal: "/^[a-z]{2}$/"). */
function patternOf(issue: Issue): RegExp | undefined {
  const written = (issue as { pattern?: string }).pattern
  const literal = written ? /^\/(.*)\/([a-z]*)$/.exec(written) : null
  try {
    return literal ? new RegExp(literal[1]!, literal[2]) : written ? new RegExp(written) : undefined
  } catch {
    return undefined
  }
}

/** One change that makes an issue go away, without applying it (so a union can pick a branch). */
function repairOf(
  root: unknown,
  issue: Issue,
  prefix: Path,
  leftOut: LeftOut,
): (() => string) | null {
  const path = [...prefix, ...issue.path]
  const where = path.map(String).join('.') || 'item'
  if (issue.message === UNUSABLE_URL) {
    return leaveOutUrl(root, path, issue, leftOut)
  }
  if (issue.code === 'unrecognized_keys') {
    const target = at(root, path)
    if (!isRecord(target)) return null
    return () => {
      const said: string[] = []
      const ignored: string[] = []
      for (const key of issue.keys) {
        // Texts keyed by regional tags ("fr-BE", as Belgian CMSs write them): their language,
        // unless the text also has it under its own code.
        const base = regionalLanguage(key)
        if (base && target[base] === undefined) {
          target[base] = target[key]
          said.push(`${key} read as ${base}`)
        } else ignored.push(key)
        delete target[key]
      }
      if (ignored.length) said.push(`ignored ${ignored.join(', ')}`)
      return `${where}: ${said.join(', ')}`
    }
  }
  if (issue.code === 'too_big' && issue.origin === 'string' && isText(path)) {
    const value = at(root, path)
    // Far longer than any text (a page of markup where the synopsis goes): broken, not long.
    if (typeof value !== 'string' || value.length > CUT_AT_MOST * Number(issue.maximum)) return null
    const cut = cutAt(value, Number(issue.maximum))
    return replaceAt(root, path, cut, `${where}: cut to ${cut.length} characters`)
  }
  if (issue.code === 'custom' && issue.message === TITLE_TOO_LONG) {
    const text = at(root, path)
    const tooLong = (value: unknown) =>
      typeof value === 'string' && value.length > CUT_AT_MOST * TITLE_MAX
    if (!isRecord(text) || Object.values(text).some(tooLong)) return null
    return () => {
      for (const [language, value] of Object.entries(text))
        if (typeof value === 'string' && value.length > TITLE_MAX)
          text[language] = cutAt(value, TITLE_MAX)
      return `${where}: cut to ${TITLE_MAX} characters`
    }
  }
  if (issue.code === 'invalid_type') {
    const key = path[path.length - 1]
    const parent = at(root, path.slice(0, -1))
    if (key === undefined || !isRecord(parent)) return null
    const value = parent[key]
    if (value === null) {
      return () => {
        delete parent[key]
        return `${where}: null read as absent`
      }
    }
    if (issue.expected === 'string' && typeof value === 'number' && Number.isFinite(value)) {
      // Database ids and paging offsets written as numbers ("id": 40, "next": 2).
      return () => {
        parent[key] = String(value)
        return `${where}: text read from a number`
      }
    }
    if (
      issue.expected === 'object' &&
      typeof value === 'string' &&
      value.trim() &&
      TEXT_FIELDS.has(String(key))
    ) {
      // One text without its language, as most CMSs send it: taken as French, as the guide does.
      return () => {
        parent[key] = { [PLAIN_TEXT_LANGUAGE]: value }
        return `${where}: plain text read as ${PLAIN_TEXT_LANGUAGE}`
      }
    }
    if (issue.expected === 'number' && typeof value === 'string' && NUMBER_TEXT.test(value)) {
      return () => {
        parent[key] = Number(value)
        return `${where}: number read from text`
      }
    }
    if (issue.expected === 'boolean' && (value === 'true' || value === 'false')) {
      return () => {
        parent[key] = value === 'true'
        return `${where}: boolean read from text`
      }
    }
    if (issue.expected === 'array' && value !== undefined && !Array.isArray(value)) {
      return () => {
        parent[key] = [value]
        return `${where}: one value read as a list`
      }
    }
    return null
  }
  if (issue.code === 'invalid_value') {
    const meant = optionMeant(at(root, path), issue.values)
    return meant === undefined ? null : replaceAt(root, path, meant.value, `${where}: ${meant.why}`)
  }
  if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
    // "kind": "Film": the branch is chosen by a value written in another case.
    const options = (issue as { options?: unknown[] }).options ?? []
    const written = at(root, path)
    // No kind at all: a title with seasons is a series, one with a stream a film.
    if (written === undefined && path[path.length - 1] === 'kind') {
      const item = at(root, path.slice(0, -1))
      const kind = !isRecord(item)
        ? undefined
        : Array.isArray(item.seasons) && item.stream === undefined
          ? 'series'
          : isRecord(item.stream) && item.seasons === undefined
            ? 'film'
            : undefined
      return kind && options.includes(kind)
        ? replaceAt(
            root,
            path,
            kind,
            `${where}: missing, read as "${kind}" from its ${kind === 'film' ? 'stream' : 'seasons'}`,
          )
        : null
    }
    const meant = optionMeant(written, options)
    return meant === undefined ? null : replaceAt(root, path, meant.value, `${where}: ${meant.why}`)
  }
  if (issue.code === 'invalid_format' && issue.format === 'regex') {
    // A code in the other case or with spaces around it ("FR" for a language, "be" for a
    // country, " nl").
    const value = at(root, path)
    const pattern = patternOf(issue)
    const trimmed = typeof value === 'string' ? value.trim() : undefined
    const meant = [trimmed, trimmed?.toLowerCase(), trimmed?.toUpperCase()].find(
      (form) => form !== undefined && form !== value && pattern?.test(form),
    )
    return meant !== undefined ? replaceAt(root, path, meant, `${where}: read as "${meant}"`) : null
  }
  if (issue.code === 'invalid_format' && issue.format === 'datetime') {
    const value = at(root, path)
    const iso = typeof value === 'string' ? instantWithZone(value) : undefined
    return iso === undefined ? null : replaceAt(root, path, iso, `${where}: date read as ${iso}`)
  }
  if (issue.code === 'invalid_union') {
    // The first branch whose every complaint can be repaired is the one the item meant.
    for (const branch of issue.errors) {
      const repairs = branch.map((inner) => repairOf(root, inner, path, leftOut))
      if (repairs.length && repairs.every(Boolean)) {
        return () => repairs.map((repair) => repair!()).join('; ')
      }
    }
  }
  return null
}

/**
 * A brand is a label the app shows, searches and targets ads by: the kind of company a CMS calls
 * it ("channel", "label") or an id written with its own characters ("rtbf_1", "vrt.be") must not
 * cost the title. The contract's neutral kind, and the id as a slug, stand in for them.
 */
function brandRepair(root: unknown, issue: Issue): (() => string) | null {
  const where = pathKey(issue.path)
  const value = at(root, issue.path)
  if (where === 'brand.kind' && issue.code === 'invalid_value') {
    return replaceAt(
      root,
      issue.path,
      'distributor',
      `${where}: ${JSON.stringify(value)} read as "distributor"`,
    )
  }
  if (where === 'brand.id' && issue.code === 'invalid_format' && typeof value === 'string') {
    const slug = value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
    return slug ? replaceAt(root, issue.path, slug, `${where}: read as "${slug}"`) : null
  }
  return null
}

/**
 * `schema.safeParse(raw)`, then, if it fails only on what real exports send beside the contract,
 * again on a repaired copy (the input is never changed).
 */
export function parseLeniently<T>(schema: z.ZodType<T>, raw: unknown): LenientResult<T> {
  let result = schema.safeParse(raw)
  if (result.success) return { success: true, data: result.data, repairs: [] }
  if (!isRecord(raw)) return { success: false, issue: result.error.issues[0] }
  const copy = JSON.parse(JSON.stringify(raw)) as unknown
  const repairs: string[] = []
  const leftOut: LeftOut = new Map()
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const issues = afterKeyRepairs(onePerUrl(result.error!.issues))
    const fixes = issues.map(
      (issue) =>
        repairOf(copy, issue, [], leftOut) ??
        brandRepair(copy, issue) ??
        leaveOutEntry(copy, issue, leftOut),
    )
    const stuck = fixes.findIndex((fix) => !fix)
    if (stuck >= 0) return { success: false, issue: causeOf(issues[stuck], leftOut) }
    for (const fix of fixes) repairs.push(fix!())
    closeUp(copy)
    result = schema.safeParse(copy)
    if (result.success) return { success: true, data: result.data, repairs }
  }
  return { success: false, issue: causeOf(result.error?.issues[0], leftOut) }
}
