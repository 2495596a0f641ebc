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

type Envelope = Record<(typeof ROOT_KEYS)[number], unknown>

/** The feed's root keys under their specified names, or undefined for a document of another kind. */
export function feedEnvelope(document: unknown): Envelope | undefined {
  if (!isRecord(document)) return undefined
  return Object.fromEntries(ROOT_KEYS.map((key) => [key, field(document, key)])) as Envelope
}
