/**
 * VAST macros the app fills itself: Shaka 5.2 sends beacon and ad-tag URLs exactly as written.
 *
 * - [CACHEBUSTING]: 8 random digits, new for each URL (VAST 4.1 §6.2);
 * - [TIMESTAMP]: the box's time, ISO 8601 with milliseconds and zone, percent-encoded;
 * - [ERRORCODE]: the VAST error code of an <Error> beacon (-1 anywhere else, as the spec says for
 *   an unknown value);
 * - [SEGMENTS] (the app's own, in ad tags): the profile's audience segment ids, comma-separated,
 *   empty unless targeting is personalised.
 *
 * Macros the app does not know are left as they are.
 */
export interface MacroValues {
  /** Wall-clock ms. */
  now: number
  /** 0..1; Math.random by default (tests pass their own). */
  random?: () => number
  errorCode?: number
  segments?: readonly string[]
}

export function cacheBuster(random: () => number = Math.random): string {
  return String(Math.floor(random() * 1e8)).padStart(8, '0')
}

export function fillMacros(url: string, values: MacroValues): string {
  const random = values.random ?? Math.random
  return url.replace(/\[([A-Z_]+)\]/g, (whole, name: string) => {
    switch (name) {
      case 'CACHEBUSTING':
        return cacheBuster(random)
      case 'TIMESTAMP':
        return encodeURIComponent(new Date(values.now).toISOString())
      case 'ERRORCODE':
        return String(values.errorCode ?? -1)
      case 'SEGMENTS':
        return encodeURIComponent((values.segments ?? []).join(','))
      default:
        return whole
    }
  })
}

/** VAST error codes the app reports to <Error> URLs (VAST 4.1 §2.3.6.3). */
export const VAST_ERROR = {
  XML_PARSE: 100,
  WRAPPER_FAILED: 300,
  /** A request of the chain failed: timeout, unreachable, an HTTP error. */
  WRAPPER_TIMEOUT: 301,
  WRAPPER_LIMIT: 302,
  /** No ad after following the wrappers (an empty VAST). */
  NO_ADS_AFTER_WRAPPER: 303,
  /** The media file's URI answered an HTTP error or could not be reached. */
  MEDIA_NOT_FOUND: 401,
  /** The media file's URI did not answer in time. */
  MEDIA_TIMEOUT: 402,
  /** Problem displaying the media file (the box could not play it). */
  MEDIA_NOT_PLAYED: 405,
  /** General linear error (Shaka's own error beacon, whatever the cause). */
  LINEAR: 400,
} as const
