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

export interface GuideLoad {
  /** Sorted by channel then start; programmes of one channel never overlap. */
  programmes: Programme[]
  /** Programmes skipped (malformed, overlapping) with their reason, as for catalogue items. */
  problems: CatalogueProblem[]
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
