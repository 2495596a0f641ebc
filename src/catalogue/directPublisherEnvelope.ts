import { withSpecKeys } from './specKeys'
import { field, isRecord } from './tolerant'

/** The envelope's keys, read whatever their case ("Language", "Movies"), as exports write them. */
const ROOT_KEYS = [
  'providerName',
  'language',
  'movies',
  'series',
  'shortFormVideos',
  'tvSpecials',
  'liveFeeds',
  'categories',
  'playlists',
] as const

/**
 * The names the specification gives inside items, seasons, episodes, content, videos, captions,
 * credits, ratings, playlists and categories (with `ratings`, which exports write for `rating`).
 */
const ITEM_KEYS = [
  'id',
  'title',
  'content',
  'genres',
  'tags',
  'thumbnail',
  'brandedThumbnail',
  'releaseDate',
  'shortDescription',
  'longDescription',
  // Not in the specification: the name exports of other CMSs give their one text.
  'description',
  'credits',
  'rating',
  'ratings',
  'ratingSource',
  'externalIds',
  'seasons',
  'seasonNumber',
  'episodes',
  'episodeNumber',
  'dateAdded',
  'videos',
  'url',
  'quality',
  'videoType',
  'bitrate',
  'duration',
  'captions',
  'captionType',
  'trickPlayFiles',
  'validityPeriodStart',
  'validityPeriodEnd',
  'adBreaks',
  'name',
  'role',
  'birthDate',
  'itemIds',
  'playlistName',
  'query',
  'order',
] as const

type Envelope = Record<(typeof ROOT_KEYS)[number], unknown>

/**
 * The feed's root keys under their specified names, or undefined for a document of another kind.
 * Every key inside is spelt as the specification spells it, so the readers find `content` in an
 * export that wrote `Content` and `releaseDate` in one that wrote `release_date` (specKeys.ts).
 */
export function feedEnvelope(document: unknown): Envelope | undefined {
  if (!isRecord(document)) return undefined
  const spelt = withSpecKeys(document, [...ROOT_KEYS, ...ITEM_KEYS]) as Record<string, unknown>
  return Object.fromEntries(ROOT_KEYS.map((key) => [key, field(spelt, key)])) as Envelope
}
