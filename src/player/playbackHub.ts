import { Subject, type Observable, type Subscription } from 'rxjs'
import type { PlaybackEvent } from './playbackEvents'

/** What Shaka's getStats() says now of the variant playing and the frames dropped. */
export interface PlaybackStatsSample {
  /** bits/s of the variant playing (Shaka's streamBandwidth); 0 or NaN when unknown. */
  bandwidth: number
  /** Since the load (Shaka's droppedFrames). */
  droppedFrames: number
}

/**
 * Where the player's one event stream is published for the rest of the app (on the context, not a
 * module singleton): the player screen connects its stream while it plays; collectors (analytics'
 * QoE, audience measurement) subscribe to `events$` once and receive every viewing's events,
 * 'open' first. Hot: events before a subscription are not replayed.
 */
export class PlaybackHub {
  private readonly subject = new Subject<PlaybackEvent>()
  readonly events$: Observable<PlaybackEvent> = this.subject.asObservable()
  private statsSource: (() => PlaybackStatsSample | null) | null = null

  /**
   * The player's stream into the hub, until the returned subscription ends; `stats` (optional)
   * reads Shaka's stats while connected, for the QoE collector's bitrate and dropped frames.
   */
  connect(
    events$: Observable<PlaybackEvent>,
    stats?: () => PlaybackStatsSample | null,
  ): Subscription {
    const source = stats ?? null
    this.statsSource = source
    const subscription = events$.subscribe((event) => this.subject.next(event))
    subscription.add(() => {
      if (this.statsSource === source) this.statsSource = null
    })
    return subscription
  }

  /** Shaka's stats of what plays now; null when nothing is connected or it gives none. */
  stats(): PlaybackStatsSample | null {
    try {
      return this.statsSource?.() ?? null
    } catch {
      return null
    }
  }
}
