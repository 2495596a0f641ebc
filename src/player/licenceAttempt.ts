/**
 * Reads the failed attempts Shaka's networking engine reports with its 'retry' event, before it
 * tries again. That event is cancelable (shaka-player 5.2, lib/net/networking_engine.js `send_`):
 * preventDefault() makes the request fail at once with that attempt's error, which Shaka then
 * reports as usual (for a licence: 6007 LICENSE_REQUEST_FAILED wrapping it).
 */

type NetworkErrorLike = { code?: number; data?: unknown[] }

/** shaka.net.NetworkingEngine.RequestType.LICENSE */
export const LICENSE_REQUEST = 2

const BAD_HTTP_STATUS = 1001
const HTTP_ERROR = 1002
const TIMEOUT = 1003

/**
 * Where shaka.util.Error.Code documents the request type of a networking error:
 * BAD_HTTP_STATUS data[4], HTTP_ERROR data[2], TIMEOUT data[1].
 */
const REQUEST_TYPE_AT: Record<number, number> = {
  [BAD_HTTP_STATUS]: 4,
  [HTTP_ERROR]: 2,
  [TIMEOUT]: 1,
}

/** The request type a networking error names, if it names one. */
export function requestTypeOf(error: NetworkErrorLike): number | undefined {
  const at = REQUEST_TYPE_AT[error.code ?? 0]
  return at === undefined ? undefined : Number(error.data?.[at])
}

/**
 * What a failed attempt means for a licence: `refused` when the server answered 401 or 403 (the
 * same request gets the same answer, so retrying only delays the message), `failed` for anything
 * else (no answer, a timeout, a 5xx: worth another try), null when it is not a licence request.
 */
export function licenceAttempt(error: NetworkErrorLike): 'refused' | 'failed' | null {
  if (requestTypeOf(error) !== LICENSE_REQUEST) return null
  const status = error.code === BAD_HTTP_STATUS ? Number(error.data?.[1]) : 0
  return status === 401 || status === 403 ? 'refused' : 'failed'
}

/** shaka.net.NetworkingEngine.RequestType.MANIFEST */
export const MANIFEST_REQUEST = 0

/** A manifest request the server refused (401, 403, 451): asking again gets the same answer. */
export function manifestRefused(error: NetworkErrorLike): boolean {
  if (error.code !== BAD_HTTP_STATUS || requestTypeOf(error) !== MANIFEST_REQUEST) return false
  return [401, 403, 451].includes(Number(error.data?.[1]))
}
