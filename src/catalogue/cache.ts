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
export const CACHE_FORMAT = 2

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

/**
 * Most titles kept on the device. A title is about 2.3 kB of JSON and the SDK's Storage is the
 * browser's localStorage (about 5 million characters per origin on most engines), so a 10,000-title
 * catalogue cannot be kept whole: the offline home keeps the first titles of every rail instead.
 */
export const CACHE_MAX_TITLES = 800

/**
 * The part of a load that is kept on the device: everything when it is small enough, otherwise
 * the first items of every rail, taken rail by rail in turns (so each rail keeps its head), or
 * the first titles when there is no layout.
 */
export function trimForDevice(load: CatalogueLoad, maxTitles = CACHE_MAX_TITLES): CatalogueLoad {
  if (load.titles.length <= maxTitles) return load
  const keep = new Set<string>()
  if (load.layout) {
    const known = new Set(load.titles.map((title) => title.id))
    const longest = Math.max(0, ...load.layout.map((rail) => rail.itemIds.length))
    for (let i = 0; i < longest && keep.size < maxTitles; i++) {
      for (const rail of load.layout) {
        const id = rail.itemIds[i]
        if (id !== undefined && known.has(id)) keep.add(id)
        if (keep.size >= maxTitles) break
      }
    }
  } else {
    load.titles.slice(0, maxTitles).forEach((title) => keep.add(title.id))
  }
  return {
    ...load,
    titles: load.titles.filter((title) => keep.has(title.id)),
    ...(load.layout
      ? {
          layout: load.layout.map((rail) => ({
            ...rail,
            itemIds: rail.itemIds.filter((id) => keep.has(id)),
          })),
        }
      : {}),
  }
}

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
  const kept = trimForDevice(load)
  // A trimmed copy is not that revision of the catalogue: without validators, the next start
  // fetches it whole instead of being told "not modified" and showing the trimmed copy.
  const revision = kept === load ? load.revision : undefined
  load = kept
  const entry: LastGood = {
    format: CACHE_FORMAT,
    backend,
    url,
    savedAt,
    ...(revision ? { revision } : {}),
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
