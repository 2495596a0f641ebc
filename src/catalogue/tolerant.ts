import { hashId } from './stableHash'

/**
 * Readers for what real feed exports send, shared by the feed adapters (Direct Publisher, MRSS):
 * a single object where a list is expected, numbers written as strings, ISO 639-2 language
 * codes, dates in several ISO 8601 and RFC 822 shapes, time codes. Each returns undefined (or an
 * empty list) for what it cannot read, so the adapter decides whether that matters.
 */

/** A list from a list, a single value, or nothing. */
export function list<T = unknown>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[]
  if (value === undefined || value === null || value === '') return []
  return [value as T]
}

/** A trimmed, non-empty string from a string or a number. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

/** A finite number from a number or a numeric string ("5430", " 12 ", "74.74"). */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  return undefined
}

/**
 * An image's URL as exports write it: the URL itself, an object holding it (`{ "url": ...,
 * "width": 1280 }`, as CMSs that describe their images send it), or a list of those (the first).
 */
export function imageUrl(value: unknown): string | undefined {
  for (const entry of list(value)) {
    const url = isRecord(entry) ? text(field(entry, 'url', 'href', 'src')) : text(entry)
    if (url) return url
  }
  return undefined
}

/** A field under any of its spellings (e.g. `language` / `Language`, `rating` / `ratings`). */
export function field(record: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) if (record[name] !== undefined) return record[name]
  const lower = new Map(Object.keys(record).map((key) => [key.toLowerCase(), key]))
  for (const name of names) {
    const key = lower.get(name.toLowerCase())
    if (key !== undefined) return record[key]
  }
  return undefined
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** ISO 639-2 (bibliographic and terminology) codes feeds use for the languages seen here. */
const ISO_639_2: Record<string, string> = {
  fre: 'fr',
  fra: 'fr',
  dut: 'nl',
  nld: 'nl',
  vls: 'nl',
  ger: 'de',
  deu: 'de',
  eng: 'en',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  ara: 'ar',
  tur: 'tr',
  pol: 'pl',
  wln: 'wa',
}

/**
 * Languages by the names CMSs write where a code belongs ("English", "Français", "Nederlands"),
 * in English and in the language itself, and in French, Dutch and German for Belgian CMSs
 * (without accents or case).
 */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  anglais: 'en',
  engels: 'en',
  englisch: 'en',
  french: 'fr',
  francais: 'fr',
  frans: 'fr',
  franzosisch: 'fr',
  dutch: 'nl',
  flemish: 'nl',
  nederlands: 'nl',
  vlaams: 'nl',
  neerlandais: 'nl',
  flamand: 'nl',
  niederlandisch: 'nl',
  german: 'de',
  deutsch: 'de',
  allemand: 'de',
  duits: 'de',
  spanish: 'es',
  espanol: 'es',
  espagnol: 'es',
  italian: 'it',
  italiano: 'it',
  italien: 'it',
  portuguese: 'pt',
  portugues: 'pt',
  arabic: 'ar',
  arabe: 'ar',
  turkish: 'tr',
  turc: 'tr',
  polish: 'pl',
  polski: 'pl',
}

/**
 * "fr", "fr-BE", "FR_be", "fre", "fra", "Français", "English (US)" -> "fr" or "en"; anything
 * else -> undefined.
 */
export function languageCode(value: unknown): string | undefined {
  const raw = text(value)?.toLowerCase()
  if (!raw) return undefined
  const head = raw.split(/[-_]/)[0]!
  if (/^[a-z]{2}$/.test(head)) return head
  if (ISO_639_2[head]) return ISO_639_2[head]
  const name = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z]/)[0]!
  return LANGUAGE_NAMES[name]
}

/**
 * European zone names as European CMSs write them at the end of an RFC 822 date ("20:00:00 CET");
 * the engines' parsers know only the American ones RFC 822 lists, and refuse the rest.
 */
const ZONE_OFFSETS: Record<string, string> = {
  WET: '+0000',
  WEST: '+0100',
  BST: '+0100',
  IST: '+0100',
  CET: '+0100',
  MET: '+0100',
  CEST: '+0200',
  MEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
}

/** "+0100" for "CET" (any case), undefined for a name not in the list. */
export const zoneOffset = (name: string): string | undefined => ZONE_OFFSETS[name.toUpperCase()]

function withNumericZone(raw: string): string {
  const zone = raw.match(/\s([A-Z]{3,4})$/)?.[1]
  const offset = zone ? ZONE_OFFSETS[zone] : undefined
  return offset ? `${raw.slice(0, -zone!.length)}${offset}` : raw
}

const DAY_MS = 86_400_000

/** The first day (UTC ms) of ISO week `week` of `year`, plus `day - 1`; undefined if none. */
function weekDay(year: number, week: number, day: number): number | undefined {
  // Week 1 is the one holding 4 January; a year has week 53 only when its Thursday is that year.
  const january4 = Date.UTC(year, 0, 4)
  const monday = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS
  const start = monday + (week - 1) * 7 * DAY_MS
  if (week < 1 || new Date(start + 3 * DAY_MS).getUTCFullYear() !== year) return undefined
  return start + (day - 1) * DAY_MS
}

/** The `day`th day (UTC ms) of `year`, from 1; undefined past its last. */
function ordinalDay(year: number, day: number): number | undefined {
  const ms = Date.UTC(year, 0, day)
  return day >= 1 && new Date(ms).getUTCFullYear() === year ? ms : undefined
}

/**
 * ISO 8601's week dates ("2024-W05-3", "2024W053", "2024-W05") and ordinal dates ("2024-035",
 * "2024035") rewritten as the calendar date they name, in the same basic or extended form, with
 * what follows (a time) kept: the other readers, and the engines, know calendar dates only.
 * Anything else comes back as it is; a week or a day the year does not have is undefined.
 */
export function asCalendarDate(raw: string): string | undefined {
  const week =
    /^(\d{4})(-?)W(\d{2})(?:\2([1-7]))?(?=[T\s]|$)/i.exec(raw) ??
    /^(\d{4})(-?)(\d{3})(?=[T\s]|$)/.exec(raw)
  if (!week) return raw
  const [matched, year, dash, number, weekday] = week
  const ms = /w/i.test(matched)
    ? weekDay(Number(year), Number(number), Number(weekday ?? 1))
    : ordinalDay(Number(year), Number(number))
  if (ms === undefined) return undefined
  const date = new Date(ms).toISOString().slice(0, 10)
  return `${dash ? date : date.replace(/-/g, '')}${raw.slice(matched.length)}`
}

/**
 * An ISO 8601 date and time in any of the standard's forms, basic ("20251231T235959Z") or
 * extended, with the hour alone, a comma before the fraction, or an offset of hours alone
 * ("+01"), rewritten in the one form every engine's Date.parse reads: "2025-12-31T23:59:59Z".
 * No zone is UTC. Undefined for anything else, which Date.parse is then left to read.
 */
function extendedIso(raw: string): string | undefined {
  const parts =
    /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})?(\d{2})?([.,]\d+)?(Z|[+-]\d{2}(?:\d{2})?)?$/i.exec(
      raw,
    ) ??
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2})(?::(\d{2}))?(?::(\d{2}))?([.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      raw,
    )
  if (!parts) return undefined
  const [, year, month, day, hour, minute = '00', second = '00', fraction = '', zone = 'Z'] = parts
  const offset = /^z$/i.test(zone)
    ? 'Z'
    : `${zone.slice(0, 3)}:${zone.replace(':', '').slice(3) || '00'}`
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.replace(',', '.')}${offset}`
}

/**
 * A Unix time as CMSs export their database's timestamps, in seconds (9 or 10 digits) or in
 * milliseconds (13: since 2001), as a number or a string of digits: its ms, else undefined.
 * Twelve digits are a compact date and time (YYYYMMDDhhmm), not milliseconds before 2001.
 */
export function unixTime(written: string): number | undefined {
  if (!/^\d{9,10}$|^\d{13}$/.test(written)) return undefined
  return written.length > 10 ? Number(written) : Number(written) * 1000
}

/**
 * An instant as an ISO string: ISO 8601 with or without a zone (no zone is read as UTC, the
 * usual meaning in feed exports) in its basic or extended form, a date alone (its first moment,
 * UTC), RFC 822 (RSS pubDate), or a Unix time. A form the engine would not read gives undefined, never a
 * window left open: an expiry written "20251231T235959Z" must still end the title's rights.
 */
export function instant(value: unknown): string | undefined {
  const written = text(value)
  const unix = written ? unixTime(written) : undefined
  if (unix !== undefined) return new Date(unix).toISOString()
  const raw = written && asCalendarDate(written)
  if (!raw) return undefined
  let candidate = extendedIso(raw) ?? withNumericZone(raw)
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) candidate = `${raw}T00:00:00Z`
  else if (/^\d{4}\d{2}\d{2}$/.test(raw))
    candidate = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6)}T00:00:00Z`
  const ms = Date.parse(candidate)
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined
}

/**
 * A date as "YYYY-MM-DD", which sorts as text: whatever `instant` reads, and the numeric dates
 * exports write ("05/01/2021", "5.1.2021", "05-01-2021"). Those are read day first, as Belgian
 * CMSs write them, unless the second number cannot be a month (a US "12/31/2021").
 */
export function calendarDate(value: unknown): string | undefined {
  const written = text(value)
  const raw = written && asCalendarDate(written)
  if (!raw) return undefined
  // The date as written, not moved to UTC: "2021-05-01T00:30+02:00" was released on 1 May.
  const iso = raw.match(/^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/)
  if (iso) return iso[1]
  // ISO 8601's basic form, as some exports write it: "20210501".
  const basic = raw.match(/^(\d{4})(\d{2})(\d{2})(?:T\d|$)/i)
  if (basic) {
    const [month, day] = [Number(basic[2]), Number(basic[3])]
    return month >= 1 && month <= 12 && day >= 1 && day <= 31
      ? `${basic[1]}-${basic[2]}-${basic[3]}`
      : undefined
  }
  // A Unix time, in seconds or milliseconds, as a JSON number or a string of digits.
  const unix = unixTime(raw)
  if (unix !== undefined) return new Date(unix).toISOString().slice(0, 10)
  // Any other run of digits but a year alone is no date (the engine would read "12345" as a year).
  if (/^\d+$/.test(raw) && raw.length !== 4) return undefined
  const numeric = numericDate(raw)
  if (numeric) return numeric.date
  return instant(raw)?.slice(0, 10)
}

/**
 * A numeric date at the start of `raw` ("05/01/2021", "5.1.2021", "05-01-2021"), day first unless
 * the second number cannot be a month: its "YYYY-MM-DD" (undefined when no such day) and what
 * follows it. Undefined when `raw` does not start with one.
 */
function numericDate(raw: string): { date?: string; rest: string } | undefined {
  const numeric = raw.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?=\D|$)/)
  if (!numeric) return undefined
  const rest = raw.slice(numeric[0].length)
  const [first, second, year] = [Number(numeric[1]), Number(numeric[2]), numeric[3]!]
  const [day, month] = second > 12 ? [second, first] : [first, second]
  if (month < 1 || month > 12 || day < 1 || day > 31) return { rest }
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, rest }
}

/** The instant (ms) a wall-clock reading written without a zone stands for; month is 1-12. */
export type WallClock = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
) => number

const utcWallClock: WallClock = (year, month, day, hour, minute, second) =>
  Date.UTC(year, month - 1, day, hour, minute, second)

/** How `dayFirstInstant` reads times written without a zone; each UTC unless given. */
export interface ZonelessReading {
  /** ISO 8601 ("2026-12-05T23:15", "2026-12-05 23:15:00", "2026-12-05"). */
  iso?: WallClock
  /** Numeric dates day first ("05/12/2026 23:15", "05-12-2026"). */
  dayFirst?: WallClock
}

/** The zone-less ISO 8601 shapes `instant` reads as UTC: a date, with or without a time. */
const ISO_ZONELESS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/

type Reading = Parameters<WallClock>

/** A checked reading, or undefined for one that names no real moment (31/02, 25:00). */
function readWallClock(clock: WallClock, reading: Reading): number | undefined {
  const [year, month, day, hour, minute, second] = reading
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined
  // 31/02 is no day: Date.UTC would move it into March.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined
  return clock(...reading)
}

/**
 * As `instant`, and numeric dates read as `calendarDate` reads them, with an optional time and
 * zone ("05/12/2026 15:30", "5.12.2026 15:30:00 +01:00"). A time without a zone is read as
 * `zoneless` says. The engines read "05/12/2026" month first in local time, which no European
 * export means; a numeric date that is no such day or whose time is not one is undefined, never
 * the engine's guess.
 */
export function dayFirstInstant(
  value: unknown,
  zoneless: ZonelessReading = {},
): string | undefined {
  const written = text(value)
  const raw = written && asCalendarDate(written)
  const numeric = raw ? numericDate(raw) : undefined
  if (!numeric) {
    const clock = zoneless.iso
    const iso = clock && raw?.match(ISO_ZONELESS)
    if (!clock || !iso) return instant(value)
    const ms = readWallClock(clock, [1, 2, 3, 4, 5, 6].map((i) => Number(iso[i] ?? 0)) as Reading)
    if (ms === undefined) return undefined
    // Fractions of a second are kept as `instant` keeps them.
    return new Date(ms + Math.round(Number(`0.${iso[7] ?? 0}`) * 1000)).toISOString()
  }
  const time = numeric.rest.match(
    /^(?:(?:T|\s+|\s*,\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/i,
  )
  if (!numeric.date || !time) return undefined
  const reading = [...numeric.date.split('-'), time[1], time[2], time[3]].map((part) =>
    Number(part ?? 0),
  ) as Reading
  const zone = time[4]?.toUpperCase()
  const ms = readWallClock(zone ? utcWallClock : (zoneless.dayFirst ?? utcWallClock), reading)
  if (ms === undefined) return undefined
  const offset =
    zone === undefined || zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) *
        (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) *
        60_000
  return new Date(ms - offset).toISOString()
}

/** "01:02:03", "02:03", "63.5", 63.5 or an ISO 8601 duration ("PT1H30M", "P0DT1H") -> seconds. */
export function timecode(value: unknown): number | undefined {
  const plain = num(value)
  if (plain !== undefined) return plain >= 0 ? plain : undefined
  const raw = text(value)
  // XML Schema's xs:duration, as some serialisers write it, carries a day part, and years and
  // months at zero: "P0DT1H30M0S", "P0Y0M0DT1H30M0.000S". A year or a month is no one's length.
  const iso = raw?.match(
    /^P(?:0+Y)?(?:0+M)?(?:(\d+(?:\.\d+)?)D)?T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i,
  )
  // A day alone ("P1D") is a period, not a programme's length: a time part must be there.
  if (iso && (iso[2] ?? iso[3] ?? iso[4]) !== undefined)
    return (
      Number(iso[1] ?? 0) * 86400 +
      Number(iso[2] ?? 0) * 3600 +
      Number(iso[3] ?? 0) * 60 +
      Number(iso[4] ?? 0)
    )
  const match = raw?.match(/^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/)
  if (match) return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3])
  return spokenDuration(raw)
}

/** Durations as people type them in a CMS: "1h32m", "1 h 32", "92 min", "5530 seconds". */
function spokenDuration(raw: string | undefined): number | undefined {
  const parts = raw
    ?.toLowerCase()
    .match(
      /^(?:(\d+(?:[.,]\d+)?)\s*(?:hours?|hrs|hr|heures?|uur|h)\s*)?(?:(\d+(?:[.,]\d+)?)\s*(?:minutes?|minuten|mins|min|mn|m|(?=$))\s*)?(?:(\d+(?:[.,]\d+)?)\s*(?:seconds?|secondes?|seconden|secs|sec|s)\s*)?$/,
    )
  if (!parts || (parts[1] ?? parts[2] ?? parts[3]) === undefined) return undefined
  const value = (part: string | undefined) => Number((part ?? '0').replace(',', '.'))
  // A bare number after hours is minutes ("1 h 32"); alone it was read above as seconds.
  return value(parts[1]) * 3600 + value(parts[2]) * 60 + value(parts[3])
}

export type VideoKind = 'hls' | 'dash' | 'mp4' | 'smooth'

/**
 * The kind of a video from its declared type (HLS, DASH, MP4, MOV, M4V...) or its URL. 'mp4' is
 * any file the video element plays by itself: WebM too, which no feed specification names but
 * exports carry, and which web engines play.
 */
export function videoKind(type: unknown, url: string): VideoKind | undefined {
  const declared = text(type)?.toLowerCase() ?? ''
  if (/hls|mpegurl|m3u8/.test(declared)) return 'hls'
  if (/dash|mpd/.test(declared)) return 'dash'
  if (/smooth|ism/.test(declared)) return 'smooth'
  if (/mp4|m4v|mov|quicktime|webm/.test(declared)) return 'mp4'
  const path = url.split(/[?#]/)[0]!.toLowerCase()
  if (path.endsWith('.m3u8')) return 'hls'
  if (path.endsWith('.mpd')) return 'dash'
  if (/\.ism(\/manifest)?$/.test(path)) return 'smooth'
  if (/\.(mp4|m4v|mov|webm)$/.test(path)) return 'mp4'
  return undefined
}

export type SubtitleFormat = 'vtt' | 'ttml' | 'srt'

/**
 * The format of a subtitle file from its declared type or its URL's extension. A URL that names
 * no file (`/subs?id=5`, a script's `.php`) and comes without a type is read as WebVTT, the web's
 * own format: the player declares it so, and a file that is something else then says it cannot
 * be read (a toast) instead of never being offered.
 */
export function subtitleFormat(type: unknown, url: string): SubtitleFormat | undefined {
  const declared = text(type)?.toLowerCase() ?? ''
  if (/vtt/.test(declared)) return 'vtt'
  if (/srt|subrip/.test(declared)) return 'srt'
  if (/ttml|dfxp|ttaf/.test(declared)) return 'ttml'
  const path = url.split(/[?#]/)[0]!.toLowerCase()
  if (/\.(web)?vtt$/.test(path)) return 'vtt'
  if (path.endsWith('.srt')) return 'srt'
  if (/\.(ttml|dfxp|xml)$/.test(path)) return 'ttml'
  const file = path.slice(path.lastIndexOf('/') + 1)
  if (!declared && (!file.includes('.') || /\.(php|aspx?|ashx|jsp|cgi)$/.test(file))) return 'vtt'
  return undefined
}

/** A free string's letters and digits, lower case and without accents, joined by "-". */
export const slugWords = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

/** The longest slug `slug` gives. */
export const SLUG_MAX = 120

/**
 * Feed ids are free strings; the app's are lowercase slugs of at most SLUG_MAX characters. A
 * longer one keeps its beginning and a hash of all of it: CMSs build ids from paths or URLs that
 * share their first hundred characters, and cut short two such items were one title.
 */
export function slug(value: string): string {
  const words = slugWords(value)
  if (words.length <= SLUG_MAX) return words
  const hash = hashId(words).toString(36)
  return `${words.slice(0, SLUG_MAX - hash.length - 1).replace(/-+$/, '')}-${hash}`
}

/** Clips a text to a length the model accepts, on a word boundary when there is one. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value
  const cut = value.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}

/** Keys whose string values are URLs in a feed item as the adapters build it. */
const URL_KEYS = new Set(['dash', 'hls', 'mp4', 'url', 'poster', 'backdrop', 'logo'])

/**
 * A URL as an engine would send it: a space, a non-ASCII letter or a `|` that a CMS wrote raw is
 * percent-encoded ("my poster.jpg" is "my%20poster.jpg"); what is already encoded stays.
 */
export function encodedUrl(value: string): string {
  return value.trim().replace(/[^\w\-./%~:@?=&+#!$'()*,;[\]]/gu, (c) => encodeURIComponent(c))
}

/** Every URL in a mapped item (its stream, subtitles, artwork, episodes) encoded as above. */
export function encodeUrlsIn<T>(value: T): T {
  if (Array.isArray(value)) return value.map(encodeUrlsIn) as T
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value))
    out[key] =
      typeof inner === 'string' && URL_KEYS.has(key) ? encodedUrl(inner) : encodeUrlsIn(inner)
  return out as T
}
