import type { BreakEvent, BreakOffset, BreakTracking } from './vast'

/** Sends a break's beacon URLs, filled for its offset (and the VAST error code, for `error`). */
export type SendBreakBeacon = (
  offset: BreakOffset,
  urls: readonly string[],
  errorCode?: number,
) => void

/**
 * A VMAP break's own events (VMAP 1.0.1 breakStart, breakEnd, error), per group of ads placed for
 * it, each sent once. A break none of whose ads showed a frame did not play: it reports `error`,
 * with the VAST code of its last ad's error, before its breakEnd. That code can come after the
 * break's end (the app asks the server whether a file that would not play is there at all): the
 * break's error then waits for it.
 */
export class BreakBeacons {
  private readonly tracking = new Map<string, { offset: BreakOffset; tracking: BreakTracking }>()
  /** Groups whose breakStart was sent and whose end was not yet. */
  private open: string[] = []
  private readonly fired = new Set<string>()
  private readonly shown = new Set<string>()
  private readonly lastErrorCode = new Map<string, number>()
  /** Ended groups with no ad shown, waiting for their last ad's error code. */
  private readonly awaitingCode = new Set<string>()

  constructor(private readonly send: SendBreakBeacon) {}

  /** A group of ads placed for a VMAP break that has tracking of its own. */
  register(group: string, offset: BreakOffset, tracking: BreakTracking): void {
    this.tracking.set(group, { offset, tracking })
  }

  /**
   * The first ad of a group has started: its breakStart. Shaka plays two groups at one offset (a
   * VMAP's pre-roll and a bumper) as one break of its own: the group before it has ended when the
   * next one's first ad starts.
   */
  start(group: string): void {
    if (this.open.includes(group)) return
    this.end()
    this.open.push(group)
    this.once(group, 'breakStart')
  }

  /** An ad of the group showed its first frame: the break played. */
  adShown(group: string): void {
    this.shown.add(group)
  }

  /** An ad of the group failed with this VAST error code. */
  adFailed(group: string, code: number | undefined): void {
    if (code !== undefined) this.lastErrorCode.set(group, code)
    if (this.awaitingCode.delete(group)) this.once(group, 'error')
  }

  /** Shaka's break is over: every group that started in it has ended. */
  end(): void {
    for (const group of this.open.splice(0)) {
      if (!this.shown.has(group)) {
        if (this.lastErrorCode.has(group)) this.once(group, 'error')
        else this.awaitingCode.add(group)
      }
      this.once(group, 'breakEnd')
    }
  }

  private once(group: string, event: BreakEvent): void {
    const entry = this.tracking.get(group)
    const key = `${group}/${event}`
    if (!entry || this.fired.has(key)) return
    this.fired.add(key)
    this.send(
      entry.offset,
      entry.tracking[event],
      event === 'error' ? this.lastErrorCode.get(group) : undefined,
    )
  }
}
