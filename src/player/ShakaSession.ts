import type { AppConfig } from '../config/defaults'
import { fromShakaError, PlaybackErrorCode, PlaybackFailure, type PlaybackError } from './errors'
import { LICENSE_REQUEST, licenceAttempt } from './licenceAttempt'
import type { Shaka } from './loadShaka'
import { shakaConfig } from './shakaConfig'
import {
  audioOptions,
  findAudioTrack,
  findTextTrack,
  planTracks,
  textOptions,
  type TrackOption,
  type TrackPreference,
} from './tracks'

type ShakaPlayer = InstanceType<Shaka['Player']>
type ShakaErrorLike = Parameters<typeof fromShakaError>[0]

export interface SessionListener {
  onError(error: PlaybackError): void
  onBuffering(buffering: boolean): void
  onTracksChanged(): void
}

export interface TrackState {
  audio: TrackOption[]
  text: TrackOption[]
  audioLanguage: string | null
  textLanguage: string | null
}

const NETWORK_CATEGORY = 1
const DRM_CATEGORY = 6
const LICENSE_REQUEST_FAILED = 6007

/**
 * One Shaka player bound to the page's single <video>. There is never more than one: `load`
 * replaces the previous content, `destroy` releases buffers, listeners and the MediaSource.
 */
export class ShakaSession {
  private player?: ShakaPlayer
  private loaded = false
  private readonly onShakaError = (event: Event) => {
    const detail = (event as Event & { detail?: ShakaErrorLike }).detail
    const error = fromShakaError(detail ?? {}, this.encrypted)
    // Mid-stream network trouble (a cut, a timeout, a 5xx) is ridden out: Shaka retries through
    // the failure callback, and the screen's stall watchdog ends it if nothing moves for too long.
    const transient = this.loaded && error.code === PlaybackErrorCode.NETWORK
    this.listener.onError(transient ? { ...error, severity: 'recoverable' } : error)
  }
  /**
   * Shaka reports a licence failure only once its retries are spent. A refusal (401/403) would get
   * the same answer again, so its retry is cancelled and the viewer is told at once. Other failures
   * are retried; for a server that hangs those retries outlast the stall watchdog, so each retried
   * attempt is reported as a recoverable licence error and the watchdog names the licence server.
   */
  private readonly onRetry = (event: Event) => {
    const error = (event as Event & { error?: ShakaErrorLike | null }).error
    const attempt = error ? licenceAttempt(error) : null
    if (attempt === 'refused') event.preventDefault()
    if (attempt !== 'failed') return
    const licence = { category: DRM_CATEGORY, code: LICENSE_REQUEST_FAILED, data: [error] }
    this.listener.onError({ ...fromShakaError(licence), severity: 'recoverable' })
  }
  private readonly onBuffering = (event: Event) =>
    this.listener.onBuffering(Boolean((event as Event & { buffering?: boolean }).buffering))
  private readonly onTracks = () => this.listener.onTracksChanged()

  constructor(
    private readonly shaka: Shaka,
    private readonly config: AppConfig['player'],
    private readonly listener: SessionListener,
  ) {}

  async load(
    video: HTMLMediaElement,
    url: string,
    options: { startTime?: number; preference: TrackPreference },
  ): Promise<void> {
    if (!this.shaka.Player.isBrowserSupported()) {
      throw new PlaybackFailure({
        code: PlaybackErrorCode.PLAYER_UNAVAILABLE,
        category: 'player',
        severity: 'critical',
        detail: 'this browser cannot play adaptive streams (no MediaSource)',
      })
    }
    const setup = shakaConfig(this.config, options.preference, (error) => {
      // After a network cut, go on fetching by ourselves: the stall watchdog bounds the wait.
      if (error.category === NETWORK_CATEGORY) this.player?.retryStreaming(1)
    })
    if (setup.problems.length) {
      throw new PlaybackFailure({
        code: PlaybackErrorCode.DRM_CONFIG,
        category: 'drm',
        severity: 'critical',
        detail: setup.problems.join('; '),
      })
    }
    if (!this.player) {
      this.player = new this.shaka.Player()
      this.player.addEventListener('error', this.onShakaError)
      this.player.addEventListener('buffering', this.onBuffering)
      for (const type of ['trackschanged', 'variantchanged', 'textchanged', 'adaptation'])
        this.player.addEventListener(type, this.onTracks)
      const headers = setup.licenceHeaders
      const networking = this.player.getNetworkingEngine?.()
      networking?.registerRequestFilter((type, request) => {
        if (Number(type) !== LICENSE_REQUEST) return
        const system = this.player?.keySystem() ?? ''
        Object.assign(request.headers, headers[system] ?? {})
      })
      // Optional: the unit tests' fake engine has no events. Destroyed with the player.
      networking?.addEventListener?.('retry', this.onRetry)
      await this.player.attach(video)
    }
    this.player.configure(setup.config)
    this.loaded = false
    try {
      await this.player.load(
        url,
        options.startTime && options.startTime > 0 ? options.startTime : null,
      )
    } catch (error) {
      throw new PlaybackFailure(fromShakaError(error as ShakaErrorLike, this.encrypted))
    }
    this.loaded = true
    this.applyPreference(options.preference)
  }

  /** Selects the preferred tracks the stream has (Shaka's preferences may not cover roles). */
  applyPreference(preference: TrackPreference): void {
    const player = this.player
    if (!player) return
    const plan = planTracks(preference, player.getAudioTracks(), player.getTextTracks())
    if (plan.audio) player.selectAudioTrack(plan.audio)
    if (plan.text === null) player.selectTextTrack(null)
    else if (plan.text && !plan.text.active) player.selectTextTrack(plan.text)
  }

  get encrypted(): boolean {
    try {
      return Boolean(this.player?.drmInfo())
    } catch {
      return false
    }
  }

  tracks(): TrackState {
    const audio = audioOptions(this.player?.getAudioTracks() ?? [])
    const text = textOptions(this.player?.getTextTracks() ?? [], true)
    return {
      audio,
      text,
      audioLanguage: audio.find((o) => o.active)?.language ?? null,
      textLanguage: text.find((o) => o.active)?.language ?? null,
    }
  }

  selectAudio(language: string, audioDescription = false): boolean {
    const player = this.player
    const track = player && findAudioTrack(player.getAudioTracks(), language, audioDescription)
    if (!player || !track) return false
    // Keep a little of what is buffered, so the switch does not stall on a slow box.
    player.selectAudioTrack(track, 2)
    return true
  }

  /** A language, or null for subtitles off. */
  selectText(language: string | null): boolean {
    const player = this.player
    if (!player) return false
    if (language === null) {
      player.selectTextTrack(null)
      return true
    }
    const track = findTextTrack(player.getTextTracks(), language)
    if (!track) return false
    player.selectTextTrack(track)
    return true
  }

  isLive(): boolean {
    return Boolean(this.player?.isLive())
  }

  seekRange(): { start: number; end: number } {
    return this.player?.seekRange() ?? { start: 0, end: 0 }
  }

  async destroy(): Promise<void> {
    const player = this.player
    this.player = undefined
    if (!player) return
    player.removeEventListener('error', this.onShakaError)
    player.removeEventListener('buffering', this.onBuffering)
    for (const type of ['trackschanged', 'variantchanged', 'textchanged', 'adaptation'])
      player.removeEventListener(type, this.onTracks)
    await player.destroy()
  }
}
