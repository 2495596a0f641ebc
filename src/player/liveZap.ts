import { timerScheduler, type Scheduler } from './overlay'

/** How long the box waits for the next digit before tuning to what was typed. */
export const DIGIT_TIMEOUT_MS = 1500

export type DigitState =
  | { phase: 'idle' }
  /** Digits typed so far, shown on screen while the box waits for more. */
  | { phase: 'typing'; digits: string }
  /** Nothing has that number: said for a moment. */
  | { phase: 'unknown'; number: number }

export const UNKNOWN_SHOWN_MS = 2000

/**
 * Channel numbers typed on the remote's digits, as a decoder takes them: each digit is shown at
 * once; the number tunes when no digit follows within DIGIT_TIMEOUT_MS, when OK is pressed, or as
 * soon as no longer number could follow (typing 3 among channels 1-9 tunes at once; typing 1
 * among 1-12 waits for a possible 10, 11 or 12). A number no channel has is said, not tuned.
 * Pure apart from its timers, which go through a scheduler so tests drive them.
 */
export class DigitEntry {
  private digits = ''
  private timer: unknown
  private state: DigitState = { phase: 'idle' }

  constructor(
    private readonly numbers: () => readonly number[],
    private readonly tune: (number: number) => void,
    private readonly onChange: (state: DigitState) => void,
    private readonly scheduler: Scheduler = timerScheduler,
    private readonly timeoutMs = DIGIT_TIMEOUT_MS,
  ) {}

  get value(): DigitState {
    return this.state
  }

  /** True while digits wait: OK and Back then belong to the entry. */
  get typing(): boolean {
    return this.state.phase === 'typing'
  }

  press(digit: number): void {
    // Channel numbers have at most four digits; a fifth starts again.
    if (this.digits.length >= 4) this.digits = ''
    this.digits = this.digits === '0' ? String(digit) : this.digits + String(digit)
    this.set({ phase: 'typing', digits: this.digits })
    this.cancel()
    if (!this.longerPossible()) this.commit()
    else this.timer = this.scheduler.set(() => this.commit(), this.timeoutMs)
  }

  /** OK while typing: tune now. */
  commit(): void {
    this.cancel()
    const number = Number(this.digits)
    this.digits = ''
    if (!number) return this.set({ phase: 'idle' })
    if (this.numbers().includes(number)) {
      this.set({ phase: 'idle' })
      this.tune(number)
      return
    }
    this.set({ phase: 'unknown', number })
    this.timer = this.scheduler.set(() => this.set({ phase: 'idle' }), UNKNOWN_SHOWN_MS)
  }

  /** Back while typing: forget the digits. */
  clear(): void {
    this.cancel()
    this.digits = ''
    this.set({ phase: 'idle' })
  }

  dispose(): void {
    this.cancel()
  }

  private longerPossible(): boolean {
    const typed = this.digits
    return this.numbers().some((n) => {
      const text = String(n)
      return text.length > typed.length && text.startsWith(typed)
    })
  }

  private cancel(): void {
    if (this.timer !== undefined) this.scheduler.clear(this.timer)
    this.timer = undefined
  }

  private set(state: DigitState): void {
    this.state = state
    this.onChange(state)
  }
}
