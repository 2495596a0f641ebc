import type { CatalogueLoad, RailLayout, Revision } from './backend'
import { skippedItem, type CatalogueProblem } from './errors'
import { parseTitles } from './parse'
import type { Title } from './schema'
import { parseLiveChannels, type ParsedChannels } from './live'

/**
 * The last good catalogue, kept on the device (Platform.storage, i.e. the SDK's Storage) so an
 * outage at start still shows home. One entry per backend and URL; its age decides whether it may
 * still be shown (`appSettings.catalogue.cacheMaxAgeHours`).
 *
 * What is read back is not trusted: another version of the app, a box's storage going bad or
 * anyone with access to it may have changed it. Its shape is checked when it is read (cheap, at
 * start) and every title passes the same schema as fresh data before it is shown
 * (`loadFromLastGood`, only when the cache is really used); an item that fails is dropped and
 * reported like a bad item from the backend. `CACHE_FORMAT` changes whenever the stored shape
 * changes, which makes older entries unreadable (ignored) instead of wrong.
 */
export const CACHE_FORMAT = 2

export interface CacheStorage {
  get(key: string): unknown
  set(key: string, value: unknown): void
  remove(key: string): void
  keys?(): string[]
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
  /** The channels of CatalogueLoad.live, read again when the copy is used. */
  liveChannels?: unknown[]
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
    ...(load.live ? { liveChannels: load.live.channels } : {}),
  }
  storage.set(cacheKey(backend, url), entry)
  return entry
}

/**
 * A stored title as the schema reads it: the classifications the model derives (title and
 * episodes) are taken off, to be derived again rather than trusted.
 */
function asInput(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored
  const withoutRating = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
    const copy = { ...(value as Record<string, unknown>) }
    delete copy.classification
    return copy
  }
  const title = withoutRating(stored) as Record<string, unknown>
  if (Array.isArray(title.seasons)) {
    title.seasons = title.seasons.map((season: unknown) => {
      if (typeof season !== 'object' || season === null) return season
      const { episodes } = season as { episodes?: unknown }
      return Array.isArray(episodes) ? { ...season, episodes: episodes.map(withoutRating) } : season
    })
  }
  return title
}

const isStoredProblem = (value: unknown): value is CatalogueProblem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CatalogueProblem).message === 'string' &&
  typeof (value as CatalogueProblem).code === 'number'

/** A rail of the stored layout, if it still has the shape of one. */
function storedRail(value: unknown, known: ReadonlySet<string>): RailLayout | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const rail = value as Partial<RailLayout>
  if (typeof rail.id !== 'string' || !Array.isArray(rail.itemIds)) return undefined
  if (typeof rail.name !== 'object' || rail.name === null) return undefined
  return {
    id: rail.id,
    name: rail.name,
    itemIds: rail.itemIds.filter((id): id is string => typeof id === 'string' && known.has(id)),
    next: typeof rail.next === 'string' ? rail.next : null,
  }
}

/**
 * The stored catalogue as a load, every title validated by the schema fresh data passes; what
 * fails is left out and reported (as `stored copy: …`), what passes is shown.
 */
export function loadFromLastGood(entry: LastGood): CatalogueLoad {
  const parsed = parseTitles(entry.titles.map(asInput), entry.backend)
  const dropped = parsed.problems.map((problem) =>
    skippedItem(
      entry.backend,
      problem.itemId ?? '?',
      problem.reason ?? 'invalid-field',
      `stored copy: ${problem.message}`,
    ),
  )
  const known = new Set(parsed.titles.map((title) => title.id))
  const layout = entry.layout
    ?.map((rail) => storedRail(rail, known))
    .filter((rail): rail is RailLayout => rail !== undefined)
  return {
    titles: parsed.titles,
    problems: [...entry.problems.filter(isStoredProblem), ...dropped],
    ...(layout ? { layout } : {}),
    ...(entry.revision ? { revision: entry.revision } : {}),
    ...storedLive(entry),
  }
}

/** The stored live channels, checked again as any backend's are; none when unreadable. */
function storedLive(entry: LastGood): { live?: ParsedChannels } {
  if (!Array.isArray(entry.liveChannels)) return {}
  try {
    const document = { version: 1, channels: entry.liveChannels }
    return { live: parseLiveChannels(document, entry.backend, 'stored copy', entry.url) }
  } catch {
    return {}
  }
}

/**
 * Removes the copies kept for other backends or URLs (an operator that moved its CMS, an older
 * configuration): nothing reads them any more, and at up to 2 MB each they fill the quota the
 * household's progress and settings need. Returns the keys removed.
 */
export function forgetOtherCopies(storage: CacheStorage, backend: string, url: string): string[] {
  const keep = cacheKey(backend, url)
  const others = (storage.keys?.() ?? []).filter(
    (key) => key.startsWith('catalogue.lastGood.') && key !== keep,
  )
  others.forEach((key) => storage.remove(key))
  return others
}
