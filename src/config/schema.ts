import * as z from 'zod'
import { parseClockTime } from '../parental/clock'
import { isKeyAction, KEY_ACTIONS } from '../platform/keymaps'
import { drmSetup } from '../player/drm'
import { suggestion } from './suggest'
import { urlShapeProblem } from './urlShape'

/**
 * `settings.json` `appSettings`, as zod schemas: the one place that says which keys exist, their
 * types, allowed values and defaults. defaultAppConfig() (defaults.ts) is what these give for `{}`,
 * validate.ts reports what they refuse, and docs/settings-api/settings.schema.json is generated
 * from them (`npm run settings-schema`), so operators' editors complete and check the same keys.
 *
 * Objects are strict: a key that is not here is an operator's typo, reported at start. Every
 * section has defaults for all its keys, so a partial section is merged over them (`prefault`
 * parses `{}` through the section when it is missing). A description (`describe`) is what an
 * operator's editor shows for the key; say why a key exists, not only what it is.
 */

/**
 * Builds the schemas afresh on each call. They are used once per start (validate.ts; the defaults
 * only when something is wrong) and are some 230 KB of objects: a module constant kept them for
 * the app's whole life on a box where every KB counts.
 *
 * `documented` adds each key's description, which only the published JSON Schema shows
 * (settingsJsonSchema.ts): zod's describe clones every schema it is given and registers the
 * clone, and that cost was most of building these at start on a box (about 140 ms at CPU x4,
 * before the first paint).
 */
export function buildAppSettingsSchema({
  documented = false,
  catalogueBackends,
  guideSources,
  entitlementBackends,
}: {
  documented?: boolean
  /**
   * The names registered in app/registerBackends.ts, operators' own included: without them any
   * name passes (the published JSON Schema cannot know an operator's backends).
   */
  catalogueBackends?: readonly string[]
  /** The guide sources the app registers (builtInGuideSources); without them any name passes. */
  guideSources?: readonly string[]
  /** The entitlement backends the app registers; without them any name passes. */
  entitlementBackends?: readonly string[]
} = {}) {
  const doc = <Schema extends z.ZodType>(schema: Schema, description: string): Schema =>
    documented ? schema.describe(description) : schema

  // Shorthands: every leaf has its default right here.
  const text = (fallback: string, description: string) =>
    doc(z.string().default(fallback), description)
  const flag = (fallback: boolean, description: string) =>
    doc(z.boolean().default(fallback), description)
  const words = (fallback: string[], description: string) =>
    doc(z.array(z.string()).default(fallback), description)
  /** A number in a range, for settings where a value outside it silently breaks something. */
  const ranged = (
    int: boolean,
    fallback: number,
    min: number,
    max: number,
    description: string,
  ) => {
    const error = (issue: { input: unknown }) =>
      `expected ${int ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(issue.input) ?? String(issue.input)}`
    const number = z.number({ error }).min(min, { error }).max(max, { error })
    return doc((int ? number.int({ error }) : number).default(fallback), description)
  }
  /** A number in a range that may be left out (a Lightning stage option the SDK defaults). */
  const optionalRange = (int: boolean, min: number, max: number) => {
    const error = (issue: { input: unknown }) =>
      `expected ${int ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(issue.input) ?? String(issue.input)}`
    const number = z.number({ error }).min(min, { error }).max(max, { error })
    return (int ? number.int({ error }) : number).optional()
  }
  const whole = (fallback: number, min: number, max: number, description: string) =>
    ranged(true, fallback, min, max, description)
  /** A strict section whose missing keys take their defaults. */
  const section = <Shape extends z.ZodRawShape>(shape: Shape, description: string) =>
    doc(
      z.strictObject(shape).prefault({} as z.input<z.ZodObject<Shape, z.core.$strict>>),
      description,
    )

  /** 0xAARRGGBB as a string, so JSON can carry it; Lightning takes the number. */
  const colourSchema = z
    .string()
    .regex(/^0x[0-9a-fA-F]{8}$/, { error: 'expected a colour written as 0xAARRGGBB' })

  const colour = (fallback: string, description: string) =>
    doc(colourSchema.default(fallback), description)
  const fontFile = (description: string) =>
    doc(
      z
        .string()
        .regex(/^$|^(?!.*\.\.)[\w./-]+\.(woff2?|ttf|otf)$/i, {
          error: 'expected the path of a .woff2, .woff, .ttf or .otf file under static/',
        })
        .default(''),
      description,
    )

  const clockTime = z.string().refine((value) => parseClockTime(value) !== null, {
    error: (issue) =>
      `expected a time of day written HH:MM (00:00 to 23:59), got "${String(issue.input)}"`,
  })
  const clockWindow = (from: string, until: string) =>
    section(
      { from: clockTime.default(from), until: clockTime.default(until) },
      'Local time window "HH:MM"-"HH:MM" in which this rating plays without the PIN; may run past midnight.',
    )

  const licensed = section(
    {
      licenseUrl: text('', 'Licence server URL (http or https).'),
      headers: text(
        '',
        'Headers sent to the licence server, "Name: value" lines separated by \\n.',
      ),
    },
    'A key system: its licence server and headers.',
  )

  /** Key code -> action: a typo would silently leave the key dead on every box, so it is named. */
  const keyAction = z.string().refine(isKeyAction, {
    // The whole list only without a likely one: it fills the box's config screen.
    error: (issue) => {
      const likely = suggestion(String(issue.input), [...KEY_ACTIONS])
      return `unknown action "${String(issue.input)}"${likely || `; known actions: ${KEY_ACTIONS.join(', ')}`}`
    },
  })

  // A name nothing is registered under would only fail once it is used (the catalogue's load,
  // the guide, the household's rights), with a Retry that cannot help.
  const registered = (names: readonly string[] | undefined, what: string, known: string) =>
    names
      ? z.string().refine((name) => names.includes(name), {
          error: (issue) => {
            const likely = suggestion(String(issue.input), names)
            return `unknown ${what} "${String(issue.input)}"${likely || `; known ${known}: ${names.join(', ')}`}`
          },
        })
      : z.string()
  const catalogueBackend = registered(catalogueBackends, 'catalogue backend', 'backends')
  const guideSource = registered(guideSources, 'guide source', 'sources')
  const entitlementBackend = registered(entitlementBackends, 'entitlement backend', 'backends')

  return doc(
    z.strictObject({
      stage: doc(
        z
          .looseObject({
            w: optionalRange(true, 16, 7680),
            h: optionalRange(true, 9, 4320),
            precision: optionalRange(false, 0.1, 4),
          })
          .default({}),
        'Lightning stage options, passed to the SDK. The app sets the clear colour itself: the brand background, transparent while video plays. Without w, h or precision the stage is the largest 16:9 the window holds, at most 1920x1080, centred in it, and follows the window when it changes size; w and h without precision get the precision that fits the 1920x1080 layout into them. w: 16-7680, h: 9-4320, precision: 0.1-4.',
      ),
      debug: flag(false, 'Lightning debug mode.'),
      keys: doc(
        z
          .record(z.string().regex(/^\d+$/, { error: 'expected a numeric key code' }), keyAction)
          .default({}),
        'Extra key codes -> action names, merged over the platform keymap, e.g. { "461": "Back", "415": "Play" }.',
      ),
      platform: doc(
        z.enum(['auto', 'browser', 'webos', 'tizen', 'android', 'rdk', 'hbbtv']).default('auto'),
        'Which remote keymap to use; "auto" detects it from the user agent.',
      ),
      device: section(
        {
          auth: text(
            'embedded',
            "Where the box's token comes from: 'embedded' (demo, made from the device id, no secret), 'http' (the operator's middleware, docs/device-auth-api/), 'none', or one the operator registers.",
          ),
          url: text(
            '',
            "The middleware's token endpoint for 'http': the device id is POSTed to it.",
          ),
          timeoutMs: whole(8000, 500, 60000, 'How long to wait for the middleware, in ms.'),
          header: doc(
            z
              .string()
              .regex(/^[A-Za-z0-9-]+$/, { error: 'expected an HTTP header name' })
              .default('Authorization'),
            "The header carrying the token; 'Authorization' gets 'Bearer <token>'.",
          ),
          support: text(
            '',
            'Who to call when the operator does not recognise the box (e.g. "0800 12 345"), shown in that message.',
          ),
          androidBridge: text(
            'BelgicaHost',
            'Android: the object the WebView host injects with exit() to close the app (docs/platforms.md).',
          ),
        },
        "The box's identity towards the operator's middleware (no secret in this file), and the Android host bridge.",
      ).check((ctx) => {
        if (ctx.value.auth === 'http' && !/^https?:\/\//.test(ctx.value.url)) {
          ctx.issues.push({
            code: 'custom',
            input: ctx.value.url,
            path: ['url'],
            message: 'the http device auth needs an http(s) URL',
          })
        }
      }),
      brand: section(
        {
          name: text(
            'Belgica',
            'Name shown on home (when there is no logo), in the exit question and the consent text.',
          ),
          logo: doc(
            z
              .string()
              .regex(/^$|^(?!.*\.\.)[\w./-]+\.(svg|png)$/i, {
                error:
                  'expected the path of an .svg or .png file under static/, e.g. "brand/logo.svg"',
              })
              .default(''),
            "Logo drawn at its own size in home's top bar (draw it about 64 px high), a path under static/; '' or a file that does not load: the name is shown.",
          ),
          colors: section(
            {
              accent: colour('0xffffc83d', 'Highlights: the brand name, progress, selected items.'),
              background: colour('0xff0b0f14', 'Behind every screen.'),
              surface: colour('0xff18202a', 'Cards, tiles and panels.'),
              text: colour('0xfff4f4f4', 'Text on the background and on surfaces.'),
              focus: colour('0xfff4f4f4', 'The focused tile, button or key.'),
            },
            'The palette, 0xAARRGGBB each; left out, the built-in look.',
          ),
          font: section(
            {
              family: text(
                '',
                "The font's name, e.g. \"Inter\"; '' keeps the box's sans-serif. Falls back to it when the files do not load.",
              ),
              regular: fontFile(
                'Regular weight (400): a .woff2, .woff or .ttf path under static/.',
              ),
              bold: fontFile("Bold weight (700); '' lets the browser embolden the regular one."),
            },
            'A font shipped with the package (npm run dist -- --operator copies it from the font packages).',
          ).check((ctx) => {
            if (ctx.value.family && !ctx.value.regular) {
              ctx.issues.push({
                code: 'custom',
                input: ctx.value.regular,
                path: ['regular'],
                message: 'a font family needs its regular file',
              })
            }
          }),
        },
        "The operator's brand: name, logo, colours and font.",
      ),
      home: section(
        {
          rails: doc(
            z
              .array(
                z.string().regex(/^[\w-]+\*?$/, {
                  error: 'expected a rail id, or a prefix ending in * ("brand-*")',
                }),
              )
              .default([]),
            "Rails home shows, in this order, by id: continue-watching, my-list, made-in-belgium, belgian-series, films, brand-* (the brands), genre-comedy, genre-thriller, genre-drama, genre-documentary, family, foreign, or the ids of an http backend. [] : all of them, in the catalogue's order.",
          ),
        },
        'What home shows.',
      ),
      offers: section(
        {
          passes: doc(
            z
              .record(
                z.string(),
                z.strictObject({
                  name: doc(
                    z.partialRecord(z.enum(['fr', 'nl', 'de', 'en']), z.string().min(1)),
                    'The pass as the household reads it, per UI language.',
                  ),
                  price: doc(
                    z.string().default(''),
                    'What it costs, as shown: "9,99 € / mois". Without one (\'\', or no entry for the pass) the pass is not sold on the box: its titles say the price is unavailable and to contact the operator.',
                  ),
                }),
              )
              .default({}),
            'Passes by the id titles\' subscription offers name (e.g. "movies-series"): their names and price.',
          ),
        },
        "The operator's offers: names and prices of its passes (rental prices come with each title).",
      ),
      language: section(
        {
          default: text('fr', 'UI language used until the household picks one.'),
          available: words(['fr', 'nl', 'de', 'en'], 'Languages offered in Settings.'),
          contentFallback: words(
            ['en', 'fr', 'nl', 'de'],
            'Order tried for catalogue text missing in the UI language, after the UI language itself.',
          ),
        },
        'Interface and catalogue languages.',
      ).check((ctx) => {
        const { available, default: chosen } = ctx.value
        if (!available.includes(chosen)) {
          ctx.issues.push({
            code: 'custom',
            input: chosen,
            path: ['default'],
            message: `"${chosen}" is not in language.available (${available.join(', ')})`,
          })
        }
      }),
      catalogue: section(
        {
          backend: doc(
            catalogueBackend.default('embedded'),
            'Which registered backend provides the catalogue: embedded, http, directpublisher, mrss, or one the operator registers.',
          ),
          url: text(
            '',
            'Base URL of the backend or feed: required by http, directpublisher and mrss, unused by embedded.',
          ),
          country: text(
            'BE',
            "The boxes' country (ISO 3166-1 alpha-2): feed items whose media:restriction does not allow it are left out.",
          ),
          timeoutMs: whole(
            8000,
            1,
            600_000,
            'Per request; a slower answer is abandoned and retried.',
          ),
          retries: whole(
            2,
            0,
            10,
            'Extra attempts after a failed request, with exponential backoff and jitter.',
          ),
          maxPages: whole(
            20,
            1,
            1000,
            'Pages fetched per rail, the first included (further pages load in the background).',
          ),
          cacheMaxAgeHours: ranged(
            false,
            168,
            0,
            24 * 366,
            'The last good catalogue kept on the box is shown during outages up to this age.',
          ),
          cacheFallbackMs: whole(
            2500,
            0,
            600_000,
            'With a last good catalogue, how long start waits for the backend before showing it.',
          ),
          offlineRetryMs: whole(
            15000,
            100,
            300_000,
            'While offline, first delay before trying the backend again (doubles, up to 5 min).',
          ),
          upcoming: doc(
            z.enum(['hide', 'show']).default('hide'),
            'Titles whose availability window has not opened yet: hidden until it opens, or shown with their date and no Play button.',
          ),
          diagnosticsWarnShare: doc(
            z
              .number({ error: shareMessage })
              .min(0, { error: shareMessage })
              .max(1, { error: shareMessage })
              .default(0.2),
            "The diagnostics page warns when more than this share of the feed's items was skipped: 0.2 = 20 %.",
          ),
        },
        'Where the catalogue comes from and how hard the app tries to get it.',
      ).check((ctx) => {
        // The feed backends resolve url against the app's page: '' would read the page itself.
        const { backend, url } = ctx.value
        if (BACKENDS_WITH_URL.includes(backend) && url.trim() === '') {
          ctx.issues.push({
            code: 'custom',
            input: url,
            path: ['url'],
            message: `the ${backend} backend needs the URL of its ${backend === 'http' ? 'service' : 'feed'}`,
          })
        } else if (BACKENDS_WITH_URL.includes(backend)) pushUrlShape(ctx, url)
      }),
      parental: section(
        {
          enabled: flag(
            true,
            'false lets -10 to -16 play without a PIN; the CSA still requires -18 to stay locked.',
          ),
          lockFromAge: doc(
            z
              .number()
              .refine((age) => [10, 12, 16, 18].includes(age), {
                error: (issue) =>
                  `expected a CSA age (10, 12, 16 or 18), got ${String(issue.input)}`,
              })
              .default(12),
            "The CSA's default: -12 and above are locked.",
          ),
          hours: section(
            { age12: clockWindow('20:00', '06:00'), age16: clockWindow('22:00', '06:00') },
            "When -12 and -16 play without the PIN (the CSA's broadcast hours); -10 follows age12.",
          ),
          pinLength: whole(4, 4, 8, 'Digits of a new PIN; the CSA asks for at least 4.'),
          maxAttempts: whole(
            5,
            1,
            20,
            'Wrong PINs in a row before the entry is locked for lockoutMinutes.',
          ),
          lockoutMinutes: whole(15, 1, 24 * 60, 'How long entry stays locked after maxAttempts.'),
          defaultPin: text(
            '',
            "The PIN a household gets when it skips choosing one at first start, e.g. the one printed on the operator's contract. '': setup cannot be skipped.",
          ),
          unratedProgrammes: doc(
            z.enum(['open', 'ask']).default('open'),
            "A live or replay programme the guide gives no rating: 'open' reads it as broadcast without a pictogram (tous publics, the CSA's rule for TV), 'ask' locks it like a title not rated. A rating the app cannot read always locks.",
          ),
        },
        "Parental control by the French Community's (CSA) rules (docs/parental-control.md). -18 and titles that are not rated always ask for the PIN.",
      ).check((ctx) => {
        const { defaultPin, pinLength } = ctx.value
        if (defaultPin !== '' && !(/^\d+$/.test(defaultPin) && defaultPin.length === pinLength)) {
          ctx.issues.push({
            code: 'custom',
            input: defaultPin,
            path: ['defaultPin'],
            message: `expected '' (no default) or ${pinLength} digits (parental.pinLength)`,
          })
        }
      }),
      entitlements: section(
        {
          backend: doc(
            entitlementBackend.default('embedded'),
            "'embedded' keeps the household's rights on the box (demos); 'http' asks the operator's service; or one the operator registers.",
          ),
          url: text(
            '',
            'Base URL of the http backend (docs/entitlements-api/): required by http, unused by embedded.',
          ),
          timeoutMs: whole(
            8000,
            1,
            600_000,
            'Per request. Purchases are not retried automatically: the household retries, same key.',
          ),
          demoPasses: words(
            ['movies-series'],
            "Passes the embedded demo household holds: ids the catalogue's subscription offers name.",
          ),
          cacheMaxAgeHours: ranged(
            false,
            72,
            0,
            24 * 366,
            'Holdings kept on the box are used while the service is unreachable up to this age; 0: never.',
          ),
          refreshMinutes: ranged(
            false,
            15,
            0,
            7 * 24 * 60,
            'Holdings are fetched again this often while the app runs; 0 turns it off.',
          ),
        },
        "The household's rights to watch (passes, rentals).",
      ).check((ctx) => {
        // An http backend without its service's URL fails every call, and the store retries.
        const { backend, url } = ctx.value
        if (backend === 'http' && url.trim() === '') {
          ctx.issues.push({
            code: 'custom',
            input: url,
            path: ['url'],
            message: 'the http entitlement backend needs the URL of its service',
          })
        } else if (backend === 'http') pushUrlShape(ctx, url)
      }),
      guide: section(
        {
          source: doc(
            guideSource.default('catalogue'),
            "'catalogue': the catalogue backend's own guide; 'xmltv': an XMLTV export at url; or one the operator registers.",
          ),
          url: text(
            '',
            "The XMLTV export's URL: required by the 'xmltv' source, unused by 'catalogue'.",
          ),
          zoneless: doc(
            z.enum(['utc', 'brussels']).default('utc'),
            "How to read guide times written without a zone (XMLTV's, and the JSON guide's ISO 8601 ones): UTC as the DTD says, or Belgian wall-clock time. A JSON guide's day-first time without a zone (05-12-2026 23:15) is Belgian time either way.",
          ),
          channelMap: text(
            '',
            'XMLTV channel id -> the app\'s channel id: "ardenne1.be=ardenne-1, schelde1.be=schelde-een".',
          ),
          timeoutMs: whole(15000, 1, 600_000, 'Per request; a week of XMLTV is megabytes.'),
        },
        'The live TV guide: where programme schedules come from.',
      ).check((ctx) => {
        // The source itself refuses an empty url, but only once the guide is opened, as a guide
        // that "could not load" and retries: said at start, the operator sees it at once.
        const { source, url } = ctx.value
        if (source === 'xmltv' && url.trim() === '') {
          ctx.issues.push({
            code: 'custom',
            input: url,
            path: ['url'],
            message: 'the xmltv guide source needs the URL of its XMLTV export',
          })
        } else if (source === 'xmltv') pushUrlShape(ctx, url)
      }),
      clock: section(
        {
          zone: doc(
            z.enum(['brussels', 'box']).default('brussels'),
            "The wall clock guide times, availability dates and parental hours are shown and read in: 'brussels' (Belgian time, summer and winter, whatever zone the box is set to; many run on UTC) or 'box' (the box's own zone).",
          ),
        },
        "The household's clock.",
      ),
      search: section(
        {
          keyboardLayout: doc(
            z.enum(['azerty', 'qwerty']).default('azerty'),
            "The on-screen keyboard's letters: Belgian AZERTY, or QWERTY.",
          ),
        },
        'Search.',
      ),
      accessibility: section(
        {
          speech: doc(
            z.enum(['auto', 'on', 'off']).default('auto'),
            "Text-to-speech until the household chooses in Settings › Accessibilité: 'auto' follows the box's own audio guidance setting (webOS, Tizen; off in browsers), 'on' or 'off' whatever the box says.",
          ),
        },
        'Accessibility defaults (src/accessibility/).',
      ),
      consent: section(
        {
          version: doc(
            z
              .string()
              .refine((value) => value.trim() !== '', { error: 'expected a non-empty version' })
              .default('1'),
            'Version of the consent text. Changing it asks every profile again at its next start.',
          ),
        },
        "The household's consent (GDPR).",
      ),
      analytics: section(
        {
          collector: text(
            'none',
            "'none' (nothing leaves the box) or 'http' (docs/analytics-api/), or one the operator registers.",
          ),
          url: text('', "The collector's URL for 'http': batches are POSTed to it as JSON."),
          batchSize: whole(20, 1, 500, 'Events per batch; a full batch is sent at once.'),
          flushSeconds: ranged(
            false,
            30,
            1,
            3600,
            'A batch that is not full is sent after this many seconds.',
          ),
          cmcd: flag(
            false,
            "Common Media Client Data (CTA-5004) on segment requests, for the operator's CDN.",
          ),
        },
        'Usage and playback-quality analytics, only for purposes consented to.',
      ).check((ctx) => {
        if (ctx.value.collector === 'http' && !/^https?:\/\//.test(ctx.value.url)) {
          ctx.issues.push({
            code: 'custom',
            input: ctx.value.url,
            path: ['url'],
            message: 'the http collector needs an http(s) URL',
          })
        }
      }),
      ads: section(
        {
          enabled: flag(true, 'Ad breaks on titles offered with ads (docs/ads.md).'),
          tagUrl: doc(
            z.string().regex(/^\S*$/, { error: 'expected a URL without spaces' }).default(''),
            'VAST tag asked for each break a title lists by offset; macros [CACHEBUSTING], [TIMESTAMP], [SEGMENTS], [BREAKPOSITION], [CONTENTPLAYHEAD] are filled, other IAB macros sent as -1 (unknown).',
          ),
          timeoutMs: whole(
            2000,
            200,
            30_000,
            'Budget for one ad tag (VMAP, or a VAST and its wrappers); late answers are skipped.',
          ),
          segmentsParam: doc(
            z
              .string()
              .regex(/^[A-Za-z0-9_.-]{0,40}$/, {
                error: 'expected a query parameter name (letters, digits, _ . -)',
              })
              .default('seg'),
            "Query parameter carrying the audience segment ids ('': only [SEGMENTS]).",
          ),
        },
        "Ad breaks, played by Shaka's own interstitials. Never on a pass or rental title, never personalised for kids.",
      ),
      lite: section(
        {
          mode: doc(
            z.enum(['auto', 'on', 'off']).default('auto'),
            "Lite mode for weak boxes: two home rails alive instead of four, no billboard image or fade, smaller posters, captions under the focused tile only, a smaller player buffer. 'auto' turns it on for a box reporting maxDeviceMemoryGb or less, or failing the start-up CPU probe.",
          ),
          maxDeviceMemoryGb: ranged(
            false,
            1,
            0,
            64,
            "'auto': a box whose engine reports this much memory (navigator.deviceMemory, GB) or less gets lite mode.",
          ),
          maxProbeMs: ranged(
            false,
            25,
            1,
            1000,
            "'auto', on engines that do not report their memory: a start-up CPU probe (about 4 ms on a desktop core) slower than this gets lite mode.",
          ),
        },
        'Drawing less on weak boxes (src/performance/lite.ts).',
      ),
      input: section(
        {
          repeatIntervalMs: whole(
            110,
            0,
            5000,
            'A held key repeats at most this often; extra repeats are dropped, never queued.',
          ),
          longPressMs: whole(700, 1, 10_000, 'A key held this long counts as a long-press.'),
        },
        'Remote control timing.',
      ),
      player: section(
        {
          preferredFormat: doc(
            z.enum(['dash', 'hls']).default('dash'),
            "Which of a title's streams to try first.",
          ),
          bufferingGoal: ranged(
            false,
            20,
            1,
            600,
            'Seconds of media buffered ahead; small for box memory.',
          ),
          rebufferingGoal: ranged(
            false,
            2,
            0,
            600,
            'Seconds buffered before playback resumes after a stall.',
          ),
          bufferBehind: ranged(
            false,
            10,
            0,
            3600,
            'Seconds kept behind the playhead before eviction.',
          ),
          abrEnabled: flag(true, 'Adaptive bitrate.'),
          defaultBandwidthEstimate: whole(
            2_000_000,
            1,
            10_000_000_000,
            'First bandwidth estimate, bits/s.',
          ),
          retryAttempts: whole(
            4,
            0,
            20,
            "Shaka's retries for manifest, segment and licence requests.",
          ),
          retryBaseDelayMs: whole(500, 1, 60_000, 'First delay between those retries.'),
          requestTimeoutMs: whole(10_000, 1, 600_000, 'Per request.'),
          stallTimeoutSeconds: ranged(
            false,
            20,
            1,
            3600,
            'Buffering this long without progress ends in a message with Retry.',
          ),
          progressIntervalSeconds: ranged(
            false,
            5,
            1,
            3600,
            'Saved position for resume: written this often while playing (and on stop).',
          ),
          drm: section(
            {
              widevine: licensed,
              playready: licensed,
              clearkey: licensed,
              clearKeys: text(
                '',
                'Inline ClearKey "kidHex:keyHex" pairs separated by commas, for tests and demos only.',
              ),
            },
            'DRM per operator (docs/drm.md): a licence server and its headers per key system.',
          ).check((ctx) => {
            // Licence URLs, header lines and inline keys: caught at start rather than at first play.
            for (const problem of drmSetup(ctx.value).problems) {
              const colon = problem.indexOf(': ')
              const at = problem.startsWith('player.drm.') && colon > 0
              ctx.issues.push({
                code: 'custom',
                input: ctx.value,
                path: at ? problem.slice('player.drm.'.length, colon).split('.') : [],
                message: at ? problem.slice(colon + 2) : problem,
              })
            }
          }),
        },
        'Playback with Shaka Player.',
      ),
    }),
    'Belgica operator settings: settings.json "appSettings". Every key is optional; what is left out takes its default.',
  )
}

/** A URL the browser would read otherwise than the operator meant (urlShape.ts), at `url`. */
function pushUrlShape(ctx: z.core.ParsePayload<unknown>, url: string): void {
  const message = urlShapeProblem(url)
  if (message) ctx.issues.push({ code: 'custom', input: url, path: ['url'], message })
}

/** Built-in catalogue backends that have nothing to read without catalogue.url. */
const BACKENDS_WITH_URL: readonly string[] = ['http', 'directpublisher', 'mrss']

function shareMessage(issue: { input: unknown }): string {
  return `expected a share between 0 and 1 (0.2 is 20 %), got ${JSON.stringify(issue.input) ?? String(issue.input)}`
}

export type AppConfig = z.output<ReturnType<typeof buildAppSettingsSchema>>
