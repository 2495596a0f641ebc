import type { AppConfig } from '../config/defaults'
import { drmSetup } from './drm'
import { shakaPreferences, type TrackPreference } from './tracks'

/** The player's settings; `cmcd` comes from appSettings.analytics.cmcd (the operator's CDN). */
export type PlayerSettings = AppConfig['player'] & { cmcd?: boolean }

/**
 * Shaka's configuration from the app's player settings and the household's track preference.
 * Pure, so the whole mapping is tested without a player. Buffers are small (set-top-box memory);
 * retries are bounded, so a short network cut is ridden out and a dead server ends in a message.
 */
export function shakaConfig(
  player: PlayerSettings,
  preference: TrackPreference,
  /** Called when a stream keeps failing on the network: the session asks Shaka to retry. */
  onStreamingFailure: (error: { category?: number; code?: number }) => void = () => undefined,
) {
  const retryParameters = {
    maxAttempts: player.retryAttempts,
    baseDelay: player.retryBaseDelayMs,
    backoffFactor: 2,
    fuzzFactor: 0.3,
    timeout: player.requestTimeoutMs,
    stallTimeout: 0,
    connectionTimeout: player.requestTimeoutMs,
  }
  // A segment may take longer than a request timeout to arrive whole and still be arriving: a
  // large first segment on a modest line. Capping its total time aborted it while its bytes
  // flowed, and the retry did the same. Segments are given up on when no byte comes for that long
  // (or the server does not answer at all); the player's own stall watch (stallTimeoutSeconds)
  // still ends a playback that makes no progress.
  const segmentRetryParameters = {
    ...retryParameters,
    timeout: 0,
    stallTimeout: player.requestTimeoutMs,
  }
  const drm = drmSetup(player.drm)
  return {
    config: {
      streaming: {
        bufferingGoal: player.bufferingGoal,
        rebufferingGoal: player.rebufferingGoal,
        bufferBehind: player.bufferBehind,
        retryParameters: segmentRetryParameters,
        // A failed segment is retried again later rather than stopping the stream for good.
        maxDisabledTime: 5,
        failureCallback: onStreamingFailure,
      },
      manifest: {
        retryParameters,
        // A multivariant playlist without CODECS (optional in RFC 8216) was taken for H.264 with
        // AAC muxed: a video-only or audio-only TS export failed to transmux (3018), and that
        // failure comes after the load, too late to load again with other settings. Shaka reads
        // the codecs from each rung's first segment instead, before the first frame (a few MB
        // for a long ladder); playlists that name them cost nothing more.
        hls: { disableCodecGuessing: true },
      },
      abr: {
        enabled: player.abrEnabled,
        defaultBandwidthEstimate: player.defaultBandwidthEstimate,
      },
      drm: { ...drm.config, retryParameters },
      // Common Media Client Data as query arguments (a header would need a CORS preflight).
      cmcd: { enabled: player.cmcd === true, useHeaders: false },
      ...shakaPreferences(preference),
    },
    licenceHeaders: drm.headers,
    problems: drm.problems,
  }
}
