/**
 * Seeking from the remote: Left/Right move a target position by a step that grows while the key
 * is held (10 s, then 30 s, then 60 s), so crossing a film does not take a hundred presses. The
 * target is shown at once and committed to the player after a short pause, so a burst of presses
 * costs one seek. Pure: time and the player's position are passed in.
 */
export const SEEK_STEP_S = 10
export const SEEK_COMMIT_MS = 350

export interface SeekPress {
  direction: -1 | 1
  /** The keydown is an auto-repeat of a held key. */
  repeat: boolean
  /** The App recognised a long-press (`_handle<Action>Long`). */
  longPress?: boolean
}

/** Step for the n-th passed event of one hold (0 = the first press). */
export function seekStep(held: number, longPress = false): number {
  if (held >= 16) return 60
  if (held >= 6 || longPress) return 30
  return SEEK_STEP_S
}

export class SeekAccumulator {
  private target: number | undefined
  private held = 0
  private long = false
  private lastDirection: -1 | 1 = 1

  /** The position being aimed at, while a seek is pending. */
  get pending(): number | undefined {
    return this.target
  }

  press(press: SeekPress, currentTime: number, duration: number): number {
    if (!press.repeat || press.direction !== this.lastDirection) {
      this.held = 0
      this.long = false
    } else this.held++
    if (press.longPress) this.long = true
    this.lastDirection = press.direction
    const from = this.target ?? currentTime
    const step = seekStep(this.held, this.long)
    const end = duration > 0 ? Math.max(0, duration - 1) : Infinity
    this.target = Math.min(end, Math.max(0, from + press.direction * step))
    return this.target
  }

  /** The App saw a long-press of the held key: the next steps are bigger. */
  markLongPress(): void {
    this.long = true
  }

  /** Takes the pending target (the caller seeks to it) and forgets it. */
  commit(): number | undefined {
    const target = this.target
    this.target = undefined
    return target
  }

  cancel(): void {
    this.target = undefined
    this.held = 0
    this.long = false
  }
}
