import type { CatalogueLoad, RailLayout, Revision } from './backend'
import type { CatalogueProblem } from './errors'
import type { Title } from './schema'

/**
 * The last good catalogue, kept on the device (Platform.storage, i.e. the SDK's Storage) so an
 * outage at start still shows home. One entry per backend and URL; its age decides whether it may
 * still be shown (`appSettings.catalogue.cacheMaxAgeHours`).
 *
 * Entries are written only from a complete, validated load, so reading one back does not
 * validate every title again; `CACHE_FORMAT` changes whenever the stored shape or the schema
 * changes, which makes older entries unreadable (ignored) instead of wrong.
 */
export const CACHE_FORMAT = 1

export interface CacheStorage {
  get(key: string): unknown
  set(key: string, value: unknown): void
  remove(key: string): void
}

export interface LastGood {
  format: typeof CACHE_FORMAT
  backend: string
  url: string
  /** Wall-clock time (ms since 1970) of the last successful contact with the backend. */
  savedAt: number
  revision?: Revision
  titles: Title[]
  layout?: RailLayout[]
  problems: CatalogueProblem[]
}

export type Freshness = 'fresh' | 'expired' | 'future'

export const cacheKey = (backend: string, url: string): string =>
  `catalogue.lastGood.${backend}.${url}`

/** Whether an entry saved at `savedAt` may be shown at `now`. A date in the future is a clock jump. */
export function freshness(savedAt: number, now: number, maxAgeHours: number): Freshness {
  if (savedAt > now + 5 * 60_000) return 'future'
  return now - savedAt <= maxAgeHours * 3_600_000 ? 'fresh' : 'expired'
}

const isLastGood = (value: unknown, backend: string, url: string): value is LastGood => {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Partial<LastGood>
  return (
    entry.format === CACHE_FORMAT &&
    entry.backend === backend &&
    entry.url === url &&
    typeof entry.savedAt === 'number' &&
    Array.isArray(entry.titles) &&
    Array.isArray(entry.problems) &&
    (entry.layout === undefined || Array.isArray(entry.layout))
  )
}

/** The stored entry for this backend if it is readable and fresh enough, else undefined. */
export function readLastGood(
  storage: CacheStorage,
  backend: string,
  url: string,
  now: number,
  maxAgeHours: number,
): LastGood | undefined {
  let value: unknown
  try {
    value = storage.get(cacheKey(backend, url))
  } catch {
    return undefined
  }
  if (!isLastGood(value, backend, url)) return undefined
  return freshness(value.savedAt, now, maxAgeHours) === 'fresh' ? value : undefined
}

/** Stores a complete load; throws what the storage throws (e.g. quota exceeded). */
export function writeLastGood(
  storage: CacheStorage,
  backend: string,
  url: string,
  load: CatalogueLoad,
  savedAt: number,
): LastGood {
  const entry: LastGood = {
    format: CACHE_FORMAT,
    backend,
    url,
    savedAt,
    ...(load.revision ? { revision: load.revision } : {}),
    titles: load.titles,
    ...(load.layout ? { layout: load.layout } : {}),
    problems: load.problems,
  }
  storage.set(cacheKey(backend, url), entry)
  return entry
}

export const loadFromLastGood = (entry: LastGood): CatalogueLoad => ({
  titles: entry.titles,
  problems: entry.problems,
  ...(entry.layout ? { layout: entry.layout } : {}),
  ...(entry.revision ? { revision: entry.revision } : {}),
})
