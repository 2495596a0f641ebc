import type { LeftOutPart, SkipReason } from './errors'
import { creditsOf, genresOf, progressiveFiles, subtitleLeftOut, textLanguage } from './feedFields'
import { htmlToText } from './htmlText'
import type { Language } from './schema'
import {
  calendarDate,
  clip,
  field,
  imageUrl,
  instant,
  isRecord,
  languageCode,
  list,
  num,
  slug,
  subtitleFormat,
  text,
  timecode,
  videoKind,
} from './tolerant'

/**
 * One Direct Publisher item (movie, short-form video, TV special, series) mapped onto the app's
 * title input, read tolerantly: single objects for lists, numbers as strings, `ratings` for
 * `rating`, `Language` for `language`, genres outside Roku's list, MP4 files, sidecar captions.
 * The result still passes the app's schema (parse.ts); what mapping alone can tell is wrong (no
 * playable video) comes back as a reason.
 */

export interface MappedItem {
  raw: Record<string, unknown>
  /** A reason to skip the item, found while mapping (the schema gives the others). */
  skip?: { reason: SkipReason; message: string }
  /** Lower-case tags, for category queries. */
  tags: string[]
  /** Release date as YYYY-MM-DD, or '' when the feed has none that reads (sorting categories). */
  released: string
  /** Parts of the item not shown (subtitle files the player cannot use, credits' roles). */
  leftOut: LeftOutPart[]
}

export interface FeedContext {
  language: Language
  audioFallback: string
  brand: { id: string; name: string; kind: 'distributor' }
}

interface Stream {
  dash?: string
  hls?: string
  mp4?: string
  mp4Fallbacks?: string[]
  subtitles?: { url: string; language: string; format: string; captions?: boolean }[]
}

/**
 * An item's or episode's `content`: the specification's one object, or the first of a list, as
 * exports that write every child as an array send it (taken as absent, the item had no video).
 */
export function contentOf(holder: Record<string, unknown>): Record<string, unknown> {
  return list(field(holder, 'content')).find(isRecord) ?? {}
}

/** Ratings of an item: `rating` or `ratings`, one object or a list, `ratingSource` + `rating`. */
export function ratingsOf(item: Record<string, unknown>): { system: string; value: string }[] {
  return list(field(item, 'rating', 'ratings', 'parentalRating'))
    .filter(isRecord)
    .flatMap((entry) => {
      const value = text(field(entry, 'rating', 'value'))
      const system = text(field(entry, 'ratingSource', 'source', 'system', 'scheme'))
      return value ? [{ system: clip(system ?? 'unknown', 40), value: clip(value, 40) }] : []
    })
    .slice(0, 12)
}

function subtitlesOf(content: Record<string, unknown>): {
  subtitles: NonNullable<Stream['subtitles']>
  leftOut: LeftOutPart[]
} {
  const leftOut: LeftOutPart[] = []
  const subtitles = list(field(content, 'captions', 'caption', 'subtitles'))
    .filter(isRecord)
    .flatMap((caption) => {
      const url = text(field(caption, 'url', 'href'))
      if (!url) return []
      const writtenLanguage = text(field(caption, 'language', 'lang'))
      const type = text(field(caption, 'format', 'type'))
      const language = languageCode(writtenLanguage)
      const format = subtitleFormat(type, url)
      if (!format || !language) {
        const left = subtitleLeftOut(url, format, language, { type, language: writtenLanguage })
        if (left) leftOut.push(left)
        return []
      }
      const captions = /closed/i.test(text(field(caption, 'captionType')) ?? '')
      return [{ url, language, format, ...(captions ? { captions } : {}) }]
    })
    .slice(0, 20)
  return { subtitles, leftOut }
}

/**
 * Progressive files' qualities, least wanted first. A file has no adaptive bitrate: the box takes
 * all of it at once. A UHD one is four times the bits of Full HD, and usually HEVC, which many
 * boxes cannot decode: it is taken over SD only, when there is no Full HD or HD file.
 */
const QUALITIES = ['SD', 'UHD', 'HD', 'FHD']

/** Quality first, then bitrate (kbps), so "FHD" beats "HD" and 5000 beats 2500 within one. */
function qualityRank(video: Record<string, unknown>): number {
  const quality = QUALITIES.indexOf(text(video.quality)?.toUpperCase() ?? '')
  const bitrate = Math.min(num(video.bitrate) ?? 0, 99_999)
  return (quality + 1) * 100_000 + bitrate
}

/** The playable stream of a content object: DASH, HLS and MP4 URLs, and sidecar subtitles. */
export function streamOf(content: unknown): {
  stream?: Stream
  skip?: MappedItem['skip']
  leftOut?: LeftOutPart[]
} {
  const record = isRecord(content) ? content : {}
  const videos = list(field(record, 'videos', 'video')).filter(isRecord)
  const stream: Stream = {}
  let smooth = false
  const files: { url: string; rank: number }[] = []
  for (const video of videos) {
    const url = text(field(video, 'url'))
    if (!url) continue
    const kind = videoKind(field(video, 'videoType', 'type'), url)
    if (kind === 'smooth') smooth = true
    else if (kind === 'mp4') files.push({ url, rank: qualityRank(video) })
    else if (kind && !stream[kind]) stream[kind] = url
  }
  // Several MP4 files are the same video in several qualities: the best one plays (QUALITIES),
  // the others in turn should it not (mp4Fallbacks).
  const [mp4, ...fallbacks] = progressiveFiles(files)
  if (mp4) stream.mp4 = mp4
  if (fallbacks.length) stream.mp4Fallbacks = fallbacks
  if (!stream.dash && !stream.hls && !stream.mp4) {
    return {
      skip: {
        reason: 'no-playable-video',
        message: smooth
          ? 'content.videos: only Smooth Streaming, which the app does not play'
          : 'content.videos: no video',
      },
    }
  }
  const { subtitles, leftOut } = subtitlesOf(record)
  return { stream: subtitles.length ? { ...stream, subtitles } : stream, leftOut }
}

const minutesOf = (seconds: unknown): number | undefined => {
  // Seconds as the specification says, or "1:30:00" as some exports write it.
  const value = timecode(seconds)
  return value && value > 0 ? Math.min(600, Math.max(1, Math.round(value / 60))) : undefined
}

/** Availability window and ad breaks of a content object (or of the item, where feeds put them). */
function scheduleOf(item: Record<string, unknown>, content: Record<string, unknown>) {
  const from = instant(field(content, 'validityPeriodStart') ?? field(item, 'validityPeriodStart'))
  const until = instant(field(content, 'validityPeriodEnd') ?? field(item, 'validityPeriodEnd'))
  const adBreaks = list(field(content, 'adBreaks') ?? field(item, 'adBreaks'))
    .map(timecode)
    .filter((seconds): seconds is number => seconds !== undefined)
    .slice(0, 50)
  return {
    ...(from ? { availableFrom: from } : {}),
    ...(until ? { availableUntil: until } : {}),
    ...(adBreaks.length ? { adBreaks } : {}),
  }
}

/** Whether a film, or any episode of a series, carries ad break positions. */
function hasAdBreaks(raw: Record<string, unknown>): boolean {
  const breaksIn = (value: unknown) => isRecord(value) && Array.isArray(value.adBreaks)
  if (breaksIn(raw)) return true
  const seasons = Array.isArray(raw.seasons) ? raw.seasons : []
  return seasons.some(
    (season) =>
      isRecord(season) && Array.isArray(season.episodes) && season.episodes.some(breaksIn),
  )
}

/** The year of a date in any form calendarDate reads, else of any four digits standing alone. */
const yearOf = (date: unknown): number | undefined => {
  const match = calendarDate(date)?.match(/^\d{4}/) ?? text(date)?.match(/(?:^|\D)(\d{4})(?!\d)/)
  const year = Number(match?.[1] ?? match?.[0])
  return year >= 1895 && year <= 2100 ? year : undefined
}

function textsOf(item: Record<string, unknown>, language: Language) {
  // CMSs export what their editors typed: entities and tags ("Tom &amp; Jerry", "<p>...</p>").
  const plain = (value: unknown): string | undefined => {
    const raw = text(value)
    return raw === undefined ? undefined : text(htmlToText(raw))
  }
  const title = plain(item.title)
  // Exports of CMSs that were not written for the feed name their one text `description`.
  const synopsis =
    plain(item.longDescription) ?? plain(item.shortDescription) ?? plain(item.description) ?? title
  return {
    title: title ? { [language]: clip(title, 200) } : item.title,
    synopsis: synopsis ? { [language]: clip(synopsis, 4000) } : undefined,
    originalTitle: title ? clip(title, 200) : item.title,
  }
}

/**
 * The numbers of seasons (or of a season's episodes) as the feed gives them, each once: one left
 * out, 0, or already taken by an earlier one (Roku requires them, yet exports leave them off a
 * "Specials" season) takes its place in the list if that number is free, else the next free one.
 * Two seasons both numbered 2 could not be told apart, and one of them could not be opened.
 */
export function distinctNumbers(written: readonly (number | undefined)[]): number[] {
  const valid = written.map((n) => (n !== undefined && n >= 0.5 ? Math.round(n) : undefined))
  const taken = new Set<number>()
  const kept = valid.map((n) => {
    if (n === undefined || taken.has(n)) return undefined
    taken.add(n)
    return n
  })
  return kept.map((n, index) => {
    if (n !== undefined) return n
    let free = index + 1
    while (taken.has(free)) free++
    taken.add(free)
    return free
  })
}

function mapEpisode(
  episode: Record<string, unknown>,
  position: { seriesId: string; season: number; number: number },
  language: Language,
  leftOut: LeftOutPart[],
): Record<string, unknown> | undefined {
  const content = contentOf(episode)
  const { stream, leftOut: parts = [] } = streamOf(content)
  // An episode without a playable video is left out; the series keeps the others.
  if (!stream) return undefined
  leftOut.push(...parts)
  const ratings = ratingsOf(episode)
  const texts = textsOf(episode, language)
  return {
    id: slug(text(episode.id) ?? `${position.seriesId}-s${position.season}e${position.number}`),
    number: position.number,
    title: texts.title,
    synopsis: texts.synopsis ?? { [language]: '-' },
    ...(minutesOf(content.duration) ? { durationMinutes: minutesOf(content.duration) } : {}),
    stream,
    ...(ratings.length ? { ratings } : {}),
    ...scheduleOf(episode, content),
  }
}

const seasonNumberOf = (season: Record<string, unknown>) =>
  num(field(season, 'seasonNumber', 'number'))
const episodesOf = (season: Record<string, unknown>) =>
  list(field(season, 'episodes', 'episode')).filter(isRecord)
const episodeNumberOf = (episode: Record<string, unknown>) =>
  num(field(episode, 'episodeNumber', 'episode'))

/**
 * Season blocks that carry the same number are one season split in parts (a CMS that pages its
 * export), unless their episodes' numbers collide, which makes the later block another season
 * misnumbered: merged in feed order, rather than a made-up season 2 holding episode 11.
 */
export function mergedSeasonBlocks(
  blocks: readonly Record<string, unknown>[],
): { seasonNumber: number | undefined; episodes: Record<string, unknown>[] }[] {
  const merged: { seasonNumber: number | undefined; episodes: Record<string, unknown>[] }[] = []
  for (const block of blocks) {
    const seasonNumber = seasonNumberOf(block)
    const episodes = episodesOf(block)
    const same =
      seasonNumber === undefined
        ? undefined
        : merged.find((season) => season.seasonNumber === seasonNumber)
    const taken = new Set(same?.episodes.map(episodeNumberOf))
    const collides = (episode: Record<string, unknown>) => {
      const n = episodeNumberOf(episode)
      return n !== undefined && taken.has(n)
    }
    if (same && !episodes.some(collides)) same.episodes.push(...episodes)
    else merged.push({ seasonNumber, episodes })
  }
  return merged
}

function seasonsOf(
  item: Record<string, unknown>,
  seriesId: string,
  language: Language,
  leftOut: LeftOutPart[],
) {
  const seasons = list(field(item, 'seasons', 'season')).filter(isRecord)
  const groups = mergedSeasonBlocks(
    seasons.length ? seasons : [{ seasonNumber: 1, episodes: field(item, 'episodes', 'episode') }],
  )
  const seasonNumbers = distinctNumbers(groups.map((season) => season.seasonNumber))
  return groups.map((season, seasonIndex) => {
    const seasonNumber = seasonNumbers[seasonIndex]!
    const episodes = season.episodes
    const numbers = distinctNumbers(episodes.map(episodeNumberOf))
    return {
      number: seasonNumber,
      episodes: episodes.flatMap((episode, index) => {
        const position = { seriesId, season: seasonNumber, number: numbers[index]! }
        const mapped = mapEpisode(episode, position, language, leftOut)
        return mapped ? [mapped] : []
      }),
    }
  })
}

/** Maps one item of the feed; `kind` follows the list it came from. */
export function mapDirectPublisherItem(
  item: Record<string, unknown>,
  kind: 'film' | 'series',
  feed: FeedContext,
): MappedItem {
  const content = contentOf(item)
  const audio = languageCode(content.language) ?? feed.audioFallback
  const language = textLanguage(languageCode(content.language), feed.language)
  const rawId = text(item.id)
  const id = rawId ? slug(rawId) : undefined
  const { genres, genreLabels } = genresOf(item.genres)
  const { cast, crew, leftOut } = creditsOf(field(item, 'credits', 'credit'))
  const thumbnail = imageUrl(field(item, 'thumbnail', 'thumbnailUrl', 'image'))
  const ratings = ratingsOf(item)
  // Sortable, so a most_recent category orders day-first and e-mail dates by time, not as text.
  const released = calendarDate(item.releaseDate) ?? calendarDate(content.dateAdded) ?? ''
  // A release date that cannot be read falls back on the date added, as a missing one does.
  const year = yearOf(item.releaseDate) ?? yearOf(content.dateAdded)
  const raw: Record<string, unknown> = {
    id: id || item.id,
    kind,
    ...textsOf(item, language),
    ...(year ? { year } : {}),
    genres,
    ...(genreLabels.length ? { genreLabels } : {}),
    countries: ['ZZ'],
    cast,
    crew,
    brand: feed.brand,
    originalLanguage: audio,
    audioLanguages: [audio],
    subtitleLanguages: [],
    ...(ratings.length ? { ratings } : {}),
    offers: [{ type: 'free' }],
    // Direct Publisher thumbnails are 16:9: a backdrop, which tiles frame as a poster.
    artwork: thumbnail ? { backdrop: thumbnail } : {},
  }
  let skip: MappedItem['skip']
  if (kind === 'film') {
    const mapped = streamOf(content)
    skip = mapped.skip
    leftOut.push(...(mapped.leftOut ?? []))
    raw.stream = mapped.stream
    const minutes = minutesOf(content.duration)
    if (minutes) raw.durationMinutes = minutes
    Object.assign(raw, scheduleOf(item, content))
    raw.subtitleLanguages = [...new Set(mapped.stream?.subtitles?.map((s) => s.language) ?? [])]
  } else {
    const seasons = seasonsOf(item, rawId ?? 'series', language, leftOut)
    const episodes = seasons.flatMap((season) => season.episodes)
    if (!episodes.length) {
      skip = { reason: 'no-playable-video', message: 'seasons: no episode with a playable video' }
    }
    raw.seasons = seasons.filter((season) => season.episodes.length)
    raw.subtitleLanguages = [
      ...new Set(
        episodes.flatMap((episode) =>
          ((episode.stream as Stream).subtitles ?? []).map((s) => s.language),
        ),
      ),
    ]
    Object.assign(raw, scheduleOf(item, content))
  }
  // Roku's feed has no offers: its adBreaks are what makes a title ad-supported, and only an
  // ad-supported access plays breaks (entitlements/access.ts), so a free title would drop them.
  if (hasAdBreaks(raw)) raw.offers = [{ type: 'ads' }]
  // An id of spaces is as missing as none: the schema would report it by that blank id.
  if (!skip && !rawId) skip = { reason: 'missing-field', message: 'id: missing or empty' }
  // Said plainly: left to the schema, an empty title reads "expected object, received string".
  if (!skip && !text(item.title) && !isRecord(item.title)) {
    skip = { reason: 'missing-field', message: 'title: missing or empty' }
  }
  // One string of comma-separated tags ("famille, humour"), as exports join genres too, is that
  // many tags: taken whole, a category's query for "famille" found no title.
  const tags = list(item.tags)
    .flatMap((tag) => (text(tag) ?? '').split(','))
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean)
  return { raw, ...(skip ? { skip } : {}), tags, released, leftOut }
}
