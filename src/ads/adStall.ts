import { VAST_ERROR } from './macros'

/**
 * The watch on an ad whose picture stops moving after it has shown (its host stopped sending, the
 * next byte range failed, the element ran out of data): Shaka's ad player sat on the still frame
 * for about half a minute, the household under a frozen "Publicité · 0:07" with no word. Once the
 * ad's time has not moved for AD_STALL_MS while it plays, the ad is given up, as a real player
 * gives up a stalled creative, and the break goes on.
 *
 * The watch looks at the element itself, on a timer of the clock it is given, and each look reads
 * the ad on screen afresh: once no ad is on screen (it ended, was skipped or failed, the break
 * ended, the session was released) the watch stops by itself, so a look that comes late never
 * acts on the content that has taken the element back. Its owner also stops it at each of those
 * moments.
 */

/** How long an ad's time may stand still while it plays before the ad is given up. */
export const AD_STALL_MS = 6000

/** How often the element is looked at while an ad plays. */
export const AD_STALL_LOOK_MS = 500

/** The timers and the time the watch runs on, so tests run it on a fake clock. */
export interface StallClock {
  /** Monotonic ms. */
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** What the element says of the ad on screen at a look. */
export interface AdSample {
  /** The element's time in the ad (s). */
  time: number
  /**
   * Still by choice or by nature, which is no stall: paused (by the household), or at its end. The
   * user cannot seek inside an ad (the player refuses it), so no seek is waited on here.
   */
  held: boolean
  /** The element has no data to play on (readyState below HAVE_FUTURE_DATA): the file stopped coming. */
  starved: boolean
}

/** Where the ad's time last moved, in the clock's ms. */
export interface StallMark {
  time: number
  movedAt: number
}

/**
 * Pure: one look. The mark moves with the ad's time, and with the clock while the ad is held (a
 * pause does not count towards a stall); `stalled` once the time has stood still for `limitMs`.
 */
export function lookAtAd(
  mark: StallMark | undefined,
  sample: AdSample,
  now: number,
  limitMs: number,
): { mark: StallMark; stalled: boolean } {
  if (!mark || sample.held || sample.time !== mark.time)
    return { mark: { time: sample.time, movedAt: now }, stalled: false }
  return { mark, stalled: now - mark.movedAt >= limitMs }
}

/** The VAST error code of a stalled ad: 402 when its file stopped coming, 405 otherwise. */
export function stallErrorCode(sample: AdSample): number {
  return sample.starved ? VAST_ERROR.MEDIA_TIMEOUT : VAST_ERROR.MEDIA_NOT_PLAYED
}

export interface AdStallWatchOptions {
  /** The ad `id` as it stands on screen now; null when it no longer is (the watch stops). */
  read(id: string): AdSample | null
  /** The ad `id` stood still too long; called once, after which the watch has stopped. */
  stalled(id: string, sample: AdSample): void
  clock?: StallClock
  limitMs?: number
  lookMs?: number
}

const realClock: StallClock = {
  now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** Watches one ad at a time: `start` at its first frame, `stop` at its end, skip or failure. */
export class AdStallWatch {
  private timer: unknown = null
  private id?: string
  private mark?: StallMark
  private readonly clock: StallClock
  private readonly limitMs: number
  private readonly lookMs: number

  constructor(private readonly options: AdStallWatchOptions) {
    this.clock = options.clock ?? realClock
    this.limitMs = options.limitMs ?? AD_STALL_MS
    this.lookMs = options.lookMs ?? AD_STALL_LOOK_MS
  }

  /** The ad watched, if any. */
  get watching(): string | undefined {
    return this.id
  }

  /** Watches ad `id` from now (another ad's watch ends); again for the same ad does nothing. */
  start(id: string): void {
    if (this.id === id) return
    this.stop()
    this.id = id
    this.look()
  }

  /** Ends the watch (of ad `id` only, when given). */
  stop(id?: string): void {
    if (id !== undefined && id !== this.id) return
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
    this.id = undefined
    this.mark = undefined
  }

  private look(): void {
    this.timer = null
    const id = this.id
    if (id === undefined) return
    const sample = this.options.read(id)
    if (!sample) return this.stop()
    const { mark, stalled } = lookAtAd(this.mark, sample, this.clock.now(), this.limitMs)
    if (stalled) {
      this.stop()
      this.options.stalled(id, sample)
      return
    }
    this.mark = mark
    this.timer = this.clock.setTimeout(() => this.look(), this.lookMs)
  }
}
