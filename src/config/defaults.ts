/**
 * The one defaults object for `settings.json` `appSettings`. Every key an operator may set is here;
 * anything else is a typo and stops start-up with a message naming it (see validate.ts).
 */
export const DEFAULT_APP_CONFIG = {
  /** Lightning stage options, passed to the SDK as they are. */
  stage: {} as Record<string, unknown>,
  debug: false,
  /** Extra key codes -> action names, merged over the platform keymap (e.g. { "461": "Back" }). */
  keys: {} as Record<string, string>,
  /** Which remote's keymap to use; "auto" detects it from the user agent. */
  platform: 'auto' as 'auto' | 'browser' | 'webos' | 'tizen' | 'android',
  brand: {
    name: 'Belgica',
    /** 0xAARRGGBB as a string, so JSON can carry it. */
    accentColor: '0xffffc83d',
  },
  language: {
    /** UI language used until the household picks one. */
    default: 'fr' as string,
    available: ['fr', 'nl', 'de', 'en'] as string[],
    /** Order tried for catalogue text missing in the UI language, after the UI language itself. */
    contentFallback: ['en', 'fr', 'nl', 'de'] as string[],
  },
  catalogue: {
    backend: 'embedded' as string,
    /** Base URL of the backend or feed; unused by the embedded backend. */
    url: '',
    /** Per request; a slower answer is abandoned and retried. */
    timeoutMs: 8000,
    /** Extra attempts after a failed request, with exponential backoff and jitter. */
    retries: 2,
    /** Pages fetched per rail, the first included (further pages load in the background). */
    maxPages: 20,
    /** The last good catalogue kept on the box is shown during outages up to this age. */
    cacheMaxAgeHours: 168,
    /** With a last good catalogue, how long start waits for the backend before showing it. */
    cacheFallbackMs: 2500,
    /** While offline, first delay before trying the backend again (doubles, up to 5 min). */
    offlineRetryMs: 15000,
    /**
     * Titles whose availability window has not opened yet: hidden until it opens, or shown with
     * their date ("Disponible à partir du 3 déc.") and no Play button.
     */
    upcoming: 'hide' as 'hide' | 'show',
    /**
     * The diagnostics page (Settings) warns when more than this share of the feed's items was
     * skipped: 0.2 = 20 %. Between 0 and 1.
     */
    diagnosticsWarnShare: 0.2,
  },
  /**
   * Parental control by the French Community's (CSA) rules; see docs/parental-control.md. -18 and
   * titles that are not rated always ask for the parental PIN, whatever is set here.
   */
  parental: {
    /** false lets -10 to -16 play without a PIN; the CSA still requires -18 to stay locked. */
    enabled: true,
    /** The CSA's default: -12 and above are locked. One of 10, 12, 16, 18. */
    lockFromAge: 12,
    /**
     * "HH:MM" local time windows in which a rating plays without the PIN (the CSA's broadcast
     * hours); a window may run past midnight. -10 follows age12's window when it is locked.
     */
    hours: {
      age12: { from: '20:00', until: '06:00' },
      age16: { from: '22:00', until: '06:00' },
    },
    /** Digits of a new PIN; the CSA asks for at least 4. */
    pinLength: 4,
    /** Wrong PINs in a row before the entry is locked for lockoutMinutes. */
    maxAttempts: 5,
    lockoutMinutes: 15,
    /**
     * The PIN a household gets when it skips choosing one at first start, e.g. the one printed
     * on the operator's contract. '' (the default): setup cannot be skipped, because a PIN
     * every manual prints would leave -18 open.
     */
    defaultPin: '',
  },
  /** The household's rights to watch (passes, rentals): src/entitlements/. */
  entitlements: {
    /** 'embedded' keeps them on the box (demos, no rights service); 'http' asks the operator's. */
    backend: 'embedded' as string,
    /** Base URL of the http backend (docs/entitlements-api/); unused by the embedded one. */
    url: '',
    /** Per request. Purchases are not retried automatically: the household retries, same key. */
    timeoutMs: 8000,
    /**
     * Passes the embedded demo household holds, so pass titles play in the demo: the id the
     * embedded catalogue's subscription offers name (static/catalogue/titles.json).
     */
    demoPasses: ['movies-series'] as string[],
    /**
     * The last holdings fetched are kept on the box, so a box that starts while the service is
     * unreachable still plays what the household paid for. Older than this they are not used: a
     * pass cancelled (or a purchase refunded) since must not keep playing for ever. 72 h rides out
     * a long weekend's outage. 0: never used.
     */
    cacheMaxAgeHours: 72,
    /**
     * While the app runs the holdings are fetched again this often, so a pass taken on another
     * device or a rental bought on the operator's web shop shows without a restart; every box asks
     * the same service, hence not more often. Under 1 counts as 1; 0 turns it off.
     */
    refreshMinutes: 15,
  },
  /** The live TV guide (src/guide/): where programme schedules come from. */
  guide: {
    /**
     * 'catalogue': the catalogue backend's own guide (the embedded schedule, or GET <url>/guide of
     * the http backend), so one setting serves operators whose catalogue API has it; 'xmltv': an
     * XMLTV export at `url`, the format most operators and EPG vendors already produce.
     */
    source: 'catalogue' as string,
    /** The XMLTV export's URL; unused by the 'catalogue' source (it uses catalogue.url). */
    url: '',
    /**
     * How to read XMLTV times written without a zone: the DTD says UTC, but many exports mean
     * local time; 'brussels' reads them as Belgian wall-clock time (summer time included).
     */
    zoneless: 'utc' as 'utc' | 'brussels',
    /**
     * XMLTV channel id -> the app's channel id, for exports that name channels their own way:
     * "ardenne1.be=ardenne-1, schelde1.be=schelde-een". Ids that match the app's (also without a
     * domain suffix, or by display name) need no entry. A string, as settings.json keeps maps flat.
     */
    channelMap: '',
    /** Per request; an XMLTV export of a week is megabytes, hence longer than the catalogue's. */
    timeoutMs: 15000,
  },
  search: {
    /**
     * The on-screen keyboard's letters. Belgian households type on AZERTY (the Belgian layout)
     * on their computers, so that is the default; an operator whose boxes ship with a QWERTY
     * remote keyboard, or who serves the German-speaking East with its own habits, may switch.
     */
    keyboardLayout: 'azerty' as 'azerty' | 'qwerty',
  },
  /** The household's consent (GDPR): src/consent/. */
  consent: {
    /**
     * Version of the consent text. Changing it (new purposes, a new wording) asks every profile
     * again at its next start; answers to an older version grant nothing meanwhile.
     */
    version: '1',
  },
  /** Usage and playback-quality analytics (src/analytics/), only for purposes consented to. */
  analytics: {
    /** 'none' (the default: nothing leaves the box) or 'http' (docs/analytics-api/). */
    collector: 'none' as string,
    /** The collector's URL for 'http': batches are POSTed to it as JSON. */
    url: '',
    /** Events per batch; a full batch is sent at once. */
    batchSize: 20,
    /** A batch that is not full is sent after this many seconds. */
    flushSeconds: 30,
    /** Common Media Client Data (CTA-5004) on segment requests, for the operator's CDN. */
    cmcd: false,
  },
  /**
   * Ad breaks on titles offered with ads (docs/ads.md), played by Shaka's own interstitials in the
   * content's <video>. Never on a pass or rental title, never personalised for a kids profile.
   */
  ads: {
    enabled: true,
    /**
     * VAST tag asked for each break a title lists by offset (Direct Publisher `adBreaks`); a title
     * with its own VMAP does not use it. '' : such titles play without ads. Macros filled:
     * [CACHEBUSTING], [TIMESTAMP], [SEGMENTS]; title=, pos= and npa= are added.
     */
    tagUrl: '',
    /** Budget for one ad tag (VMAP, or a VAST and its wrappers); late answers are skipped. */
    timeoutMs: 2000,
    /** Query parameter carrying the audience segment ids ('' : only the [SEGMENTS] macro). */
    segmentsParam: 'seg',
  },
  input: {
    /** A held key repeats at most this often; extra repeats are dropped, never queued. */
    repeatIntervalMs: 110,
    /** A key held this long counts as a long-press. */
    longPressMs: 700,
  },
  player: {
    /** Which of a title's streams to try first. */
    preferredFormat: 'dash' as 'dash' | 'hls',
    /** Seconds of media buffered ahead; kept small for set-top-box memory. */
    bufferingGoal: 20,
    rebufferingGoal: 2,
    /** Seconds kept behind the playhead before eviction. */
    bufferBehind: 10,
    /** Adaptive bitrate; the first estimate (bits/s) is modest, as on a box's home network. */
    abrEnabled: true,
    defaultBandwidthEstimate: 2_000_000,
    /** Shaka's retries for manifest, segment and licence requests. */
    retryAttempts: 4,
    retryBaseDelayMs: 500,
    requestTimeoutMs: 10_000,
    /** Buffering this long without progress ends in a message with Retry. */
    stallTimeoutSeconds: 20,
    /** Saved position for resume: written this often while playing (and on stop). */
    progressIntervalSeconds: 5,
    /**
     * DRM per operator: a licence server and its headers ("Name: value" lines separated by
     * newlines) per key system. ClearKey goes through a licence server like the others (so tests
     * exercise that path in a browser without Widevine), or takes inline "kidHex:keyHex" pairs
     * separated by commas in `clearKeys` (tests and demos only; not both).
     */
    drm: {
      widevine: { licenseUrl: '', headers: '' },
      playready: { licenseUrl: '', headers: '' },
      clearkey: { licenseUrl: '', headers: '' },
      clearKeys: '',
    },
  },
}

export type AppConfig = typeof DEFAULT_APP_CONFIG

/**
 * Keys the SDK's start-up adds to appSettings from metadata.json; accepted without validation.
 * They are not the operator's to set, so they are not part of AppConfig.
 */
export const SDK_INJECTED_KEYS = ['id', 'name', 'version', 'icon', 'safeId', 'identifier'] as const

/** Keys whose values are free-form maps rather than fixed records. */
export const OPEN_MAPS = new Set(['stage', 'keys'])
