import { timerScheduler, type Scheduler } from './overlay'
import type { PlaybackError } from './errors'

/**
 * Notices playback that stopped making progress: buffering longer than the timeout (a server that
 * no longer answers, a segment that keeps failing) ends in `onStall` with the last recoverable
 * error seen meanwhile, if any, so the viewer reads why (e.g. "not found") rather than a spinner.
 */
export class StallWatchdog {
  private timer: unknown
  private lastError: PlaybackError | undefined

  constructor(
    private readonly timeoutMs: number,
    private readonly onStall: (cause: PlaybackError | undefined) => void,
    private readonly scheduler: Scheduler = timerScheduler,
  ) {}

  /** Playback waits for data (or starts to): start counting unless already counting. */
  waiting(): void {
    if (this.timer !== undefined) return
    this.timer = this.scheduler.set(() => {
      this.timer = undefined
      this.onStall(this.lastError)
    }, this.timeoutMs)
  }

  /** A recoverable error (Shaka retries on its own): remembered as the probable cause. */
  recoverable(error: PlaybackError): void {
    this.lastError = error
    this.waiting()
  }

  /** Playback moves: stop counting (the last error stays the likely cause of a later stall). */
  progressed(): void {
    this.stop()
  }

  /** A new start: forget the past errors too. */
  reset(): void {
    this.lastError = undefined
    this.stop()
  }

  stop(): void {
    if (this.timer !== undefined) this.scheduler.clear(this.timer)
    this.timer = undefined
  }
}
