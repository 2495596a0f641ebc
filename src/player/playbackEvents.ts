import {
  EMPTY,
  distinctUntilChanged,
  filter,
  interval,
  map,
  merge,
  share,
  switchMap,
  type Observable,
  type SchedulerLike,
  asyncScheduler,
} from 'rxjs'
import type { PlaybackError } from './errors'

/**
 * Everything that can change playback state, as one discriminated union. Each event carries `at`,
 * the event clock in ms (performance.now() in the app, any number in tests), so the reducer never
 * reads a clock.
 *
 * Where they come from:
 * - the viewer, through the screen ('open', 'retry', 'stop');
 * - the <video> element, through the SDK VideoPlayer ('playing', 'pause', 'waiting', 'ended',
 *   'timeupdate', 'play-rejected', and a media error as 'error');
 * - Shaka ('buffering', 'error': recoverable while it retries, critical when it gives up;
 *   'live-ended' when a live stream's manifest says its broadcast is over);
 * - the once-a-second tick while a start is under way ('tick', with the element's time);
 * - Shaka's ad manager during a break ('ad-break-started', 'ad-started', 'ad-progress',
 *   'ad-break-ended', 'ad-post-roll'; 'ad-impression', 'ad-quartile', 'ad-skipped' and 'ad-error' change no
 *   state but are there for QoE and audience collectors).
 *
 * The player screen publishes this stream on the app context (`context.playback.events$`): an
 * analytics collector subscribes to it, reduces it with `reducePlayback` if it wants the state,
 * and never touches the player. The 'open' event names what plays.
 */
export type PlaybackEvent =
  | {
      type: 'open'
      at: number
      /** The title, episode, channel or programme id. */
      id: string
      url: string
      live: boolean
      startPosition: number
    }
  /** `skip`: seconds past where playback stopped (a part missing from the server). */
  | { type: 'retry'; at: number; skip?: number }
  | { type: 'stop'; at: number }
  | { type: 'playing'; at: number }
  | { type: 'pause'; at: number }
  /**
   * `paused`: the element is paused, and waits only for a seek or a track change's data: the
   * household is not kept waiting.
   */
  | { type: 'waiting'; at: number; paused?: boolean }
  | { type: 'ended'; at: number }
  /**
   * The manifest of a live stream says the broadcast is over: a DASH MPD turned static, or given a
   * mediaPresentationDuration, an HLS playlist with #EXT-X-ENDLIST. `end`: the media time where it
   * stops, when Shaka knows it. What is left before it still plays.
   */
  | { type: 'live-ended'; at: number; end?: number }
  /** `starved`: see MediaSample. */
  | {
      type: 'timeupdate'
      at: number
      time: number
      playing: boolean
      starved?: boolean
      /** Where the element's data around the playhead ends (PlaybackController.buffered). */
      bufferedEnd?: number
    }
  /** play() was refused or interrupted while starting (not a failure: asked again once). */
  | { type: 'play-rejected'; at: number; reason: string }
  /** `time`: the element's position when Shaka said it (a start may not have reached its point). */
  | { type: 'buffering'; at: number; buffering: boolean; playing: boolean; time?: number }
  /**
   * `ahead`: data ahead of the playhead failed for good (a segment missing from the server): what
   * is already buffered still plays, and the error shows once playback runs out of data.
   * `bufferedEnd`: where the element's data around the playhead ended then, which is where a
   * missing segment starts.
   */
  | { type: 'error'; at: number; error: PlaybackError; ahead?: boolean; bufferedEnd?: number }
  | {
      type: 'tick'
      at: number
      time: number
      playing: boolean
      remaining?: number
      starved?: boolean
    }
  | { type: 'ad-break-started'; at: number }
  | {
      type: 'ad-started'
      at: number
      index: number
      count: number
      /** Seconds (0 while unknown). */
      duration: number
      /** Seconds from the ad's start until it may be skipped; null: not skippable. */
      skipOffset: number | null
    }
  | { type: 'ad-progress'; at: number; remaining: number; skipIn?: number }
  | { type: 'ad-impression'; at: number }
  | { type: 'ad-quartile'; at: number; quartile: 1 | 2 | 3 | 4 }
  | { type: 'ad-skipped'; at: number }
  | { type: 'ad-error'; at: number; detail: string }
  /** `post`: the break was the post-roll, after which the title is over. */
  /** `offset`: a mid-roll's place in the content (seconds), remembered as watched. */
  | { type: 'ad-break-ended'; at: number; post?: boolean; offset?: number }
  /** A post-roll has ads: the content's end waits for it before the title is left. */
  | { type: 'ad-post-roll'; at: number }

export type PlaybackEventType = PlaybackEvent['type']

/** What the tick reads from the element (through the controller). */
export interface MediaSample {
  time: number
  playing: boolean
  /** Seconds left to the end of a title (not of a live stream); absent while unknown. */
  remaining?: number
  /**
   * The element has no data to play on from where it stands (readyState below HAVE_FUTURE_DATA).
   * Its time may still move: Shaka jumps the playhead over gaps while nothing decodes (a live
   * stream whose playlist stopped, or that answers 404), and such a jump is not playback.
   */
  starved?: boolean
}

export interface PlaybackEventSources {
  /** Intents, element and Shaka events as they happen (the controller's signals). */
  signals$: Observable<PlaybackEvent>
  sample: () => MediaSample
  now: () => number
  tickMs?: number
  scheduler?: SchedulerLike
}

/**
 * The one merged stream: the signals, plus a tick every second from each 'open' or 'retry' until
 * 'stop' or a critical error (the tick is what notices a video that stands still without saying
 * so).
 */
export function playbackEvents(sources: PlaybackEventSources): Observable<PlaybackEvent> {
  const { signals$, sample, now, tickMs = 1000, scheduler = asyncScheduler } = sources
  const shared = signals$.pipe(share())
  const ticking$ = shared.pipe(
    filter(
      (e) =>
        e.type === 'open' ||
        e.type === 'retry' ||
        e.type === 'stop' ||
        // A failure ahead of the playhead (`ahead`) is not the end yet: the buffered seconds play,
        // and the tick is what notices the title running dry there, or reaching its media's end.
        (e.type === 'error' && e.error.severity === 'critical' && !e.ahead),
    ),
    map((e) => e.type === 'open' || e.type === 'retry'),
    distinctUntilChanged(),
  )
  const tick$ = ticking$.pipe(
    switchMap((on) =>
      on
        ? interval(tickMs, scheduler).pipe(
            map((): PlaybackEvent => ({ type: 'tick', at: now(), ...sample() })),
          )
        : EMPTY,
    ),
  )
  return merge(shared, tick$)
}
