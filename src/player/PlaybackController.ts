import { VideoPlayer } from '@lightningjs/sdk'
import { Subject, share, type Observable } from 'rxjs'
import { PlaybackErrorCode, PlaybackFailure, type PlaybackError } from './errors'
import { loadShaka } from './loadShaka'
import { playbackEvents, type PlaybackEvent } from './playbackEvents'
import type { PlayerSettings } from './shakaConfig'
import type { PlaybackStatsSample } from './playbackHub'
import {
  ShakaSession,
  type LoadOptions,
  type SessionListener,
  type TrackState,
} from './ShakaSession'
import type { LicenceToken } from './licenceToken'
import { ElementEventRelay, type EventConsumer } from './elementEvents'

export type OpenOptions = LoadOptions

export interface ControllerHooks {
  /** The stream's audio or text tracks changed (not playback state: the menu redraws). */
  onTracksChanged(): void
  /** The subtitles on screen failed to load or read; they are off (the household is told). */
  onSubtitlesFailed?(): void
  /** Subtitles chosen in the menu could not be loaded; those from before stay (SessionListener). */
  onTextChoiceFailed?(): void
  /** Audio chosen in the menu could not be loaded; the sound from before plays on. */
  onAudioChoiceFailed?(): void
  /** The event clock (ms); performance.now() by default. */
  now?: () => number
  /** The device token for licence requests (src/device); none by default. */
  licence?: LicenceToken | null
}

/** End of the buffered range that contains `time` (or `time` itself when nothing is buffered). */
export function bufferedEnd(ranges: TimeRanges | undefined, time: number): number {
  if (!ranges) return time
  for (let i = 0; i < ranges.length; i++) {
    if (ranges.start(i) <= time + 0.5 && time <= ranges.end(i)) return ranges.end(i)
  }
  return time
}

/**
 * Connects the SDK VideoPlayer (which owns the <video> element behind the canvas and its events)
 * to Shaka through the plugin's loader/unloader hooks, so the screen uses the SDK's API and Shaka
 * does the adaptive streaming. Shaka is loaded on the first `open`, not at start-up.
 *
 * `events$` is the one stream of everything that changes playback state: the screen's intents
 * and the element's events (both passed in with `signal`), Shaka's (buffering, errors) and a tick
 * every second while a start is under way (see playbackEvents.ts for the event types).
 */
/**
 * What an abandoned load gives the SDK's VideoPlayer: its open() shows the element and plays it
 * once the loader resolves, and reports an error to the screen when it rejects. Neither may
 * happen for a start the household already left, so the promise never settles.
 */
/** HTMLMediaElement.HAVE_FUTURE_DATA, spelled out: the element's constants are not in every test DOM. */
const HAVE_FUTURE_DATA = 3

const NEVER_SETTLES: Promise<void> = new Promise<void>(() => undefined)

export class PlaybackController {
  /** The controller that opened the video last: only it may close it (one player at a time). */
  private static owner?: PlaybackController
  /** The previous session's release: the next one waits for it (they share the <video>). */
  private static releasing: Promise<void> = Promise.resolve()
  private session?: ShakaSession
  /** Counts loads and unloads: a load that sees another number on waking was abandoned. */
  private loads = 0
  private video?: HTMLVideoElement
  private options: OpenOptions = { preference: {} }
  private consumer?: EventConsumer
  /** Forwards the element's events once the SDK has stopped (elementEvents.ts). */
  private relay?: ElementEventRelay
  /** A load finished and nothing has unloaded it since. */
  private sessionLoaded = false
  private readonly signals = new Subject<PlaybackEvent>()
  private readonly listener: SessionListener
  private readonly licence: LicenceToken | null
  readonly now: () => number
  /** Hot and shared: subscribe before `open`. Ticks stop at 'stop' and at a critical error. */
  readonly events$: Observable<PlaybackEvent>

  constructor(
    private readonly config: PlayerSettings,
    hooks: ControllerHooks,
  ) {
    const now = hooks.now ?? (() => performance.now())
    this.now = now
    this.licence = hooks.licence ?? null
    this.listener = {
      onError: (error, ahead) =>
        this.signal({
          type: 'error',
          at: now(),
          error,
          ...(ahead ? { ahead } : {}),
          bufferedEnd: this.buffered,
        }),
      onBuffering: (buffering) =>
        this.signal({
          type: 'buffering',
          at: now(),
          buffering,
          playing: this.playing,
          time: this.currentTime,
        }),
      onTracksChanged: () => hooks.onTracksChanged(),
      onSubtitlesFailed: () => hooks.onSubtitlesFailed?.(),
      onTextChoiceFailed: () => hooks.onTextChoiceFailed?.(),
      onAudioChoiceFailed: () => hooks.onAudioChoiceFailed?.(),
      onLiveEnded: (end) =>
        this.signal({ type: 'live-ended', at: now(), ...(end !== null ? { end } : {}) }),
    }
    this.events$ = playbackEvents({
      signals$: this.signals,
      sample: () => {
        const time = this.currentTime
        const duration = this.duration
        const remaining = duration > 0 && !this.live ? duration - time : undefined
        return {
          time,
          playing: this.playing,
          starved: this.starved,
          ...(remaining !== undefined ? { remaining } : {}),
        }
      },
      now,
    }).pipe(share())
  }

  /** An intent of the screen or an element event, into the one stream. */
  signal(event: PlaybackEvent): void {
    this.signals.next(event)
  }

  /** `consumer`: the screen, a Lightning component (its state machine's fire() is untyped). */
  open(consumer: object, url: string, options: OpenOptions): void {
    this.options = options
    this.consumer = consumer as EventConsumer
    this.endRelay()
    PlaybackController.owner = this
    VideoPlayer.loader((source: string, video: HTMLVideoElement) => this.load(source, video))
    VideoPlayer.unloader(() => this.unload())
    VideoPlayer.consumer(consumer)
    VideoPlayer.open(url)
  }

  /** Stops and releases the video, unless another screen's controller has taken it over. */
  close(): void {
    this.endRelay()
    if (PlaybackController.owner !== this) return
    VideoPlayer.close()
  }

  play(): void {
    VideoPlayer.play()
  }

  /** By the element itself: the SDK's own account stops with its events (elementEvents.ts). */
  playPause(): void {
    if (!this.video) return VideoPlayer.playPause()
    if (this.video.paused) VideoPlayer.play()
    else VideoPlayer.pause()
  }

  /** Seeks without pausing (the SDK's seek pauses and resumes, which flashes the overlay). */
  seek(seconds: number): void {
    const video = this.video
    if (!video) return
    const end = this.duration > 0 ? this.duration - 0.5 : seconds
    video.currentTime = Math.max(0, Math.min(seconds, end))
  }

  get currentTime(): number {
    return this.video?.currentTime ?? VideoPlayer.currentTime ?? 0
  }

  get duration(): number {
    const duration = this.video?.duration ?? VideoPlayer.duration ?? 0
    return Number.isFinite(duration) ? duration : 0
  }

  get playing(): boolean {
    const video = this.video
    return video ? !video.paused && !video.ended : Boolean(VideoPlayer.playing)
  }

  /** The element cannot play on from where it stands (MediaSample.starved). */
  get starved(): boolean {
    const video = this.video
    return video ? video.readyState < HAVE_FUTURE_DATA : false
  }

  get buffered(): number {
    return bufferedEnd(this.video?.buffered, this.currentTime)
  }

  /** The newest playable position of a live stream (its seek range end). */
  get liveEdge(): number {
    return this.session?.seekRange().end ?? 0
  }

  get live(): boolean {
    return this.session?.isLive() ?? false
  }

  /** The live Shaka session, for track state (undefined while nothing plays). */
  get activeSession(): ShakaSession | undefined {
    return this.session
  }

  /** Shaka's stats of what plays, for analytics (null while nothing does). */
  stats(): PlaybackStatsSample | null {
    return this.session?.stats() ?? null
  }

  tracks(): TrackState {
    return (
      this.session?.tracks() ?? { audio: [], text: [], audioLanguage: null, textLanguage: null }
    )
  }

  private async load(url: string, video: HTMLVideoElement): Promise<void> {
    const ticket = ++this.loads
    // Back pressed while Shaka loads, or another screen's player opened: this start is over.
    const abandoned = () => ticket !== this.loads || PlaybackController.owner !== this
    this.video = video
    await PlaybackController.releasing
    if (abandoned()) return NEVER_SETTLES
    let shaka
    try {
      shaka = await loadShaka()
    } catch (error) {
      const problem: PlaybackError = {
        code: PlaybackErrorCode.PLAYER_UNAVAILABLE,
        category: 'player',
        severity: 'critical',
        detail: String(error),
      }
      this.listener.onError(problem)
      throw new PlaybackFailure(problem)
    }
    if (abandoned()) return NEVER_SETTLES
    this.session ??= new ShakaSession(shaka, this.config, this.listener, this.licence)
    try {
      await this.session.load(video, url, this.options)
    } catch (error) {
      if (abandoned()) return NEVER_SETTLES
      if (error instanceof PlaybackFailure) this.listener.onError(error.error)
      throw error
    }
    if (abandoned()) return NEVER_SETTLES
    this.sessionLoaded = true
    const consumer = this.consumer
    if (consumer) {
      this.relay = new ElementEventRelay(video, consumer, () => this.sessionLoaded && !abandoned())
    }
  }

  private endRelay(): void {
    this.sessionLoaded = false
    this.relay?.dispose()
    this.relay = undefined
  }

  private unload(): Promise<void> {
    this.endRelay()
    this.loads++
    const session = this.session
    this.session = undefined
    const released = (session?.destroy() ?? Promise.resolve()).catch(() => undefined)
    PlaybackController.releasing = PlaybackController.releasing.then(() => released)
    return released
  }
}
