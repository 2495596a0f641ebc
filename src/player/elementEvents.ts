/**
 * The SDK's VideoPlayer forwards the <video> element's events to its consumer ($videoPlayerTimeUpdate,
 * $videoPlayerEnded...), but stops for good at the element's first 'abort' (its abort hook removes
 * every listener, and only its next open() adds them again). Shaka's interstitials abort the
 * element when they swap an ad in and the content back, so after a pre-roll the player screen
 * heard nothing more: the progress bar stood at 0:00 and the title's end went unnoticed. After
 * such an abort, while the session is still the screen's, this forwards the same events itself,
 * until the SDK's next open or close.
 */
export const MEDIA_EVENTS: Readonly<Record<string, string>> = {
  abort: 'Abort',
  canplay: 'CanPlay',
  canplaythrough: 'CanPlayThrough',
  durationchange: 'DurationChange',
  emptied: 'Emptied',
  encrypted: 'Encrypted',
  ended: 'Ended',
  error: 'Error',
  loadeddata: 'LoadedData',
  loadedmetadata: 'LoadedMetadata',
  loadstart: 'LoadStart',
  pause: 'Pause',
  play: 'Play',
  playing: 'Playing',
  progress: 'Progress',
  ratechange: 'Ratechange',
  seeked: 'Seeked',
  seeking: 'Seeking',
  stalled: 'Stalled',
  timeupdate: 'TimeUpdate',
  volumechange: 'VolumeChange',
  waiting: 'Waiting',
}

/** What the SDK fires events on: the screen that opened the player (a Lightning component). */
export interface EventConsumer {
  fire(name: string, ...args: unknown[]): unknown
}

type Target = Pick<HTMLMediaElement, 'addEventListener' | 'removeEventListener' | 'currentTime'>

export class ElementEventRelay {
  private relaying = false
  private readonly handlers = new Map<string, (event: Event) => void>()

  constructor(
    private readonly video: Target,
    private readonly consumer: EventConsumer,
    /** Whether the session that was opened is still playing in this element for this consumer. */
    private readonly active: () => boolean,
  ) {
    video.addEventListener('abort', this.onAbort)
  }

  /** Whether this relay forwards the element's events now (the SDK's listeners are gone). */
  get forwarding(): boolean {
    return this.relaying
  }

  private readonly onAbort = () => {
    // The SDK's own abort listener ran first, or runs in this same dispatch: either way its
    // listeners are gone once this event is over.
    if (this.relaying || !this.active()) return
    this.relaying = true
    for (const [type, name] of Object.entries(MEDIA_EVENTS)) {
      const handler = (event: Event) => this.forward(name, event)
      this.handlers.set(type, handler)
      this.video.addEventListener(type, handler)
    }
  }

  private forward(name: string, event: Event): void {
    if (!this.active()) return
    const args = { videoElement: this.video, event }
    this.consumer.fire(`$videoPlayer${name}`, args, this.video.currentTime)
    this.consumer.fire('$videoPlayerEvent', name, args, this.video.currentTime)
  }

  /** Ends the relay: the SDK's next open registers its own listeners, and close wants none. */
  dispose(): void {
    this.video.removeEventListener('abort', this.onAbort)
    for (const [type, handler] of this.handlers) this.video.removeEventListener(type, handler)
    this.handlers.clear()
    this.relaying = false
  }
}
