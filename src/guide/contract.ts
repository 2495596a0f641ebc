import type { CatalogueProblem } from '../catalogue/errors'
import type { Classification } from '../catalogue/ratings'
import type { LocalizedText } from '../catalogue/schema'

/**
 * One programme of a live channel's schedule. Times are wall-clock ms; a programme covers
 * [start, end). `replay` says whether the operator has the right to offer it again after it
 * aired (catch-up); `restart` whether it may be restarted from its start while it is on air.
 */
export interface Programme {
  /** Unique within the guide (e.g. `<channelId>-<start>`), stable across loads. */
  id: string
  channelId: string
  start: number
  end: number
  title: LocalizedText
  subtitle?: LocalizedText
  synopsis?: LocalizedText
  /** Free text from the source ("Information", "Série", "Sport"...). */
  category?: string
  episode?: { season?: number; episode?: number }
  /** Rated as titles are (ratings.ts); not rated is `minimumAge: null`, locked like -18. */
  classification: Classification
  restart: boolean
  replay: boolean
  /**
   * Its end was not given and no next programme was in the same answer: OPEN_END_MS is a guess,
   * which a programme of the same channel from another answer (the next day's) cuts short.
   */
  openEnd?: boolean
}

/**
 * Why a programme could not take its place in its channel's schedule, for the operator's
 * diagnostics page, which says it in the UI language (`guide.placement.<reason>`).
 */
export const PLACEMENT_REASONS = [
  /** Another programme of the channel starts at the same time; the first listed is kept. */
  'same-start',
  /** It starts inside the programme before it and ends no later (or starts with it). */
  'overlap',
  /** Its stop time is not after its start. */
  'ends-before-start',
] as const
export type PlacementReason = (typeof PLACEMENT_REASONS)[number]

/** A skipped programme; `placement` says why when it was its place in the schedule. */
export interface GuideProblem extends CatalogueProblem {
  placement?: PlacementReason
}

/**
 * What a source that reads a whole export (XMLTV) saw of it beyond the days asked for, so that
 * an export that is out of date or whose channels are not the app's can be told from one that
 * is merely empty today.
 */
export interface GuideCoverage {
  /** Wall-clock ms at which the export's last programme ends; absent when it holds none. */
  lastEnd?: number
  /** The export's channel ids that have programmes and match no channel of the app, in order. */
  unmatched: string[]
  /** The app's channels (its live list and those asked for) with no programme in the export. */
  unfed: string[]
}

export interface GuideLoad {
  /** Sorted by channel then start; programmes of one channel never overlap. */
  programmes: Programme[]
  /** Programmes skipped (malformed, overlapping) with their reason, as for catalogue items. */
  problems: GuideProblem[]
  /** Sources that read a whole export say what it covers (see GuideCoverage). */
  coverage?: GuideCoverage
}

/**
 * Where programme schedules come from: the catalogue backend's `guide` (embedded, HTTP) or an
 * XMLTV export. Lifecycle as catalogue backends: created by a factory from settings, `guide`
 * called any number of times, each call aborted through its signal (it then rejects with an
 * AbortError and has no effect), `dispose` aborts what is in flight.
 */
export interface GuideSource {
  readonly name: string
  guide(
    channelIds: readonly string[],
    from: number,
    to: number,
    options: { signal: AbortSignal },
  ): Promise<GuideLoad>
  dispose(): void
}
