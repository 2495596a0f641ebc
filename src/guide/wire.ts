import * as z from 'zod'
import { CatalogueErrorCode, notContractError, type CatalogueProblem } from '../catalogue/errors'
import { classify, CONTENT_DESCRIPTORS, type GivenRating } from '../catalogue/ratings'
import { htmlToText } from '../catalogue/htmlText'
import {
  givenRatingSchema,
  LANGUAGES,
  localizedTextSchema,
  type LocalizedText,
} from '../catalogue/schema'
import {
  clip,
  dayFirstInstant,
  field,
  isRecord,
  languageCode,
  list,
  num,
  text,
  type ZonelessReading,
} from '../catalogue/tolerant'
import type { GuideLoad, GuideProblem, PlacementReason, Programme } from './contract'
import { fromBrussels, type Zoneless } from './zone'

/**
 * The guide as JSON (GET <url>/guide, and what the embedded schedule expands to): documented in
 * docs/catalogue-api/README.md. Read tolerantly first (a single programme where a list is
 * expected, numbers and booleans as strings, `stop`/`begin` spellings, a plain string title),
 * then checked strictly against `programmeWireSchema`; a programme that fails is skipped and
 * reported, the others kept.
 */

const instantSchema = z.lazy(() => z.iso.datetime({ offset: true }))

export const programmeWireSchema = z.lazy(() =>
  z
    .object({
      channel: z.string().regex(/^[a-z0-9-]+$/, 'channel ids are lowercase slugs'),
      start: instantSchema,
      /** Absent: the channel's next programme's start. */
      end: instantSchema.optional(),
      title: localizedTextSchema,
      subtitle: localizedTextSchema.optional(),
      synopsis: localizedTextSchema.optional(),
      category: z.string().min(1).max(60).optional(),
      season: z.number().int().min(0).max(9999).optional(),
      episode: z.number().int().min(0).max(99999).optional(),
      ratings: z.array(givenRatingSchema).max(12).optional(),
      contentDescriptors: z.array(z.enum(CONTENT_DESCRIPTORS)).max(6).optional(),
      /** May be restarted while on air (also needs the channel's `restart`). Absent: no. */
      restart: z.boolean().optional(),
      /** May be replayed after it aired (also needs the channel's `replayDays`). Absent: no. */
      replay: z.boolean().optional(),
    })
    .strict(),
)
export type ProgrammeWire = z.infer<typeof programmeWireSchema>

export const guideDocumentSchema = z.lazy(() =>
  z.object({
    version: z.literal(1),
    programmes: z.array(z.unknown()),
  }),
)

const bool = (value: unknown): boolean | undefined => {
  if (typeof value === 'boolean') return value
  if (value === 1) return true
  if (value === 0) return false
  const word = typeof value === 'string' ? value.trim().toLowerCase() : undefined
  if (word === 'true' || word === '1' || word === 'yes') return true
  if (word === 'false' || word === '0' || word === 'no') return false
  return undefined
}

/**
 * A localized text from an object, or a plain string taken as `language`. Regional tags ("fr-BE",
 * as XMLTV exports and CMSs write them) are their base language; the base tag itself wins.
 */
const localized = (value: unknown, language: string): unknown => {
  if (typeof value === 'string') return value.trim() ? { [language]: value.trim() } : undefined
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, text] of Object.entries(value)) {
    const base = LANGUAGES.find((l) => l === languageCode(key))
    const name = base ?? key
    if (!(name in out) || key === base) out[name] = text
  }
  return out
}

/**
 * How the JSON guide reads times without a zone. A day-first date is how Belgian CMSs write
 * their own local time, never how anyone writes UTC, so it is Brussels time whatever `zoneless`
 * says; `zoneless` decides for ISO 8601, whose zone-less times are documented as UTC.
 */
function zonelessReading(zoneless: Zoneless = 'utc'): ZonelessReading {
  return zoneless === 'brussels'
    ? { iso: fromBrussels, dayFirst: fromBrussels }
    : { dayFirst: fromBrussels }
}

const time = (value: unknown, zoneless: ZonelessReading): string | undefined => {
  const n = num(value)
  // Epoch numbers: seconds below 10^11 (year 5138), milliseconds above.
  if (n !== undefined) return new Date(n < 1e11 ? n * 1000 : n).toISOString()
  return dayFirstInstant(value, zoneless)
}

/**
 * A text as plain text: the HTML entities exports escape it with ("B Film &amp; Nuit") as
 * characters, and the markup CMS editors leave in synopses ("de l'<b>action</b>") out.
 */
const readable = (value: LocalizedText): LocalizedText =>
  Object.fromEntries(
    Object.entries(value).map(([language, text]) => [language, text && htmlToText(text)]),
  ) as LocalizedText

/**
 * Normalises what real JSON exports send into the wire shape (still unchecked). An optional flag
 * that says neither yes nor no is left out, and told to `dropped`, rather than failing the check.
 * Times without a zone are read as `zoneless` says (zonelessReading).
 */
export function normaliseProgramme(
  raw: unknown,
  language = 'fr',
  dropped: (key: string, message: string) => void = () => undefined,
  zoneless: Zoneless = 'utc',
  ignored: (key: string) => void = () => undefined,
): unknown {
  if (!isRecord(raw)) return raw
  const out: Record<string, unknown> = {}
  const put = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value
  }
  put('channel', text(field(raw, 'channel', 'channelId', 'channel_id')))
  const reading = zonelessReading(zoneless)
  const start = field(raw, 'start', 'begin', 'startTime', 'start_time')
  put('start', time(start, reading) ?? start)
  const end = field(raw, 'end', 'stop', 'endTime', 'end_time')
  put('end', end === undefined ? undefined : (time(end, reading) ?? end))
  put('title', localized(field(raw, 'title', 'name'), language))
  put('subtitle', localized(field(raw, 'subtitle', 'subTitle', 'episodeTitle'), language))
  put('synopsis', localized(field(raw, 'synopsis', 'description', 'desc'), language))
  put('category', text(list(field(raw, 'category', 'genre'))[0]))
  const season = field(raw, 'season')
  put('season', num(season) ?? season)
  const episode = field(raw, 'episode')
  put('episode', num(episode) ?? episode)
  const ratings = field(raw, 'ratings', 'rating')
  if (ratings !== undefined) put('ratings', list(ratings).map(normaliseRating))
  put('contentDescriptors', field(raw, 'contentDescriptors'))
  for (const key of ['restart', 'replay']) {
    const value = field(raw, key)
    const flag = bool(value)
    // A rights flag is not worth the programme: absent, it is not offered, which is safe.
    if (value !== undefined && flag === undefined) {
      dropped(key, `${clip(JSON.stringify(value), 40)} is not a yes or no`)
    }
    put(key, flag)
  }
  // Fields of the backend's own ("image", "externalId") are told to `ignored`, not kept: kept,
  // the strict check refused every programme of a channel over one field the app does not draw.
  for (const key of Object.keys(raw)) {
    if (!(key in out) && !KNOWN_SPELLINGS.has(key.toLowerCase())) ignored(key)
  }
  return out
}

const KNOWN_SPELLINGS = new Set(
  'channel channelid channel_id start begin starttime start_time end stop endtime end_time title name subtitle episodetitle synopsis description desc category genre season episode ratings rating contentdescriptors restart replay id'.split(
    ' ',
  ),
)

/** `{ "system": "CSA", "value": 12 }`, `{ "csa": "12" }` or `"-12"` (taken as CSA). */
function normaliseRating(raw: unknown): unknown {
  if (typeof raw === 'string' || typeof raw === 'number') return { system: 'CSA', value: text(raw) }
  if (!isRecord(raw)) return raw
  const system = text(field(raw, 'system', 'scheme'))
  if (system) return { system, value: text(field(raw, 'value', 'rating')) }
  const [only] = Object.entries(raw)
  return only && Object.keys(raw).length === 1 ? { system: only[0], value: text(only[1]) } : raw
}

/** A checked wire programme as the app's Programme; `end` filled by the caller when absent. */
export function toProgramme(wire: ProgrammeWire, end: number): Programme {
  const start = Date.parse(wire.start)
  const given: GivenRating[] = wire.ratings ?? []
  const episode =
    wire.season !== undefined || wire.episode !== undefined
      ? {
          ...(wire.season !== undefined ? { season: wire.season } : {}),
          ...(wire.episode !== undefined ? { episode: wire.episode } : {}),
        }
      : undefined
  return {
    id: `${wire.channel}-${start}`,
    channelId: wire.channel,
    start,
    end,
    title: readable(wire.title),
    ...(wire.subtitle ? { subtitle: readable(wire.subtitle) } : {}),
    ...(wire.synopsis ? { synopsis: readable(wire.synopsis) } : {}),
    ...(wire.category ? { category: wire.category } : {}),
    ...(episode ? { episode } : {}),
    classification: classify(given, wire.contentDescriptors ?? []),
    restart: wire.restart ?? false,
    replay: wire.replay ?? false,
  }
}

/** A programme before its end is known (sources without `stop`). */
export interface Draft {
  programme: Omit<Programme, 'end' | 'id'> & { end?: number }
  /** What names it in a report. */
  itemId: string
  /**
   * Skipped and reported, but its start is known: it is not shown, and the programme before it
   * still ends there instead of taking its slot (an export's `<title/>` is an unnamed programme,
   * not more of the one before).
   */
  boundary?: true
}

export const skipped = (
  backend: string,
  itemId: string,
  message: string,
  placement?: PlacementReason,
): GuideProblem => ({
  severity: 'recoverable',
  category: 'item',
  code: CatalogueErrorCode.ITEM_INVALID,
  backend,
  itemId: itemId.slice(0, 200),
  reason: 'invalid-field',
  message,
  ...(placement ? { placement } : {}),
})

/** The log's words for each placement reason (the diagnostics page has its own, translated). */
const PLACEMENT_MESSAGES: Record<PlacementReason, string> = {
  'same-start': 'starts at the same time as another programme of its channel',
  overlap: 'overlaps the programme before it',
  'ends-before-start': 'ends before it starts',
}

const misplaced = (backend: string, itemId: string, reason: PlacementReason): GuideProblem =>
  skipped(backend, itemId, PLACEMENT_MESSAGES[reason], reason)

/** How long a channel's last programme without an end is shown to last. */
export const OPEN_END_MS = 3 * 60 * 60_000

/**
 * Orders drafts per channel, fills a missing end with the channel's next later start (the last
 * one's with OPEN_END_MS), skips what cannot be placed (a second programme at the same start,
 * one that ends before it starts or overlaps the one before) and keeps what meets [from, to) on
 * the asked channels.
 */
export function finishGuide(
  drafts: readonly Draft[],
  problems: GuideProblem[],
  backend: string,
  channelIds: readonly string[],
  from: number,
  to: number,
): GuideLoad {
  const wanted = new Set(channelIds)
  const byChannel = new Map<string, Draft[]>()
  for (const draft of drafts) {
    if (!wanted.has(draft.programme.channelId)) continue
    const list = byChannel.get(draft.programme.channelId) ?? []
    list.push(draft)
    byChannel.set(draft.programme.channelId, list)
  }
  const programmes: Programme[] = []
  for (const channelId of channelIds) {
    const list = (byChannel.get(channelId) ?? []).sort(
      (a, b) => a.programme.start - b.programme.start,
    )
    let previous: { start: number; end: number; at: number | undefined } | undefined
    list.forEach((draft, index) => {
      if (draft.boundary) return
      const { programme } = draft
      // A programme listed twice (exports merged from two grabbers) is not where the first of
      // the two ends: that is the next programme that starts later.
      const next = list.slice(index + 1).find((d) => d.programme.start > programme.start)
        ?.programme.start
      if (previous && programme.start === previous.start) {
        return problems.push(misplaced(backend, draft.itemId, 'same-start'))
      }
      // The stop time is optional (XMLTV): a channel's last programme without one is what is on
      // air now in a minimal export, so it is kept for a while rather than dropped.
      const end = programme.end ?? next ?? programme.start + OPEN_END_MS
      if (end <= programme.start) {
        return problems.push(misplaced(backend, draft.itemId, 'ends-before-start'))
      }
      if (previous && programme.start < previous.end) {
        // Starting with the one before, or inside it and ending no later: not a schedule a grid
        // can show beside it.
        if (programme.start <= previous.start || end <= previous.end) {
          return problems.push(misplaced(backend, draft.itemId, 'overlap'))
        }
        // Exports pad or round a stop a minute or two past the next start, and a schedule changed
        // late moves a start into the programme before: the earlier one ends where this one
        // starts, rather than this one (the evening news) being lost and its hour left empty.
        if (previous.at !== undefined) {
          programmes[previous.at] = { ...programmes[previous.at]!, end: programme.start }
        }
      }
      previous = { start: programme.start, end, at: undefined }
      if (end > from && programme.start < to) {
        const guessed = programme.end === undefined && next === undefined
        previous.at = programmes.length
        programmes.push({
          ...programme,
          end,
          id: `${channelId}-${programme.start}`,
          ...(guessed ? { openEnd: true } : {}),
        })
      }
    })
  }
  return { programmes, problems }
}

/**
 * Reads a guide JSON document: the envelope must hold, programmes are checked one by one. Times
 * without a zone are read as `zoneless` (appSettings.guide.zoneless) says, as XMLTV's are.
 */
export function parseGuideDocument(
  document: unknown,
  backend: string,
  url: string,
  channelIds: readonly string[],
  from: number,
  to: number,
  zoneless: Zoneless = 'utc',
): GuideLoad {
  const envelope = guideDocumentSchema.safeParse(
    isRecord(document) ? { ...document, programmes: list(document.programmes) } : document,
  )
  if (!envelope.success) {
    throw notContractError(backend, `${url} is not a guide`, envelope.error.issues[0])
  }
  const problems: CatalogueProblem[] = []
  const drafts: Draft[] = []
  const ignored = new Set<string>()
  envelope.data.programmes.forEach((raw, position) => {
    const flags: [string, string][] = []
    const normalised = normaliseProgramme(
      raw,
      'fr',
      (key, message) => flags.push([key, message]),
      zoneless,
      (key) => ignored.add(key),
    )
    const result = programmeWireSchema.safeParse(normalised)
    const channel = isRecord(normalised) ? text(normalised.channel) : undefined
    const start = isRecord(normalised) ? text(normalised.start) : undefined
    const itemId = channel && start ? `${channel}@${start}` : `programme #${position}`
    if (!result.success) {
      const issue = result.error.issues[0]
      problems.push(
        skipped(backend, itemId, `${issue?.path.join('.') || 'programme'}: ${issue?.message}`),
      )
      return
    }
    // Said as the flag skipped, not the programme, which is kept.
    for (const [key, message] of flags) {
      problems.push(skipped(backend, `${itemId}/${key}`, `${key}: ${message}, left out`))
    }
    const wire = result.data
    const programme = toProgramme(wire, 0)
    drafts.push({
      itemId,
      programme: { ...programme, end: wire.end === undefined ? undefined : Date.parse(wire.end) },
    })
  })
  if (ignored.size)
    console.info(`guide[${backend}]: fields of its own ignored: ${[...ignored].join(', ')}`)
  return finishGuide(drafts, problems, backend, channelIds, from, to)
}

export type { LocalizedText }
