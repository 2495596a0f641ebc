import { CatalogueError, CatalogueErrorCode, type CatalogueProblem } from '../catalogue/errors'
import type { GuideLoad } from './contract'

/**
 * How the guide source is doing, for the operator's diagnostics page: a guide that fails or
 * drops programmes otherwise only shows as empty cells in the household's guide.
 */
export interface GuideHealth {
  /** appSettings.guide.source, and its url when it has one. */
  source: string
  url: string
  /** Wall-clock ms of the last day fetched whole; undefined until the guide is first opened. */
  loadedAt?: number
  /** Programmes and channels the last fetched day brought. */
  programmes: number
  channels: number
  /** Programmes skipped since start, each counted once however often its day is fetched. */
  skipped: number
  /** The first one, to tell the operator where to look. */
  firstSkipped?: { itemId: string; message: string }
  lastError?: { code: number | string; message: string; at: number }
}

/** What one fetch of a day of programmes from the guide source came to. */
export type GuideFetchOutcome =
  { kind: 'loaded'; load: GuideLoad } | { kind: 'failed'; error: unknown }

export type GuideEvent = GuideFetchOutcome & { at: number }

/** Guard against a source that reports a new problem on every call. */
const MAX_REMEMBERED = 2000

export function initialGuideHealth(source: string, url: string): GuideHealth {
  return { source, url, programmes: 0, channels: 0, skipped: 0 }
}

const problemKey = (problem: CatalogueProblem): string =>
  `${problem.itemId ?? '?'}|${problem.message}`

/**
 * Folds one guide fetch into the health record. `seen` holds the problems already counted (the
 * same day is fetched again when the cache lets it go); aborted fetches are not failures.
 */
export function recordGuideEvent(
  health: GuideHealth,
  event: GuideEvent,
  seen: Set<string>,
): GuideHealth {
  if (event.kind === 'failed') {
    if (isAbort(event.error)) return health
    return { ...health, lastError: { ...errorParts(event.error), at: event.at } }
  }
  const { programmes, problems } = event.load
  let { skipped, firstSkipped } = health
  for (const problem of problems) {
    const key = problemKey(problem)
    if (seen.has(key) || seen.size >= MAX_REMEMBERED) continue
    seen.add(key)
    skipped++
    firstSkipped ??= { itemId: problem.itemId ?? '?', message: problem.message }
  }
  return {
    ...health,
    loadedAt: event.at,
    programmes: programmes.length,
    channels: new Set(programmes.map((programme) => programme.channelId)).size,
    skipped,
    ...(firstSkipped ? { firstSkipped } : {}),
  }
}

const isAbort = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'AbortError' ||
    (error instanceof CatalogueError && error.problem.code === CatalogueErrorCode.ABORTED))

function errorParts(error: unknown): { code: number | string; message: string } {
  if (error instanceof CatalogueError) return { code: error.problem.code, message: error.message }
  if (error instanceof Error) return { code: error.name, message: error.message }
  return { code: 'Error', message: String(error) }
}
