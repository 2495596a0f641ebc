import { CatalogueError, CatalogueErrorCode } from '../catalogue/errors'
import type { GuideCoverage, GuideLoad, GuideProblem, PlacementReason } from './contract'

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
  /** The first one, to tell the operator where to look; `placement` when it was its place. */
  firstSkipped?: { itemId: string; message: string; placement?: PlacementReason }
  /**
   * What the last fetch's export covers, from sources that read a whole export (XMLTV): how far
   * it reaches, its channels matching none of the app's and the app's without programmes.
   */
  coverage?: GuideCoverage | undefined
  lastError?: { code: number | string; message: string; at: number }
  /**
   * Wall-clock ms since which the guide has kept the player waiting without an answer (a tune
   * gave up on it); cleared by the next day it brings.
   */
  unansweredSince?: number | undefined
}

/** How long a tune waits for the guide's rating of the programme on air before it plays. */
export const GUIDE_WAIT_MS = 4000
/**
 * The wait once the guide has let a tune down and not answered since: each zap waiting the whole
 * 4 s for a guide that hangs made zapping 4 s a channel, and the programme plays after the wait
 * either way. Long enough for a guide that has just come back and answers from its cache.
 */
export const GUIDE_WAIT_UNANSWERED_MS = 500

export function guideWaitMs(health: GuideHealth): number {
  return health.unansweredSince === undefined ? GUIDE_WAIT_MS : GUIDE_WAIT_UNANSWERED_MS
}

/** A tune gave up waiting for the guide: the first time is kept, for the diagnostics page. */
export function recordGuideUnanswered(health: GuideHealth, at: number): GuideHealth {
  return health.unansweredSince === undefined ? { ...health, unansweredSince: at } : health
}

/** What one fetch of a day of programmes from the guide source came to. */
export type GuideFetchOutcome =
  | {
      kind: 'loaded'
      load: GuideLoad
      /** The load's problems not reported before (a day fetched again repeats its own). */
      fresh: readonly GuideProblem[]
    }
  | { kind: 'failed'; error: unknown }

export type GuideEvent = GuideFetchOutcome & { at: number }

export function initialGuideHealth(source: string, url: string): GuideHealth {
  return { source, url, programmes: 0, channels: 0, skipped: 0 }
}

/**
 * Folds one guide fetch into the health record. Skipped programmes are counted from `fresh`, so
 * each counts once however often its day is fetched; aborted fetches are not failures.
 */
export function recordGuideEvent(health: GuideHealth, event: GuideEvent): GuideHealth {
  if (event.kind === 'failed') {
    if (isAbort(event.error)) return health
    return { ...health, lastError: { ...errorParts(event.error), at: event.at } }
  }
  const { programmes } = event.load
  const first = event.fresh[0]
  const skipped = health.skipped + event.fresh.length
  const firstSkipped =
    health.firstSkipped ??
    (first && {
      itemId: first.itemId ?? '?',
      message: first.message,
      ...(first.placement ? { placement: first.placement } : {}),
    })
  return {
    ...health,
    // Written out, not left out: the health store merges what it is given.
    unansweredSince: undefined,
    loadedAt: event.at,
    programmes: programmes.length,
    channels: new Set(programmes.map((programme) => programme.channelId)).size,
    skipped,
    ...(firstSkipped ? { firstSkipped } : {}),
    // Written out too: a source that stops saying it (another source) leaves none behind.
    coverage: event.load.coverage,
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
