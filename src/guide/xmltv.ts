import type { CatalogueProblem } from '../catalogue/errors'
import { CatalogueError, CatalogueErrorCode } from '../catalogue/errors'
import { htmlToText, xmlWithBareAmpersands, xmlWithNumericEntities } from '../catalogue/htmlText'
import { classify, type GivenRating } from '../catalogue/ratings'
import { LANGUAGES, type Language, type LocalizedText } from '../catalogue/schema'
import { clip, languageCode, slug, text, zoneOffset } from '../catalogue/tolerant'
import { childElements as childrenNamed } from '../xml/childElements'
import type { GuideCoverage } from './contract'
import { OPEN_END_MS, skipped, type Draft } from './wire'
import { fromBrussels, type Zoneless } from './zone'

/**
 * XMLTV, the guide export most operators and grabbers produce (xmltv.dtd): `<tv>` with
 * `<channel id>` and `<programme start stop channel>`, read with the engine's DOMParser.
 *
 * Deviations of real exports that are read anyway: a programme without `stop` ends at the
 * channel's next start; times without a zone are read as `zoneless` says (the DTD says UTC, many
 * Belgian exports mean Brussels time); times with "+01:00", "Z" or a zone name ("CET");
 * several titles in several languages; a rating of an unknown system makes the programme "not
 * rated" (locked like -18), never drops it; `xmltv_ns` and `onscreen` episode numbers; a bare `&`
 * or an HTML entity (`&eacute;`), escaped and read again. A programme without a usable start,
 * channel or title is skipped and reported, the rest kept.
 *
 * XMLTV carries no catch-up rights: its programmes may be restarted and replayed as far as the
 * channel's own `restart` / `replayDays` allow.
 */

export type { Zoneless }

export interface XmltvOptions {
  zoneless: Zoneless
  /** XMLTV channel id -> app channel id, for exports whose ids are not the app's. */
  channels: Record<string, string>
  /** The app's channel ids, to match XMLTV ids such as "ardenne-1.be" or "Ardenne1". */
  known: readonly string[]
  /** App channel id -> its name, so an export's `display-name` ("La Une") finds it too. */
  names?: Readonly<Record<string, string>>
  /** Language of titles without a (known) `lang`. */
  language: Language
  /** Where a repaired export is said (the operator's log). */
  log?: (message: string) => void
}

export const XMLTV_BACKEND = 'xmltv'

const notXml = (url: string, detail: string) =>
  new CatalogueError({
    severity: 'critical',
    category: 'format',
    code: CatalogueErrorCode.NOT_XML,
    backend: XMLTV_BACKEND,
    message: `${url} is not XML (${detail})`,
  })

/** A time that names its zone: an offset, Z, or a zone's name. */
const WITH_ZONE = /\d\s*(Z|[A-Z]{3,4}|[+-]\d{2}:?\d{2})\s*$/i

/**
 * The DTD's form, truncated or not, with its zone or without ("20261202193000 +0100",
 * "202612021930", "20261202193000Z", "20261202193000 +01:00"), and ISO 8601's as exports
 * converted from JSON write it ("2026-12-02T19:30:00+01:00", "2026-12-02 19:30") -> ms.
 */
const XMLTV_TIME =
  /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]?(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?)?(?:[.,]\d+)?\s*(Z|[A-Z]{3,4}|[+-]\d{2}:?\d{2})?\s*$/i

export function xmltvTime(
  value: string | null | undefined,
  zoneless: Zoneless,
): number | undefined {
  const match = XMLTV_TIME.exec(value ?? '')
  if (!match) return undefined
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = match
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number]
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31 || parts[3] > 23) {
    return undefined
  }
  const asUtc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5])
  if (!zone) return zoneless === 'brussels' ? fromBrussels(...parts) : asUtc
  if (/^(Z|UTC|GMT)$/i.test(zone)) return asUtc
  // Older grabbers write the zone's name ("CET", "BST"), as the first DTDs showed.
  const numeric = /^[a-z]/i.test(zone) ? zoneOffset(zone) : zone
  if (!numeric) return undefined
  const sign = numeric.startsWith('-') ? -1 : 1
  const digits = numeric.slice(1).replace(':', '')
  const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000
  return asUtc - sign * offset
}

/**
 * xmltv_ns "1.4." (zero-based, "a/b" totals) or onscreen, the DTD's default system: "S02E05",
 * "2x05", "E05", "Ep. 5", "Épisode 5", "Aflevering 5".
 */
export function episodeOf(element: Element): { season?: number; episode?: number } | undefined {
  const nums = childrenNamed(element, 'episode-num')
  const ns = nums.find((n) => n.getAttribute('system') === 'xmltv_ns')
  if (ns) {
    const [season, episode] = (ns.textContent ?? '')
      .replace(/\s/g, '')
      .split('.')
      .map((part) => /^(\d+)/.exec(part)?.[1])
    const result = {
      ...(season !== undefined ? { season: Number(season) + 1 } : {}),
      ...(episode !== undefined ? { episode: Number(episode) + 1 } : {}),
    }
    if (result.season !== undefined || result.episode !== undefined) return result
  }
  for (const n of nums) {
    if ((n.getAttribute('system') ?? 'onscreen') !== 'onscreen') continue
    const result = onscreenEpisode(n.textContent ?? '')
    if (result) return result
  }
  return undefined
}

/** An onscreen number as people write it; a text not understood gives none rather than a guess. */
function onscreenEpisode(value: string): { season?: number; episode?: number } | undefined {
  const plain = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
  const both = /(?:^|[^a-z])s(\d+)\s*[-.]?\s*e(\d+)(?!\d)|(?:^|[^\d])(\d+)\s*x\s*(\d+)(?!\d)/.exec(
    plain,
  )
  if (both) return { season: Number(both[1] ?? both[3]), episode: Number(both[2] ?? both[4]) }
  const season = /(?:^|[^a-z])(?:s|saison|seizoen|season|staffel)\.?\s*(\d+)(?!\d)/.exec(plain)
  const episode = /(?:^|[^a-z])(?:e|ep|episode|aflevering|afl|folge)\.?\s*(\d+)(?!\d)/.exec(plain)
  if (!season && !episode) return undefined
  return {
    ...(season ? { season: Number(season[1]) } : {}),
    ...(episode ? { episode: Number(episode[1]) } : {}),
  }
}

/**
 * Texts of same-named children by language, the first of each language kept. The app picks the
 * household's language then its fallbacks among them; an untagged text, then one in a language the
 * app does not show, is filed under `fallback` only when no text has a language the app shows,
 * so neither hides a tagged translation (exports often list an Arabic or untagged title first).
 */
function localizedOf(parent: Element, name: string, fallback: Language): LocalizedText | undefined {
  const out: Partial<Record<Language, string>> = {}
  let untagged: string | undefined
  let other: string | undefined
  for (const child of childrenNamed(parent, name)) {
    // Grabbers copy the broadcaster's HTML into XMLTV, escaped: it arrives here as markup.
    const value = text(htmlToText(child.textContent ?? ''))
    if (!value) continue
    const clipped = clip(value, name === 'desc' ? 4000 : 200)
    const code = languageCode(child.getAttribute('lang'))
    const language = LANGUAGES.find((l) => l === code)
    if (language) out[language] ??= clipped
    else if (code) other ??= clipped
    else untagged ??= clipped
  }
  if (Object.keys(out).length) return out
  const last = untagged ?? other
  return last ? { [fallback]: last } : undefined
}

function ratingsOf(element: Element): GivenRating[] {
  return childrenNamed(element, 'rating').flatMap((rating) => {
    const value = text(childrenNamed(rating, 'value')[0]?.textContent)
    // Without a system the value is anyone's guess: unknown, hence not rated.
    const system = text(rating.getAttribute('system')) ?? 'unknown'
    return value ? [{ system: clip(system, 40), value: clip(value, 40) }] : []
  })
}

/** An id or a name as matching reads it: "La Une", "la-une", "LaUne.be" (before its dot) alike. */
const matchKey = (value: string): string => slug(value).replace(/-/g, '')

/**
 * The app channel an XMLTV channel id stands for, or undefined when none: the operator's
 * channelMap first, then the id as it is, then ids and names compared without case, accents,
 * spaces and dashes ("LaUne.be", "La Une" and "la-une" are one channel), the export's id (and the
 * part before its first dot) before its display names.
 */
export function channelMatcher(
  options: Pick<XmltvOptions, 'channels' | 'known' | 'names'>,
  displayNames: Map<string, string[]>,
): (xmltvId: string) => string | undefined {
  const known = new Set(options.known)
  const byKey = new Map<string, string>()
  for (const id of options.known) if (!byKey.has(matchKey(id))) byKey.set(matchKey(id), id)
  for (const id of options.known) {
    const name = options.names?.[id]
    if (name && matchKey(name) && !byKey.has(matchKey(name))) byKey.set(matchKey(name), id)
  }
  const cache = new Map<string, string | undefined>()
  return (xmltvId) => {
    if (cache.has(xmltvId)) return cache.get(xmltvId)
    const mapped = options.channels[xmltvId]
    const exact = [mapped, xmltvId, slug(xmltvId)].find((c) => Boolean(c && known.has(c)))
    const loose = [xmltvId, xmltvId.split('.')[0] ?? '', ...(displayNames.get(xmltvId) ?? [])]
      .map((candidate) => byKey.get(matchKey(candidate)))
      .find(Boolean)
    const found = exact ?? loose
    cache.set(xmltvId, found)
    return found
  }
}

const parseErrorOf = (document: Document): string | undefined => {
  const error = document.getElementsByTagName('parsererror')[0]
  return error ? clip((error.textContent ?? '').replace(/\s+/g, ' ').trim(), 160) : undefined
}

/**
 * The document with HTML entities as numeric references and every other `&` that starts no
 * reference escaped (htmlText.ts); `changes` says what was done.
 */
function mendedXml(source: string): { source: string; changes: string[] } {
  const entities = xmlWithNumericEntities(source)
  const ampersands = xmlWithBareAmpersands(entities.source)
  const changes = [
    ...(ampersands.count ? [`${ampersands.count} bare "&"`] : []),
    ...(entities.replaced.length ? [`HTML entities ${entities.replaced.join(', ')}`] : []),
  ]
  const whole = wholePart(ampersands.source)
  if (whole !== ampersands.source) changes.push('cut short: read up to its last whole programme')
  return { source: whole, changes }
}

/**
 * An export cut short (a copy or an upload that stopped, a disk that filled) up to its last whole
 * programme or channel, closed: the days it holds are shown instead of none. Unchanged when it
 * ends with its `</tv>`, or holds no whole element.
 */
function wholePart(source: string): string {
  const trimmed = source.trimEnd()
  if (/<\/tv\s*>$/i.test(trimmed)) return source
  const endOf = (tag: string) => {
    const at = trimmed.lastIndexOf(tag)
    return at < 0 ? -1 : at + tag.length
  }
  const end = Math.max(endOf('</programme>'), endOf('</channel>'))
  return end < 0 ? source : `${trimmed.slice(0, end)}\n</tv>\n`
}

/** Parses an XMLTV document into drafts (ends filled later by finishGuide). */
/** Where a skipped programme stood: only its start is used (Draft.boundary). */
const unnamedAt = (channelId: string, start: number): Draft['programme'] => ({
  channelId,
  start,
  title: {},
  classification: classify([]),
  restart: false,
  replay: false,
})

export function parseXmltv(
  source: string,
  url: string,
  parser: DOMParser,
  options: XmltvOptions,
): { drafts: Draft[]; problems: CatalogueProblem[]; coverage: Omit<GuideCoverage, 'unfed'> } {
  const clean = source.replace(/^[\uFEFF\s]+/, '')
  if (!clean.startsWith('<')) throw notXml(url, `starts with "${clip(clean.slice(0, 20), 20)}"`)
  let document = parser.parseFromString(clean, 'application/xml')
  const error = parseErrorOf(document)
  if (error) {
    // One "Tom & Jerry" or "&eacute;" makes the whole export unreadable: every channel's guide
    // would be empty for one title's typo, so such exports are mended and read again.
    const mended = mendedXml(clean)
    const second = mended.changes.length
      ? parser.parseFromString(mended.source, 'application/xml')
      : undefined
    if (!second || parseErrorOf(second) !== undefined) throw notXml(url, error)
    options.log?.(
      `guide[${XMLTV_BACKEND}]: ${url} is not well-formed XML (${mended.changes.join(', ')}); read as if escaped`,
    )
    document = second
  }
  const root = document.documentElement
  if (root.localName !== 'tv') throw notXml(url, `root is <${root.localName}>, not <tv>`)

  const displayNames = new Map<string, string[]>()
  for (const channel of childrenNamed(root, 'channel')) {
    const id = channel.getAttribute('id')
    if (!id) continue
    displayNames.set(
      id,
      childrenNamed(channel, 'display-name')
        .map((n) => text(n.textContent))
        .filter((n): n is string => Boolean(n)),
    )
  }
  const match = channelMatcher(options, displayNames)
  const drafts: Draft[] = []
  const problems: CatalogueProblem[] = []
  const unmatched = new Set<string>()
  let lastEnd: number | undefined
  let zoneless = 0
  childrenNamed(root, 'programme').forEach((element, position) => {
    const xmltvChannel = text(element.getAttribute('channel'))
    const rawStart = element.getAttribute('start')
    const itemId = `${xmltvChannel ?? '?'}@${rawStart ?? `#${position}`}`
    const report = (message: string) => problems.push(skipped(XMLTV_BACKEND, itemId, message))
    if (!xmltvChannel) return report('channel: missing')
    const start = xmltvTime(rawStart, options.zoneless)
    const rawStop = element.getAttribute('stop')
    const end = rawStop ? xmltvTime(rawStop, options.zoneless) : undefined
    // How far the export reaches, over every channel: one whose days have all passed is a file
    // the grabber stopped refreshing, which the guide alone shows as empty cells.
    if (start !== undefined) {
      const until = end ?? start + OPEN_END_MS
      if (lastEnd === undefined || until > lastEnd) lastEnd = until
    }
    const channelId = match(xmltvChannel)
    // Channels the operator does not carry are not problems: exports list many more. They are
    // named on the diagnostics page, where a channel of the app without programmes finds its id.
    if (!channelId) return void unmatched.add(xmltvChannel)
    if (start === undefined) return report(`start: "${clip(rawStart ?? '', 40)}" is not a time`)
    if (!WITH_ZONE.test(rawStart ?? '')) zoneless++
    const boundary = (message: string) => {
      report(message)
      drafts.push({ itemId, programme: unnamedAt(channelId, start), boundary: true })
    }
    if (rawStop && end === undefined) return boundary(`stop: "${clip(rawStop, 40)}" is not a time`)
    const title = localizedOf(element, 'title', options.language)
    if (!title) return boundary('title: missing')
    const subtitle = localizedOf(element, 'sub-title', options.language)
    const synopsis = localizedOf(element, 'desc', options.language)
    const category = text(childrenNamed(element, 'category')[0]?.textContent)
    const episode = episodeOf(element)
    drafts.push({
      itemId,
      programme: {
        channelId,
        start,
        ...(end !== undefined ? { end } : {}),
        title,
        ...(subtitle ? { subtitle } : {}),
        ...(synopsis ? { synopsis } : {}),
        ...(category ? { category: clip(category, 60) } : {}),
        ...(episode ? { episode } : {}),
        classification: classify(ratingsOf(element)),
        restart: true,
        replay: true,
      },
    })
  })
  // The DTD reads such times as UTC; Belgian exports that leave the zone out mostly mean
  // Brussels time, an hour off in winter and two in summer, which only the operator can tell.
  if (zoneless && options.zoneless === 'utc') {
    options.log?.(
      `guide[${XMLTV_BACKEND}]: ${url}: ${zoneless} programme times have no zone and are read as UTC, as the XMLTV DTD says; if the export writes Belgian time, set appSettings.guide.zoneless to "brussels"`,
    )
  }
  const coverage = { unmatched: [...unmatched], ...(lastEnd !== undefined ? { lastEnd } : {}) }
  return { drafts, problems, coverage }
}
