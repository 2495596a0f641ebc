/**
 * Playback errors as the app reports them: an app code (never reused), a category, a severity
 * and the translation keys of what to tell the viewer. Shaka's numeric codes are kept as detail.
 */
export const PlaybackErrorCode = {
  /** Shaka could not be loaded or the browser cannot play MSE. Payload: detail. */
  PLAYER_UNAVAILABLE: 2001,
  /** Manifest, segment or video file request failed (network, HTTP status). Payload: shakaCode, url. */
  NETWORK: 2002,
  /** The manifest could not be parsed. Payload: shakaCode. */
  MANIFEST: 2003,
  /** The media cannot be decoded here (codec, container). Payload: shakaCode. */
  MEDIA: 2004,
  /** Any other DRM failure (key system unavailable, CDM failure). Payload: shakaCode. */
  DRM: 2005,
  /** The title has no stream the player can use. */
  NO_STREAM: 2006,
  /** The manifest, a segment or the video file is not on the server (HTTP 404/410). Payload: shakaCode, url. */
  NOT_FOUND: 2007,
  /** Playback made no progress for player.stallTimeoutSeconds (server silent). Payload: detail. */
  STALLED: 2008,
  /** The stream's codecs cannot be played on this device. Payload: shakaCode. */
  UNSUPPORTED: 2009,
  /** The DRM settings in settings.json are malformed. Payload: detail (the problems). */
  DRM_CONFIG: 2010,
  /**
   * The licence server could not be reached, timed out or failed (5xx, or any status but a
   * refusal). Payload: shakaCode, status (0 without an HTTP answer). Retry asks again.
   */
  LICENCE_UNREACHABLE: 2011,
  /** The licence server refused the licence (HTTP 401/403). Payload: shakaCode, status. */
  LICENCE_REFUSED: 2012,
  /**
   * A licence came back but holds no usable key for this content (wrong or missing key, rejected
   * by the CDM). Payload: shakaCode.
   */
  LICENCE_NO_KEY: 2013,
  /** Every key of the licence has expired. Payload: shakaCode. */
  LICENCE_EXPIRED: 2014,
  /**
   * The licence server answered 401 again after the device token was refreshed
   * (src/device): the operator does not recognise this box. Payload: shakaCode, status.
   */
  DEVICE_NOT_RECOGNISED: 2015,
  /**
   * The video server refused the manifest, a segment or the file (HTTP 401, 403, 451): the
   * connection works, access does not (region, rights, an expired link). Payload: shakaCode, url.
   */
  ACCESS_REFUSED: 2016,
  /** The video server answered with an error of its own (HTTP 5xx). Payload: shakaCode, url. */
  SERVER_ERROR: 2017,
  /** Anything else Shaka reports. Payload: shakaCode. */
  UNKNOWN: 2099,
} as const

export type PlaybackErrorCodeValue = (typeof PlaybackErrorCode)[keyof typeof PlaybackErrorCode]

/** Translation key of the viewer-facing explanation for each code. */
export const ERROR_MESSAGE_KEYS: Record<PlaybackErrorCodeValue, string> = {
  2001: 'player.error.unavailable',
  2002: 'player.error.network',
  2003: 'player.error.manifest',
  2004: 'player.error.media',
  2005: 'player.error.drm',
  2006: 'player.error.noStream',
  2007: 'player.error.notFound',
  2008: 'player.error.stalled',
  2009: 'player.error.unsupported',
  2010: 'player.error.drmConfig',
  2011: 'player.error.licenceUnreachable',
  2012: 'player.error.licenceRefused',
  2013: 'player.error.licenceNoKey',
  2014: 'player.error.licenceExpired',
  2015: 'player.error.deviceNotRecognised',
  2016: 'player.error.accessRefused',
  2017: 'player.error.serverError',
  2099: 'player.error.unknown',
}

/**
 * The translation key for an error as the viewer meets it: a live channel missing from its server
 * is a channel that stopped broadcasting, not a video to look for elsewhere.
 */
export function errorMessageKey(code: PlaybackErrorCodeValue, live: boolean): string {
  if (live && code === PlaybackErrorCode.NOT_FOUND) return 'player.error.channelNotFound'
  return ERROR_MESSAGE_KEYS[code]
}

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

/**
 * Shaka codes (shaka.util.Error.Code, checked against shaka-player 5.2's lib/util/error.js) that
 * get an app code of their own.
 */
const SHAKA_CODE = {
  /** data[0] URI, data[1] HTTP status. */
  BAD_HTTP_STATUS: 1001,
  VIDEO_ERROR: 3016,
  /** No variant playable with the keys obtained (missing or restricted keys). */
  RESTRICTIONS_CANNOT_BE_MET: 4012,
  CONTENT_UNSUPPORTED_BY_BROWSER: 4032,
  /**
   * data[0] is the networking engine's error: BAD_HTTP_STATUS (a status), HTTP_ERROR 1002 (no
   * answer: refused connection, CORS) or TIMEOUT 1003, after the retries.
   */
  LICENSE_REQUEST_FAILED: 6007,
  /** The CDM refused the licence it was given. data[0] is the browser's message. */
  LICENSE_RESPONSE_REJECTED: 6008,
  /** Every key in the session has the status "expired". */
  EXPIRED: 6014,
  /** Like LICENSE_REQUEST_FAILED, for the server certificate: data[0] the network error. */
  SERVER_CERTIFICATE_REQUEST_FAILED: 6017,
}

type ShakaErrorLike = { category?: number; code?: number; severity?: number; data?: unknown[] }

const isShakaError = (value: unknown): value is ShakaErrorLike =>
  typeof value === 'object' && value !== null && typeof (value as ShakaErrorLike).code === 'number'

/** A licence request that failed: refused (401/403) or not answered properly (anything else). */
function licenceRequestFailure(
  shakaCode: number,
  inner: unknown,
): { code: PlaybackErrorCodeValue; detail: string } {
  const networkCode = isShakaError(inner) ? inner.code : undefined
  const status =
    isShakaError(inner) && networkCode === SHAKA_CODE.BAD_HTTP_STATUS ? Number(inner.data?.[1]) : 0
  const url = isShakaError(inner) && typeof inner.data?.[0] === 'string' ? inner.data[0] : ''
  const parts = [networkCode, status ? `HTTP ${status}` : '', url].filter(Boolean)
  return {
    code:
      status === 401 || status === 403
        ? PlaybackErrorCode.LICENCE_REFUSED
        : PlaybackErrorCode.LICENCE_UNREACHABLE,
    detail: `Shaka error ${shakaCode}${parts.length ? ` (${parts.join(', ')})` : ''}`,
  }
}

/** What an HTTP status from the video server says, when it says more than "network error". */
function httpStatusCode(status: number): PlaybackErrorCodeValue | undefined {
  if (status === 404 || status === 410) return PlaybackErrorCode.NOT_FOUND
  if (status === 401 || status === 403 || status === 451) return PlaybackErrorCode.ACCESS_REFUSED
  if (status >= 500 && status <= 599) return PlaybackErrorCode.SERVER_ERROR
  return undefined
}

/**
 * An HLS segment encrypted with AES-128 (or SAMPLE-AES's clear-key sibling) that its key does not
 * decrypt: Web Crypto rejects with an OperationError (the padding comes out wrong), and Shaka
 * passes that on as it is, without a code of its own.
 */
function isDecryptionFailure(error: unknown): error is { name: string; message?: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'OperationError'
  )
}

/**
 * Maps a Shaka error (category + code) to the app's own error. `encrypted` says the content uses
 * DRM: a decode error (3016) then means a wrong key, so it is reported as a licence problem.
 */
export function fromShakaError(error: ShakaErrorLike, encrypted = false): PlaybackError {
  if (isDecryptionFailure(error)) {
    return {
      code: PlaybackErrorCode.LICENCE_NO_KEY,
      category: 'drm',
      severity: 'critical',
      detail: `a segment could not be decrypted with its key (${describeDatum(error.message ?? '')})`,
    }
  }
  const shakaCode = error.code
  const detail = `Shaka error ${shakaCode ?? '?'}${error.data?.[0] ? ` (${describeDatum(error.data[0])})` : ''}`
  const severity = error.severity === 1 ? 'recoverable' : 'critical'
  const status = shakaCode === SHAKA_CODE.BAD_HTTP_STATUS ? Number(error.data?.[1]) : 0
  const statusCode = httpStatusCode(status)
  if (statusCode)
    return {
      code: statusCode,
      category: 'network',
      severity,
      shakaCode,
      detail: `Shaka error ${shakaCode}, HTTP ${status}${error.data?.[0] ? ` (${describeDatum(error.data[0])})` : ''}`,
    }
  if (shakaCode === SHAKA_CODE.CONTENT_UNSUPPORTED_BY_BROWSER)
    return { code: PlaybackErrorCode.UNSUPPORTED, category: 'media', severity, shakaCode, detail }
  if (
    shakaCode === SHAKA_CODE.LICENSE_REQUEST_FAILED ||
    shakaCode === SHAKA_CODE.SERVER_CERTIFICATE_REQUEST_FAILED
  )
    return {
      category: 'drm',
      severity,
      shakaCode,
      ...licenceRequestFailure(shakaCode, error.data?.[0]),
    }
  if (
    shakaCode === SHAKA_CODE.LICENSE_RESPONSE_REJECTED ||
    shakaCode === SHAKA_CODE.RESTRICTIONS_CANNOT_BE_MET ||
    (shakaCode === SHAKA_CODE.VIDEO_ERROR && encrypted)
  )
    return { code: PlaybackErrorCode.LICENCE_NO_KEY, category: 'drm', severity, shakaCode, detail }
  if (shakaCode === SHAKA_CODE.EXPIRED)
    return { code: PlaybackErrorCode.LICENCE_EXPIRED, category: 'drm', severity, shakaCode, detail }
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

/**
 * Why `player.load()` failed. Shaka reports what it recognises as its own errors; an exception
 * without a Shaka code came from reading the stream's description itself (a manifest cut off
 * mid-way trips Shaka's parser), so it is a manifest problem, not an unknown one.
 */
export function fromLoadFailure(error: unknown, encrypted = false): PlaybackError {
  if (isShakaError(error)) return fromShakaError(error, encrypted)
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return {
    code: PlaybackErrorCode.MANIFEST,
    category: 'manifest',
    severity: 'critical',
    detail: `stream description unreadable (${message.slice(0, 200)})`,
  }
}

/** HTMLMediaElement MediaError codes, as Shaka's VIDEO_ERROR carries them in data[0]. */
const MEDIA_ERR = { NETWORK: 2, DECODE: 3, SRC_NOT_SUPPORTED: 4 }

/** Shaka's VIDEO_ERROR: the media element itself failed. */
export const isVideoError = (error: unknown): boolean =>
  isShakaError(error) && error.code === SHAKA_CODE.VIDEO_ERROR

/**
 * A progressive file played by the video element (Shaka's src= mode) failed. The element's error
 * hardly tells why: Chromium reports a missing file, a refused connection and an unknown format
 * alike ("source not supported"). So the session asks the server for the file (a HEAD request) and
 * `probe` is that request's Shaka error, or null when the file is there. A server that refuses HEAD
 * (405, 501) says nothing about the file, so the element's error decides then.
 */
export function fromProgressiveError(
  videoError: ShakaErrorLike,
  probe: ShakaErrorLike | null,
): PlaybackError {
  const headRefused =
    probe?.code === SHAKA_CODE.BAD_HTTP_STATUS && [405, 501].includes(Number(probe.data?.[1]))
  if (probe && !headRefused) {
    const error = fromShakaError(probe)
    const network = error.category === 'network'
    return {
      ...(network ? error : { ...error, code: PlaybackErrorCode.NETWORK, category: 'network' }),
      severity: 'critical',
    }
  }
  const mediaCode = Number(videoError.data?.[0])
  const message = typeof videoError.data?.[2] === 'string' ? videoError.data[2] : ''
  const base = {
    severity: 'critical' as const,
    shakaCode: videoError.code,
    detail: `media error ${mediaCode || '?'}${message ? ` (${message})` : ''}`,
  }
  if (mediaCode === MEDIA_ERR.SRC_NOT_SUPPORTED)
    return { ...base, code: PlaybackErrorCode.UNSUPPORTED, category: 'media' }
  if (mediaCode === MEDIA_ERR.NETWORK)
    return { ...base, code: PlaybackErrorCode.NETWORK, category: 'network' }
  return { ...base, code: PlaybackErrorCode.MEDIA, category: 'media' }
}
