/**
 * VAST macros the app fills itself: Shaka 5.2 sends beacon and ad-tag URLs exactly as written.
 *
 * - [CACHEBUSTING]: 8 random digits, new for each URL (VAST 4.1 §6.2);
 * - [TIMESTAMP]: the box's time, ISO 8601 with milliseconds and zone, percent-encoded;
 * - [ERRORCODE]: the VAST error code of an <Error> beacon (or of a VMAP break's error beacon);
 * - [ADPLAYHEAD], [CONTENTPLAYHEAD] / [MEDIAPLAYHEAD]: the ad's and the content's position,
 *   HH:MM:SS.mmm (a post-roll's is the content's end); [ASSETURI] (absolute) and [MEDIAMIME]: the
 *   ad's media file; [BREAKPOSITION]: 1 pre-roll,
 *   2 mid-roll, 3 post-roll; [PODSEQUENCE]: the ad's place in its pod; [ADTYPE] video;
 *   [SERVERSIDE] 0 (the box asks and plays the ads); [PLAYERSIZE] 1920,1080;
 * - [SEGMENTS] (the app's own, in ad tags): the profile's audience segment ids, comma-separated,
 *   empty unless targeting is personalised;
 * - [LIMITADTRACKING]: 1 unless targeting is personalised (consent given, not a kids profile), 0
 *   then; [REGULATIONS]: gdpr.
 *
 * Filled in beacons and in every ad tag asked: ads.tagUrl (plan.ts), a VMAP break's AdTagURI and a
 * wrapper's VASTAdTagURI (resolve.ts), each with its break's values.
 *
 * Any other macro of the IAB list, or one of the above without a value where it is used, is sent as
 * -1, the spec's "unknown": left in brackets it reached ad servers as "%5BADPLAYHEAD%5D", which
 * some reject. A bracketed name that is not an IAB macro is left as it is (an operator's own).
 */
export interface MacroValues {
  /** Wall-clock ms. */
  now: number
  /** 0..1; Math.random by default (tests pass their own). */
  random?: () => number
  errorCode?: number
  segments?: readonly string[]
  /** Seconds into the ad. */
  adPlayhead?: number
  /** Seconds into the content. */
  contentPlayhead?: number
  assetUri?: string
  mediaMime?: string
  breakPosition?: 1 | 2 | 3
  podSequence?: number
  /** The household refused personalised ads (or a kids profile watches): [LIMITADTRACKING] 1. */
  limitAdTracking?: boolean
}

/** The IAB's macro names (VAST 4.1 §6) the app has no value for: sent as -1, "unknown". */
const IAB_MACROS = new Set(
  (
    'ADCATEGORIES ADCOUNT ADSERVINGID APIFRAMEWORKS APPBUNDLE BLOCKEDADCATEGORIES BREAKMAXADLENGTH ' +
    'BREAKMAXADS BREAKMAXDURATION BREAKMINADLENGTH BREAKMINDURATION CLICKPOS CLICKTYPE CLIENTUA ' +
    'CONTENTID CONTENTURI DEVICEIP DEVICEUA DOMAIN EXTENSIONS GDPRCONSENT IFA IFATYPE ' +
    'INVENTORYSTATE LATLONG LIMITADTRACKING OMIDPARTNER PAGEURL PLACEMENTTYPE PLAYERCAPABILITIES ' +
    'PLAYERSTATE REASON REGULATIONS SERVERUA TRANSACTIONID UNIVERSALADID VASTVERSIONS ' +
    'VERIFICATIONVENDORS'
  ).split(' '),
)

const UNKNOWN = '-1'

export function cacheBuster(random: () => number = Math.random): string {
  return String(Math.floor(random() * 1e8)).padStart(8, '0')
}

/** VAST's time code: HH:MM:SS.mmm. */
export function vastClock(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000))
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  const s = Math.floor(ms / 1000)
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}.${pad(ms % 1000, 3)}`
}

const known = (value: number | undefined, format: (value: number) => string): string =>
  value === undefined || !Number.isFinite(value) ? UNKNOWN : format(value)

export function fillMacros(url: string, values: MacroValues): string {
  const random = values.random ?? Math.random
  return url.replace(/\[([A-Z_]+)\]/g, (whole, name: string) => {
    switch (name) {
      case 'CACHEBUSTING':
        return cacheBuster(random)
      case 'TIMESTAMP':
        return encodeURIComponent(new Date(values.now).toISOString())
      case 'ERRORCODE':
        return known(values.errorCode, String)
      case 'SEGMENTS':
        return encodeURIComponent((values.segments ?? []).join(','))
      case 'ADPLAYHEAD':
        return known(values.adPlayhead, (s) => encodeURIComponent(vastClock(s)))
      case 'CONTENTPLAYHEAD':
      case 'MEDIAPLAYHEAD':
        return known(values.contentPlayhead, (s) => encodeURIComponent(vastClock(s)))
      case 'ASSETURI':
        return values.assetUri ? encodeURIComponent(values.assetUri) : UNKNOWN
      case 'MEDIAMIME':
        return values.mediaMime ? encodeURIComponent(values.mediaMime) : UNKNOWN
      case 'BREAKPOSITION':
        return known(values.breakPosition, String)
      case 'PODSEQUENCE':
        return known(values.podSequence, String)
      case 'ADTYPE':
        return 'video'
      case 'SERVERSIDE':
        return '0'
      case 'PLAYERSIZE':
        return encodeURIComponent('1920,1080')
      case 'LIMITADTRACKING':
        return values.limitAdTracking === undefined ? UNKNOWN : values.limitAdTracking ? '1' : '0'
      case 'REGULATIONS':
        // Belgian households: the GDPR applies to every request.
        return 'gdpr'
      default:
        return IAB_MACROS.has(name) ? UNKNOWN : whole
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
  /** The ad is not linear (only NonLinear or Companion creatives): a break plays linear ads. */
  NOT_LINEAR: 201,
  /** No ad after following the wrappers (an empty VAST). */
  NO_ADS_AFTER_WRAPPER: 303,
  /** No media file of the ad is of a type the box plays (VAST 4: "not supported by this player"). */
  MEDIA_UNSUPPORTED: 403,
  /** The media file's URI answered an HTTP error or could not be reached. */
  MEDIA_NOT_FOUND: 401,
  /** The media file's URI did not answer in time. */
  MEDIA_TIMEOUT: 402,
  /** Problem displaying the media file (the box could not play it). */
  MEDIA_NOT_PLAYED: 405,
  /** General linear error (Shaka's own error beacon, whatever the cause). */
  LINEAR: 400,
} as const
