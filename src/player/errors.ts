/**
 * Playback errors as the app reports them: an app code (never reused), a category, a severity
 * and the translation keys of what to tell the viewer. Shaka's numeric codes are kept as detail.
 */
export const PlaybackErrorCode = {
  /** Shaka could not be loaded or the browser cannot play MSE. Payload: detail. */
  PLAYER_UNAVAILABLE: 2001,
  /** Manifest or segment request failed (network, HTTP status). Payload: shakaCode, url. */
  NETWORK: 2002,
  /** The manifest could not be parsed. Payload: shakaCode. */
  MANIFEST: 2003,
  /** The media cannot be decoded here (codec, container). Payload: shakaCode. */
  MEDIA: 2004,
  /** DRM licence or key system failure. Payload: shakaCode. */
  DRM: 2005,
  /** The title has no stream the player can use. */
  NO_STREAM: 2006,
  /** Anything else Shaka reports. Payload: shakaCode. */
  UNKNOWN: 2099,
} as const

export type PlaybackErrorCodeValue = (typeof PlaybackErrorCode)[keyof typeof PlaybackErrorCode]

export interface PlaybackError {
  code: PlaybackErrorCodeValue
  category: 'network' | 'manifest' | 'media' | 'drm' | 'player'
  severity: 'recoverable' | 'critical'
  shakaCode?: number
  detail: string
}

/** A PlaybackError thrown as an exception, for promise chains; the data stays in `error`. */
export class PlaybackFailure extends Error {
  constructor(readonly error: PlaybackError) {
    super(`${error.code}: ${error.detail}`)
    this.name = 'PlaybackFailure'
  }
}

const describeDatum = (datum: unknown): string =>
  typeof datum === 'string' || typeof datum === 'number' ? String(datum) : JSON.stringify(datum)

/** Shaka's error categories (shaka.util.Error.Category), by number. */
const SHAKA_CATEGORY = {
  NETWORK: 1,
  TEXT: 2,
  MEDIA: 3,
  MANIFEST: 4,
  STREAMING: 5,
  DRM: 6,
  PLAYER: 7,
}

/** Maps a Shaka error (category + code) to the app's own error. */
export function fromShakaError(error: {
  category?: number
  code?: number
  severity?: number
  data?: unknown[]
}): PlaybackError {
  const shakaCode = error.code
  const detail = `Shaka error ${shakaCode ?? '?'}${error.data?.[0] ? ` (${describeDatum(error.data[0])})` : ''}`
  const severity = error.severity === 1 ? 'recoverable' : 'critical'
  switch (error.category) {
    case SHAKA_CATEGORY.NETWORK:
      return { code: PlaybackErrorCode.NETWORK, category: 'network', severity, shakaCode, detail }
    case SHAKA_CATEGORY.MANIFEST:
      return { code: PlaybackErrorCode.MANIFEST, category: 'manifest', severity, shakaCode, detail }
    case SHAKA_CATEGORY.MEDIA:
    case SHAKA_CATEGORY.TEXT:
      return { code: PlaybackErrorCode.MEDIA, category: 'media', severity, shakaCode, detail }
    case SHAKA_CATEGORY.DRM:
      return { code: PlaybackErrorCode.DRM, category: 'drm', severity, shakaCode, detail }
    default:
      return { code: PlaybackErrorCode.UNKNOWN, category: 'player', severity, shakaCode, detail }
  }
}
