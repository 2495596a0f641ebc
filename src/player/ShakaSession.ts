import type { AppConfig } from '../config/defaults'
import { fromShakaError, PlaybackErrorCode, PlaybackFailure, type PlaybackError } from './errors'
import type { Shaka } from './loadShaka'

type ShakaPlayer = InstanceType<Shaka['Player']>

/**
 * One Shaka player bound to the page's single <video>. There is never more than one: `load`
 * replaces the previous content, `destroy` releases buffers, listeners and the MediaSource.
 */
export class ShakaSession {
  private player?: ShakaPlayer
  private readonly onShakaError = (event: Event) => {
    const detail = (event as Event & { detail?: Parameters<typeof fromShakaError>[0] }).detail
    this.onError(fromShakaError(detail ?? {}))
  }

  constructor(
    private readonly shaka: Shaka,
    private readonly config: AppConfig['player'],
    private readonly onError: (error: PlaybackError) => void,
  ) {}

  async load(video: HTMLMediaElement, url: string): Promise<void> {
    if (!this.shaka.Player.isBrowserSupported()) {
      throw new PlaybackFailure({
        code: PlaybackErrorCode.PLAYER_UNAVAILABLE,
        category: 'player',
        severity: 'critical',
        detail: 'this browser cannot play adaptive streams (no MediaSource)',
      })
    }
    if (!this.player) {
      this.player = new this.shaka.Player()
      this.player.addEventListener('error', this.onShakaError)
      this.player.configure({
        streaming: {
          bufferingGoal: this.config.bufferingGoal,
          rebufferingGoal: this.config.rebufferingGoal,
          bufferBehind: this.config.bufferBehind,
        },
      })
      await this.player.attach(video)
    }
    try {
      await this.player.load(url)
    } catch (error) {
      throw new PlaybackFailure(fromShakaError(error as Parameters<typeof fromShakaError>[0]))
    }
  }

  get audioLanguages(): string[] {
    return [...new Set((this.player?.getAudioTracks() ?? []).map((track) => track.language))]
  }

  get textLanguages(): string[] {
    return [...new Set((this.player?.getTextTracks() ?? []).map((track) => track.language))]
  }

  async destroy(): Promise<void> {
    const player = this.player
    this.player = undefined
    if (!player) return
    player.removeEventListener('error', this.onShakaError)
    await player.destroy()
  }
}
