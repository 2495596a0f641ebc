/**
 * The controls overlay as a pure state machine: what is visible, and when it hides. Time is
 * handled through a scheduler (setTimeout by default), so tests drive it with fake timers.
 *
 * Rules:
 * - any key shows the overlay and restarts the hide countdown;
 * - it hides after `hideMs` only while playing; paused, buffering, loading or with the track menu
 *   or an error open it stays, and so it does over a stream with no picture (audio only), which
 *   would otherwise leave a black screen;
 * - Back first closes the track menu, then hides the overlay, and only then stops playback;
 * - a live channel's banner going away (dismiss) takes the controls under it too.
 */
export type OverlayPlayback = 'loading' | 'playing' | 'paused' | 'buffering' | 'ended' | 'error'

export interface OverlayState {
  visible: boolean
  menuOpen: boolean
}

export type BackOutcome = 'closed-menu' | 'hid-overlay' | 'stop'

export interface Scheduler {
  set(callback: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export const timerScheduler: Scheduler = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export const OVERLAY_HIDE_MS = 4000

export class OverlayMachine {
  private state: OverlayState = { visible: true, menuOpen: false }
  private playback: OverlayPlayback = 'loading'
  private noPicture = false
  private timer: unknown

  constructor(
    private readonly onChange: (state: OverlayState) => void,
    private readonly hideMs = OVERLAY_HIDE_MS,
    private readonly scheduler: Scheduler = timerScheduler,
  ) {}

  get value(): OverlayState {
    return { ...this.state }
  }

  /** Any key: show, and count down again. */
  activity(): void {
    this.set({ visible: true })
    this.schedule()
  }

  setPlayback(playback: OverlayPlayback): void {
    if (playback === this.playback) return
    this.playback = playback
    if (playback !== 'playing') {
      this.cancel()
      this.set({ visible: true })
    } else this.schedule()
  }

  /** The stream has no picture (true) or has one (false); checked each time playback starts. */
  setNoPicture(noPicture: boolean): void {
    if (noPicture === this.noPicture) return
    this.noPicture = noPicture
    if (noPicture) {
      this.cancel()
      this.set({ visible: true })
    } else this.schedule()
  }

  openMenu(): void {
    this.cancel()
    this.set({ visible: true, menuOpen: true })
  }

  closeMenu(): void {
    this.set({ menuOpen: false })
    this.schedule()
  }

  /** What Back does now; the caller stops playback on 'stop'. */
  back(): BackOutcome {
    if (this.state.menuOpen) {
      this.closeMenu()
      return 'closed-menu'
    }
    if (this.state.visible && this.playback === 'playing' && !this.noPicture) {
      this.cancel()
      this.set({ visible: false })
      return 'hid-overlay'
    }
    return 'stop'
  }

  /**
   * What covered the picture went away (a live channel's banner, put away or timed out): the
   * controls go too, rather than appearing in its place. The track menu, and a stream with no
   * picture, keep them.
   */
  dismiss(): void {
    if (this.state.menuOpen || this.noPicture) return
    this.cancel()
    this.set({ visible: false })
  }

  dispose(): void {
    this.cancel()
  }

  private schedule(): void {
    this.cancel()
    if (this.playback !== 'playing' || this.state.menuOpen || this.noPicture) return
    this.timer = this.scheduler.set(() => {
      this.timer = undefined
      if (this.playback === 'playing' && !this.state.menuOpen) this.set({ visible: false })
    }, this.hideMs)
  }

  private cancel(): void {
    if (this.timer !== undefined) this.scheduler.clear(this.timer)
    this.timer = undefined
  }

  private set(patch: Partial<OverlayState>): void {
    const next = { ...this.state, ...patch }
    if (next.visible === this.state.visible && next.menuOpen === this.state.menuOpen) return
    this.state = next
    this.onChange({ ...next })
  }
}
