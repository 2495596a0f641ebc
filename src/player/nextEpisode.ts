import type { Episode, Series } from '../catalogue/schema'
import type { Scheduler } from './overlay'
import { timerScheduler } from './overlay'

/** The episode after `episodeId`: the next in its season, else the first of the next season. */
export function nextEpisode(
  series: Series,
  episodeId: string,
): { episode: Episode; season: number } | undefined {
  const seasons = [...series.seasons].sort((a, b) => a.number - b.number)
  for (let s = 0; s < seasons.length; s++) {
    const episodes = [...seasons[s]!.episodes].sort((a, b) => a.number - b.number)
    const i = episodes.findIndex((e) => e.id === episodeId)
    if (i < 0) continue
    if (i + 1 < episodes.length) return { episode: episodes[i + 1]!, season: seasons[s]!.number }
    const following = seasons[s + 1]
    const first = following && [...following.episodes].sort((a, b) => a.number - b.number)[0]
    return first ? { episode: first, season: following.number } : undefined
  }
  return undefined
}

/** Seconds before the end at which "Next episode" appears. */
export const NEXT_EPISODE_LEAD_S = 10

export type CountdownState =
  | { phase: 'idle' }
  | { phase: 'counting'; remaining: number }
  | { phase: 'cancelled' }
  | { phase: 'done' }

/**
 * "Next episode in N s": starts once, near the end; counts down each second; the viewer can cancel
 * it (it does not come back for this episode) or play at once. `onDone` fires once, when the count
 * reaches zero or on `playNow`.
 */
export class NextEpisodeCountdown {
  private state: CountdownState = { phase: 'idle' }
  private timer: unknown

  constructor(
    private readonly onChange: (state: CountdownState) => void,
    private readonly onDone: () => void,
    private readonly lead = NEXT_EPISODE_LEAD_S,
    private readonly scheduler: Scheduler = timerScheduler,
  ) {}

  get value(): CountdownState {
    return this.state
  }

  /** Called on each time update while a next episode exists. */
  update(currentTime: number, duration: number): void {
    if (this.state.phase !== 'idle' || !(duration > 0)) return
    const left = duration - currentTime
    if (left > this.lead || left <= 0) return
    this.set({ phase: 'counting', remaining: Math.max(1, Math.ceil(left)) })
    this.tick()
  }

  /** The episode ended while counting (or before the countdown started): go on now. */
  ended(): void {
    if (this.state.phase === 'idle' || this.state.phase === 'counting') this.finish()
  }

  cancel(): void {
    if (this.state.phase !== 'counting') return
    this.clear()
    this.set({ phase: 'cancelled' })
  }

  playNow(): void {
    if (this.state.phase === 'counting') this.finish()
  }

  /** After a seek back, a cancelled or running countdown may start again later. */
  rearm(currentTime: number, duration: number): void {
    if (this.state.phase === 'done') return
    if (duration - currentTime > this.lead) {
      this.clear()
      this.set({ phase: 'idle' })
    }
  }

  dispose(): void {
    this.clear()
  }

  private tick(): void {
    this.timer = this.scheduler.set(() => {
      if (this.state.phase !== 'counting') return
      const remaining = this.state.remaining - 1
      if (remaining <= 0) this.finish()
      else {
        this.set({ phase: 'counting', remaining })
        this.tick()
      }
    }, 1000)
  }

  private finish(): void {
    this.clear()
    this.set({ phase: 'done' })
    this.onDone()
  }

  private clear(): void {
    if (this.timer !== undefined) this.scheduler.clear(this.timer)
    this.timer = undefined
  }

  private set(state: CountdownState): void {
    this.state = state
    this.onChange(state)
  }
}
