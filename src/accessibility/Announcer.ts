import type { Translate } from '../catalogue/offers'
import { newlyFocused } from './focusPath'
import { phraseOfAll } from './phrases'
import { voiceLanguage, type Speaker } from './speaker'

/** Timers the announcer uses, so tests run it on a fake clock. */
export interface AnnouncerTimers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface AnnouncerOptions {
  speaker: Speaker
  /** Read at each announcement: whether the household wants speech now. */
  enabled(): boolean
  /** Read at each announcement: the UI language ('fr', 'nl', ...). */
  language(): string
  t: Translate
  /**
   * Focus settles for this long before anything is said: a held arrow key passes tiles without
   * reading each one, and only the tile it stops on is said.
   */
  settleMs?: number
  timers?: AnnouncerTimers
  /** Monotonic ms; default performance.now(). */
  now?: () => number
}

/** After this long without an announcement, the next one says the whole path again. */
const FORGET_MS = 5 * 60_000

/**
 * Says what gets focus. The app hands it each new focus path; it remembers the path last said and,
 * once focus settles, speaks what is new in it (phrases.ts words it). Handing it a path costs a
 * timer reset and never waits on speech, so key handling is not slowed; with speech off it does
 * nothing at all.
 */
export class Announcer {
  private spoken: readonly unknown[] = []
  private pending: readonly unknown[] | null = null
  private timer: unknown = null
  private lastSpokenAt = -Infinity
  private readonly settleMs: number
  private readonly timers: AnnouncerTimers

  constructor(private readonly options: AnnouncerOptions) {
    this.settleMs = options.settleMs ?? 250
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    }
  }

  /** The focus path changed (outermost first). */
  focusChanged(path: readonly unknown[]): void {
    if (!this.options.enabled()) return
    this.pending = path.slice()
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = this.timers.setTimeout(() => this.flush(), this.settleMs)
  }

  /** Says `text` now (a confirmation, an error), cutting off what was being said. */
  say(text: string): void {
    if (!this.options.enabled() || !text.trim()) return
    this.options.speaker.speak(text, voiceLanguage(this.options.language()))
  }

  /** Speech was turned off, or the app leaves: stop talking and forget what was said. */
  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
    this.pending = null
    this.spoken = []
    this.options.speaker.cancel()
  }

  private flush(): void {
    this.timer = null
    const path = this.pending
    this.pending = null
    if (!path || !this.options.enabled()) return
    const now = (this.options.now ?? (() => performance.now()))()
    // Someone coming back to the box after a long pause hears where they are from the top.
    const spoken = now - this.lastSpokenAt > FORGET_MS ? [] : this.spoken
    const text = phraseOfAll(newlyFocused(spoken, path), this.options.t)
    this.spoken = path
    if (!text) return
    this.lastSpokenAt = now
    this.options.speaker.speak(text, voiceLanguage(this.options.language()))
  }
}
