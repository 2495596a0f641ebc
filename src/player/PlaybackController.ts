import { VideoPlayer } from '@lightningjs/sdk'
import type { AppConfig } from '../config/defaults'
import { PlaybackErrorCode, PlaybackFailure, type PlaybackError } from './errors'
import { loadShaka } from './loadShaka'
import { ShakaSession } from './ShakaSession'

/**
 * Connects the SDK VideoPlayer (which owns the <video> element behind the canvas and its events)
 * to Shaka through the plugin's loader/unloader hooks, so the screen uses the SDK's API and Shaka
 * does the adaptive streaming.
 */
export class PlaybackController {
  private session?: ShakaSession

  constructor(
    private readonly config: AppConfig['player'],
    private readonly onError: (error: PlaybackError) => void,
  ) {
    VideoPlayer.loader((url: string, video: HTMLVideoElement) => this.load(url, video))
    VideoPlayer.unloader(() => this.unload())
  }

  open(consumer: object, url: string): void {
    VideoPlayer.consumer(consumer)
    VideoPlayer.open(url)
  }

  close(): void {
    VideoPlayer.close()
  }

  playPause(): void {
    VideoPlayer.playPause()
  }

  skip(seconds: number): void {
    VideoPlayer.skip(seconds)
  }

  get currentTime(): number {
    return VideoPlayer.currentTime ?? 0
  }

  get duration(): number {
    return VideoPlayer.duration ?? 0
  }

  get playing(): boolean {
    return Boolean(VideoPlayer.playing)
  }

  /** The live Shaka session, for track state (undefined while nothing plays). */
  get activeSession(): ShakaSession | undefined {
    return this.session
  }

  private async load(url: string, video: HTMLVideoElement): Promise<void> {
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
      this.onError(problem)
      throw new PlaybackFailure(problem)
    }
    this.session ??= new ShakaSession(shaka, this.config, this.onError)
    try {
      await this.session.load(video, url)
    } catch (error) {
      if (error instanceof PlaybackFailure) this.onError(error.error)
      throw error
    }
  }

  private async unload(): Promise<void> {
    const session = this.session
    this.session = undefined
    await session?.destroy()
  }
}
