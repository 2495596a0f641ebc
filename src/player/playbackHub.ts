import { Subject, type Observable, type Subscription } from 'rxjs'
import type { PlaybackEvent } from './playbackEvents'

/**
 * Where the player's one event stream is published for the rest of the app (on the context, not a
 * module singleton): the player screen connects its stream while it plays; collectors (analytics'
 * QoE, audience measurement) subscribe to `events$` once and receive every viewing's events,
 * 'open' first. Hot: events before a subscription are not replayed.
 */
export class PlaybackHub {
  private readonly subject = new Subject<PlaybackEvent>()
  readonly events$: Observable<PlaybackEvent> = this.subject.asObservable()

  /** The player's stream into the hub, until the returned subscription ends. */
  connect(events$: Observable<PlaybackEvent>): Subscription {
    return events$.subscribe((event) => this.subject.next(event))
  }
}
