import { z } from 'zod'
import type {
  BackendHost,
  CatalogueBackend,
  CatalogueLoad,
  LoadOptions,
  NotModified,
  RailLayout,
} from './backend'
import {
  CatalogueError,
  CatalogueErrorCode,
  notContractError,
  type CatalogueProblem,
} from './errors'
import { fetchJson, policyFrom } from './http'
import { logProblems } from './httpBackend'
import { parseTitles } from './parse'
import { LANGUAGES, type Genre, type Language, type Title } from './schema'
import { resolveTitleUrls } from './urls'

/**
 * The Roku Direct Publisher JSON feed, as many video CMSs export it, mapped onto the app's model
 * (docs/catalogue-api/direct-publisher.md lists what maps to what and what is ignored).
 * `appSettings.catalogue.url` is the feed's URL; the whole feed is one document, revalidated with
 * its ETag / Last-Modified. Items are mapped to the app's titles, then pass the same validator as
 * every backend: an item that cannot be mapped (no HLS/DASH video, unknown rating, no genre the
 * app knows...) is skipped and reported, the rest shows. Categories become home rails.
 */

const BACKEND = 'directpublisher'

const feedSchema = z.object({
  providerName: z.string().min(1).max(200),
  language: z.string().optional(),
  lastUpdated: z.string().optional(),
  movies: z.array(z.unknown()).optional(),
  series: z.array(z.unknown()).optional(),
  shortFormVideos: z.array(z.unknown()).optional(),
  tvSpecials: z.array(z.unknown()).optional(),
  categories: z.array(z.unknown()).optional(),
  playlists: z.array(z.unknown()).optional(),
})
type Feed = z.infer<typeof feedSchema>

/** Loose shapes: fields are checked as they are mapped, the result by the app's schema. */
interface FeedVideo {
  url?: unknown
  quality?: unknown
  videoType?: unknown
}
interface FeedContent {
  dateAdded?: unknown
  duration?: unknown
  language?: unknown
  videos?: FeedVideo[]
  captions?: { url?: unknown; language?: unknown; captionType?: unknown }[]
}
interface FeedItem {
  id?: unknown
  title?: unknown
  shortDescription?: unknown
  longDescription?: unknown
  thumbnail?: unknown
  releaseDate?: unknown
  genres?: unknown
  tags?: unknown
  rating?: { rating?: unknown; ratingSource?: unknown }
  credits?: { name?: unknown; role?: unknown }[]
  content?: FeedContent
  seasons?: { seasonNumber?: unknown; episodes?: FeedItem[] }[]
  episodes?: FeedItem[]
  episodeNumber?: unknown
}

/** Feed genres (Roku's fixed list) to the app's; the others are dropped. */
const GENRE_MAP: Record<string, Genre> = {
  drama: 'drama',
  comedy: 'comedy',
  thriller: 'thriller',
  crime: 'crime',
  documentary: 'documentary',
  animated: 'animation',
  animation: 'animation',
  children: 'family',
  family: 'family',
  romance: 'romance',
  fantasy: 'fantasy',
  history: 'history',
  historical: 'history',
  war: 'war',
  horror: 'horror',
  'science fiction': 'scifi',
  'sci-fi': 'scifi',
  music: 'music',
  musical: 'music',
  mystery: 'mystery',
  suspense: 'thriller',
}

type Csa = Title['rating']['csa']
type Kijkwijzer = Title['rating']['kijkwijzer']

/**
 * Ratings of the feed's rating systems, as Belgian ones (CSA, Kijkwijzer), the nearest age at or
 * above the original. A rating not in this table is "unknown": the item is skipped, because a
 * title without a trustworthy age would slip through parental control.
 */
const RATINGS: Record<string, Record<string, [Csa, Kijkwijzer]>> = {
  MPAA: {
    G: ['TP', 'AL'],
    PG: ['10', '9'],
    'PG-13': ['12', '14'],
    R: ['16', '16'],
    'NC-17': ['18', '18'],
  },
  USA_PR: {
    'TV-Y': ['TP', 'AL'],
    'TV-Y7': ['10', '9'],
    'TV-G': ['TP', 'AL'],
    'TV-PG': ['10', '9'],
    'TV-14': ['16', '14'],
    'TV-MA': ['18', '18'],
  },
  BBFC: {
    U: ['TP', 'AL'],
    PG: ['10', '9'],
    '12': ['12', '12'],
    '12A': ['12', '12'],
    '15': ['16', '16'],
    '18': ['18', '18'],
  },
  CSA: {
    TP: ['TP', 'AL'],
    '10': ['10', '9'],
    '12': ['12', '12'],
    '16': ['16', '16'],
    '18': ['18', '18'],
  },
  KIJKWIJZER: {
    AL: ['TP', 'AL'],
    '6': ['10', '6'],
    '9': ['10', '9'],
    '12': ['12', '12'],
    '14': ['16', '14'],
    '16': ['16', '16'],
    '18': ['18', '18'],
  },
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined

/** Feed ids are free strings; the app's are lowercase slugs. */
export const slug = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)

const languageOf = (value: unknown, fallback: Language): Language => {
  const code = str(value)?.slice(0, 2).toLowerCase()
  return (LANGUAGES as readonly string[]).includes(code ?? '') ? (code as Language) : fallback
}

const isoOf = (value: unknown): string | undefined => {
  const code = str(value)?.slice(0, 2).toLowerCase()
  return code && /^[a-z]{2}$/.test(code) ? code : undefined
}

interface Mapped {
  raw: Record<string, unknown>
  /** A reason to skip the item, found while mapping (the schema gives the others). */
  reason?: string
  tags: string[]
  released: string
}

function streamOf(content: FeedContent | undefined): {
  stream?: { dash?: string; hls?: string }
  reason?: string
} {
  const videos = Array.isArray(content?.videos) ? content.videos : []
  const byType = (type: string) =>
    videos.find((video) => str(video.videoType)?.toUpperCase() === type && str(video.url))
  const hls = str(byType('HLS')?.url)
  const dash = str(byType('DASH')?.url)
  if (!hls && !dash) {
    return {
      reason: videos.length
        ? 'content.videos: no HLS or DASH video (MP4 and Smooth are not played)'
        : 'content.videos: no video',
    }
  }
  return { stream: { ...(dash ? { dash } : {}), ...(hls ? { hls } : {}) } }
}

function ratingOf(item: FeedItem): {
  rating?: { csa: Csa; kijkwijzer: Kijkwijzer }
  reason?: string
} {
  const source = str(item.rating?.ratingSource)?.toUpperCase()
  const value = str(item.rating?.rating)?.toUpperCase()
  if (!source || !value) return { reason: 'rating: missing' }
  const pair = RATINGS[source]?.[value]
  if (!pair) return { reason: `rating: unknown rating "${source} ${value}"` }
  return { rating: { csa: pair[0], kijkwijzer: pair[1] } }
}

const minutesOf = (seconds: unknown): number | undefined =>
  typeof seconds === 'number' && seconds > 0 ? Math.max(1, Math.round(seconds / 60)) : undefined

function mapItem(
  item: FeedItem,
  kind: 'film' | 'series',
  feed: Feed,
  brand: { id: string; name: string; kind: 'distributor' },
): Mapped {
  const language = languageOf(item.content?.language ?? feed.language, 'en')
  const rawId = str(item.id)
  const id = rawId ? slug(rawId) : undefined
  const title = str(item.title)
  const synopsis = str(item.longDescription) ?? str(item.shortDescription) ?? title
  const released = str(item.releaseDate) ?? str(item.content?.dateAdded) ?? ''
  const year = Number(released.slice(0, 4)) || undefined
  const genres = [
    ...new Set(
      (Array.isArray(item.genres) ? item.genres : [])
        .map((genre) => GENRE_MAP[String(genre).toLowerCase()])
        .filter((genre): genre is Genre => Boolean(genre)),
    ),
  ]
  const credits = Array.isArray(item.credits) ? item.credits : []
  const people = credits
    .map((credit) => ({ name: str(credit.name), role: str(credit.role)?.toLowerCase() }))
    .filter((credit): credit is { name: string; role: string } => Boolean(credit.name))
  const crew = people
    .filter((p) => ['director', 'producer', 'writer', 'composer', 'creator'].includes(p.role))
    .map((p) => ({ name: p.name, role: p.role }))
  const cast = people
    .filter((p) => p.role === 'actor')
    .map((p) => ({ name: p.name, role: 'actor' }))
  const captions = Array.isArray(item.content?.captions) ? item.content.captions : []
  const { rating, reason: ratingReason } = ratingOf(item)
  const thumbnail = str(item.thumbnail)
  const audio = isoOf(item.content?.language ?? feed.language) ?? language
  const raw: Record<string, unknown> = {
    id: id ?? rawId ?? item.id,
    kind,
    title: title ? { [language]: title } : item.title,
    originalTitle: title ?? item.title,
    synopsis: synopsis ? { [language]: synopsis } : undefined,
    year,
    genres,
    countries: ['ZZ'],
    cast,
    crew: crew.length ? crew : [{ name: brand.name, role: 'producer' }],
    brand,
    originalLanguage: audio,
    audioLanguages: [audio],
    subtitleLanguages: [
      ...new Set(captions.map((caption) => isoOf(caption.language)).filter(Boolean)),
    ],
    rating,
    offers: [{ type: 'free' }],
    artwork: { poster: thumbnail ?? item.thumbnail, backdrop: thumbnail ?? item.thumbnail },
  }
  let reason = ratingReason
  if (!genres.length) reason ??= `genres: none the app knows (${JSON.stringify(item.genres)})`
  if (kind === 'film') {
    const { stream, reason: streamReason } = streamOf(item.content)
    raw.stream = stream
    raw.durationMinutes = minutesOf(item.content?.duration)
    reason ??= streamReason
  } else {
    const seasons = Array.isArray(item.seasons)
      ? item.seasons
      : Array.isArray(item.episodes)
        ? [{ seasonNumber: 1, episodes: item.episodes }]
        : []
    raw.seasons = seasons.map((season, seasonIndex) => ({
      number: Number(season.seasonNumber) || seasonIndex + 1,
      episodes: (Array.isArray(season.episodes) ? season.episodes : []).flatMap(
        (episode, episodeIndex) => {
          const mapped = streamOf(episode.content)
          // An episode without a playable video is left out; the series keeps the others.
          if (!mapped.stream) return []
          const episodeTitle = str(episode.title)
          return [
            {
              id: slug(
                str(episode.id) ?? `${rawId ?? 'x'}-s${seasonIndex + 1}e${episodeIndex + 1}`,
              ),
              number: Number(episode.episodeNumber) || episodeIndex + 1,
              title: episodeTitle ? { [language]: episodeTitle } : episode.title,
              synopsis: {
                [language]:
                  str(episode.longDescription) ??
                  str(episode.shortDescription) ??
                  episodeTitle ??
                  '-',
              },
              durationMinutes: minutesOf(episode.content?.duration),
              stream: mapped.stream,
            },
          ]
        },
      ),
    }))
  }
  const tags = (Array.isArray(item.tags) ? item.tags : []).map((tag) => String(tag).toLowerCase())
  return { raw, ...(reason ? { reason } : {}), tags, released }
}

interface Category {
  name: string
  playlistName?: string
  query?: string
  order?: string
}

/** Category queries are tag expressions: "a AND b", "a OR b" (no parentheses). */
function matchesQuery(query: string, tags: string[]): boolean {
  return query
    .split(/\s+OR\s+/i)
    .some((conjunction) =>
      conjunction.split(/\s+AND\s+/i).every((tag) => tags.includes(tag.trim().toLowerCase())),
    )
}

/** Maps a whole feed: titles (validated), categories as rails, and every skipped item reported. */
export function mapFeed(document: unknown, base: string): CatalogueLoad {
  const envelope = feedSchema.safeParse(document)
  if (!envelope.success) {
    throw notContractError(
      BACKEND,
      `${base} is not a Direct Publisher feed`,
      envelope.error.issues[0],
    )
  }
  const feed = envelope.data
  const brandId = slug(feed.providerName) || 'provider'
  const brand = { id: brandId, name: feed.providerName.slice(0, 80), kind: 'distributor' as const }
  const problems: CatalogueProblem[] = []
  const meta = new Map<string, { tags: string[]; released: string; feedId: string }>()
  const raws: unknown[] = []
  const sources: [unknown[] | undefined, 'film' | 'series'][] = [
    [feed.movies, 'film'],
    [feed.shortFormVideos, 'film'],
    [feed.tvSpecials, 'film'],
    [feed.series, 'series'],
  ]
  for (const [items, kind] of sources) {
    for (const item of items ?? []) {
      if (typeof item !== 'object' || item === null) {
        raws.push(item)
        continue
      }
      const mapped = mapItem(item as FeedItem, kind, feed, brand)
      const feedId = str((item as FeedItem).id) ?? ''
      if (mapped.reason) {
        problems.push({
          severity: 'recoverable',
          category: 'item',
          code: CatalogueErrorCode.ITEM_INVALID,
          backend: BACKEND,
          itemId: feedId.slice(0, 200) || `#${raws.length}`,
          message: mapped.reason,
        })
        continue
      }
      meta.set(String(mapped.raw.id), { tags: mapped.tags, released: mapped.released, feedId })
      raws.push(mapped.raw)
    }
  }
  const parsed = parseTitles(raws, BACKEND)
  problems.push(...parsed.problems)
  const titles = parsed.titles.map((title) => resolveTitleUrls(title, base))

  const byFeedId = new Map<string, string>()
  for (const [id, info] of meta) byFeedId.set(info.feedId, id)
  const playlists = new Map<string, string[]>()
  for (const raw of feed.playlists ?? []) {
    const playlist = raw as { name?: unknown; itemIds?: unknown }
    const name = str(playlist.name)
    if (name && Array.isArray(playlist.itemIds)) {
      playlists.set(
        name,
        playlist.itemIds.map((id) => byFeedId.get(String(id)) ?? slug(String(id))),
      )
    }
  }
  const language = languageOf(feed.language, 'en')
  const layout: RailLayout[] = []
  const categories = (feed.categories ?? []) as Partial<Category>[]
  categories.forEach((category, position) => {
    const name = str(category.name)
    if (!name) return
    let ids: string[]
    if (category.playlistName) ids = playlists.get(category.playlistName) ?? []
    else if (category.query) {
      const query = category.query
      ids = titles
        .filter((title) => matchesQuery(query, meta.get(title.id)?.tags ?? []))
        .map((title) => title.id)
    } else ids = []
    const order = str(category.order)?.toLowerCase()
    if (order === 'most_recent' || order === 'chronological') {
      const date = (id: string) => meta.get(id)?.released ?? ''
      ids = [...ids].sort((a, b) => date(a).localeCompare(date(b)))
      if (order === 'most_recent') ids.reverse()
    }
    layout.push({
      id: slug(name) || `category-${position}`,
      name: { [language]: name.slice(0, 200) },
      itemIds: ids,
      next: null,
    })
  })
  return { titles, problems, ...(layout.length ? { layout } : {}) }
}

export const directPublisherBackend = (host: BackendHost): CatalogueBackend => {
  const policy = policyFrom(host.settings)
  return {
    name: BACKEND,
    keepsLastGood: true,
    async load({ signal, revision }: LoadOptions): Promise<CatalogueLoad | NotModified> {
      let url: string
      try {
        url = new URL(host.settings.url, host.baseUrl).href
      } catch {
        throw new CatalogueError({
          severity: 'critical',
          category: 'config',
          code: CatalogueErrorCode.NETWORK,
          backend: BACKEND,
          message: `appSettings.catalogue.url "${host.settings.url}" is not a URL`,
        })
      }
      const result = await fetchJson(host.fetch, url, {
        signal,
        backend: BACKEND,
        policy,
        ...(revision ? { revision } : {}),
        log: host.log,
      })
      if (result.status === 'not-modified') return { notModified: true, revision: result.revision }
      const load = mapFeed(result.body, result.url)
      logProblems(host, BACKEND, load.problems)
      return { ...load, revision: result.revision }
    },
    dispose() {},
  }
}
