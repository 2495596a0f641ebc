/**
 * Decides which keydown events reach the app. A held key produces auto-repeat events faster than a
 * slow box can draw; passing each one on would queue work and make focus overshoot after release.
 * The gate lets the first press through at once, then at most one repeat per interval, and drops
 * the rest (dropping, not delaying, is what keeps the lag at zero). It also says when a hold has
 * become a long-press. Pure: time is passed in.
 */
export interface KeyGateOptions {
  repeatIntervalMs: number
  longPressMs: number
}

export interface KeyDecision {
  /** Let this event reach the app's handlers. */
  pass: boolean
  /** The event is an auto-repeat of a held key. */
  repeat: boolean
  /** This event is the first one to cross the long-press threshold for the current hold; it passes. */
  longPress: boolean
}

interface Hold {
  downAt: number
  lastPassedAt: number
  longPressSent: boolean
}

export class KeyGate {
  private readonly holds = new Map<number, Hold>()
  /**
   * The engine has flagged a repeat once. Some boxes' engines leave `repeat` false on every
   * keydown: until one says true, a keydown of a key still held (no keyup yet) is a repeat.
   */
  private flagWorks = false

  constructor(private readonly options: KeyGateOptions) {}

  /**
   * @param autoRepeat the event's own `repeat` flag where the platform sets it; once the engine is
   *   known to set it, a non-repeat keydown always starts a new hold, so a lost keyup cannot turn
   *   the next press into a repeat.
   */
  keyDown(code: number, now: number, autoRepeat?: boolean): KeyDecision {
    if (autoRepeat === true) this.flagWorks = true
    const hold = autoRepeat === false && this.flagWorks ? undefined : this.holds.get(code)
    if (!hold) {
      this.holds.set(code, { downAt: now, lastPassedAt: now, longPressSent: false })
      return { pass: true, repeat: false, longPress: false }
    }
    const longPress = !hold.longPressSent && now - hold.downAt >= this.options.longPressMs
    if (longPress) hold.longPressSent = true
    // The long-press event always passes: a handler that only sees passed events must not miss it.
    const pass = longPress || now - hold.lastPassedAt >= this.options.repeatIntervalMs
    if (pass) hold.lastPassedAt = now
    return { pass, repeat: true, longPress }
  }

  keyUp(code: number): void {
    this.holds.delete(code)
  }

  /** Forget every hold, e.g. when the window loses focus and no keyup will come. */
  reset(): void {
    this.holds.clear()
  }

  isHeld(code: number): boolean {
    return this.holds.has(code)
  }
}

/**
 * Marks a keydown the gate found to be a repeat, where the engine did not: the components that
 * ignore held keys (digits, letters, a rail's jumps) read the event's own flag.
 */
export function markRepeat(event: KeyboardEvent): void {
  if (event.repeat) return
  Object.defineProperty(event, 'repeat', { value: true, configurable: true })
}
