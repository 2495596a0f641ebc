import * as z from 'zod'
import {
  classify,
  CONTENT_DESCRIPTORS,
  CSA_RATINGS,
  GOEDGEZIEN_RATINGS,
  KIJKWIJZER_RATINGS,
  stricter,
  type Classification,
  type GivenRating,
} from './ratings'

/**
 * The catalogue's domain model, as validated data. Every backend's output passes through these
 * schemas, so a screen never sees an item that breaks them.
 */

export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const
export const languageSchema = z.enum(LANGUAGES)
export type Language = z.infer<typeof languageSchema>

/*
 * Each schema below is built on its first use (z.lazy), not when the bundle loads: building them
 * all took about 170 ms of a set-top box's start before the first paint, most of it for feeds this
 * start may never read. Inside a builder the others are referenced through their lazy wrapper,
 * which costs one call per value parsed.
 */

/** ISO 639-1 code of any spoken/subtitle language (content may be in languages the UI is not). */
const isoLanguage = z.lazy(() =>
  z
    .string()
    // "und" (ISO 639-2 "undetermined"): feeds that do not say which language their video is in.
    .regex(/^([a-z]{2}(-[a-z]+)?|und)$/, 'expected an ISO 639-1 code such as "fr"'),
)

/**
 * C0 and C1 control characters (but tab and line breaks, which the text layout reads as space):
 * exports carry stray NULs and the like, which the screen's fonts draw as boxes.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g
const withoutControls = (value: string): string => value.replace(CONTROLS, '')

const oneLanguage = () =>
  z
    .string()
    .min(1)
    .max(4000)
    .refine((value) => withoutControls(value).trim() !== '', 'only control characters')
    .transform(withoutControls)
    .optional()

export const NEEDS_A_LANGUAGE = 'needs at least one language'

/** Text in several languages; at least one must be present. */
const localizedText = () =>
  z
    .object({
      fr: oneLanguage(),
      nl: oneLanguage(),
      de: oneLanguage(),
      en: oneLanguage(),
    })
    .strict()
    .refine((text) => Object.values(text).some(Boolean), NEEDS_A_LANGUAGE)
export const localizedTextSchema = z.lazy(localizedText)
export type LocalizedText = z.infer<typeof localizedTextSchema>

/** The longest title drawn (each language), and the complaint of one longer. */
export const TITLE_MAX = 200
export const TITLE_TOO_LONG = `a title is at most ${TITLE_MAX} characters`

const shortLocalizedTextSchema = z.lazy(() =>
  localizedText().refine(
    (text) =>
      Object.values(text).every((value) => value === undefined || value.length <= TITLE_MAX),
    TITLE_TOO_LONG,
  ),
)

export const GENRES = [
  'drama',
  'comedy',
  'thriller',
  'crime',
  'documentary',
  'animation',
  'family',
  'romance',
  'fantasy',
  'history',
  'war',
  'horror',
  'scifi',
  'music',
  'mystery',
] as const
export const genreSchema = z.enum(GENRES)
export type Genre = z.infer<typeof genreSchema>

/**
 * Ratings as a source gives them. `rating` holds the Belgian systems by name; `ratings` any system
 * by name (MPAA, US TV, BBFC, FSK, CHVRS, CPR, Kijkwijzer...). Both are optional: a title without a
 * rating the app knows is "not rated" (ratings.ts), never skipped.
 */
export const ratingSchema = z.lazy(() =>
  z
    .object({
      csa: z.enum(CSA_RATINGS).optional(),
      kijkwijzer: z.enum(KIJKWIJZER_RATINGS).optional(),
      goedgezien: z.enum(GOEDGEZIEN_RATINGS).optional(),
    })
    .strict(),
)
export type BelgianRating = z.infer<typeof ratingSchema>

export const givenRatingSchema = z.lazy(() =>
  z.object({ system: z.string().min(1).max(40), value: z.string().min(1).max(40) }).strict(),
)

const ratingFields = () => ({
  rating: ratingSchema.optional(),
  ratings: z.array(givenRatingSchema).max(12).optional(),
  /** Kijkwijzer / GoedGezien content icons. */
  contentDescriptors: z.array(z.enum(CONTENT_DESCRIPTORS)).max(6).optional(),
})

/** ISO 8601 date and time with a zone, e.g. "2026-12-31T23:59:59+01:00". */
const dateTimeSchema = z.lazy(() => z.iso.datetime({ offset: true }))

/** When a title or an episode may be watched; outside the window it is not offered. */
const availabilityFields = () => ({
  availableFrom: dateTimeSchema.optional(),
  availableUntil: dateTimeSchema.optional(),
})

/** Where ad breaks go, in seconds from the start of the content (used with an ad-supported offer). */
const adBreaksSchema = z.lazy(() => z.array(z.number().nonnegative().max(86_400)).max(50))

const price = () =>
  z.object({ amount: z.number().positive().max(1000), currency: z.literal('EUR') }).strict()
export const priceSchema = z.lazy(price)

export const offerSchema = z.lazy(() =>
  z.discriminatedUnion('type', [
    /** Public broadcaster replay or otherwise free to watch. */
    z.object({ type: z.literal('free') }).strict(),
    /** Included in a subscription pass (e.g. the "Movie & Series pass" add-on). */
    z.object({ type: z.literal('subscription'), pass: z.string().min(1) }).strict(),
    /** Pay once, watch within a window (hours). */
    z
      .object({
        type: z.literal('rental'),
        price: price(),
        windowHours: z
          .number()
          .int()
          .positive()
          .max(24 * 30),
      })
      .strict(),
    /** Free with advertising breaks. */
    z.object({ type: z.literal('ads') }).strict(),
  ]),
)
export type Offer = z.infer<typeof offerSchema>

/** What urlSchema says of a URL the app may not load: the item is read without it where it can be. */
export const UNUSABLE_URL = 'not a usable URL'

/** A relative URL (resolved against the app) or an absolute http(s) URL. */
export const urlSchema = z.lazy(() =>
  z
    .string()
    .min(1, UNUSABLE_URL)
    .max(2000, UNUSABLE_URL)
    // RFC 3986's characters, with the sub-delimiters CDN tokens use ("hdnts=...~acl=/*~hmac=...");
    // no spaces, double quotes or angle brackets, which no CDN link carries unescaped.
    .refine((value) => /^(https?:\/\/|\/)?[\w\-./%~:@?=&+#!$'()*,;[\]]+$/.test(value), UNUSABLE_URL)
    // Any other scheme (javascript:, file:, ...) is not a URL the app may load.
    .refine(
      (value) => /^https?:\/\//i.test(value) || !/^[a-z][a-z0-9+.-]*:/i.test(value),
      UNUSABLE_URL,
    ),
)

/**
 * A title's (or episode's) own ads, used only when the household watches it through an ad-supported
 * offer: its VMAP (pre-, mid-, post-rolls), or break offsets in seconds (0 is a pre-roll) that each
 * ask the operator's ad tag (settings ads.tagUrl). `vmap` wins when both are given.
 */
export const titleAdsSchema = z.lazy(() =>
  z.object({ vmap: urlSchema.optional(), breaks: adBreaksSchema.optional() }).strict(),
)
export type TitleAdsInput = z.infer<typeof titleAdsSchema>

/** A subtitle file next to the video (not carried in the stream). */
export const sidecarSubtitleSchema = z.lazy(() =>
  z
    .object({
      url: urlSchema,
      language: isoLanguage,
      format: z.enum(['vtt', 'ttml', 'srt']),
      /** Closed captions (for the deaf and hard of hearing) rather than translation subtitles. */
      captions: z.boolean().optional(),
    })
    .strict(),
)
export type SidecarSubtitle = z.infer<typeof sidecarSubtitleSchema>

export const streamSchema = z.lazy(() =>
  z
    .object({
      dash: urlSchema.optional(),
      hls: urlSchema.optional(),
      /** A progressive MP4 file, played when there is no DASH or HLS manifest. */
      mp4: urlSchema.optional(),
      /**
       * The same video's other progressive files, best first, each played in turn when the one
       * before cannot be: a feed's Full HD file in a codec the box does not decode (HEVC), or
       * missing, while its HD one in H.264 plays.
       */
      mp4Fallbacks: z.array(urlSchema).max(4).optional(),
      subtitles: z.array(sidecarSubtitleSchema).max(20).optional(),
    })
    .strict()
    .refine(
      (stream) => Boolean(stream.dash || stream.hls || stream.mp4),
      'needs a DASH, an HLS or an MP4 URL',
    ),
)
export type Stream = z.infer<typeof streamSchema>

export const brandSchema = z.lazy(() =>
  z
    .object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string().min(1).max(80),
      kind: z.enum(['broadcaster', 'producer', 'studio', 'distributor']),
    })
    .strict(),
)
export type Brand = z.infer<typeof brandSchema>

export const personSchema = z.lazy(() =>
  z
    .object({
      name: z.string().min(1).max(120),
      role: z.enum(['director', 'creator', 'writer', 'actor', 'producer', 'composer']),
      character: z.string().max(120).optional(),
    })
    .strict(),
)
export type Person = z.infer<typeof personSchema>

/**
 * A title's or an episode's id as the operator's CMS keys it ("rosetta", "MOV_0042", "tt.123"):
 * routes, saved positions and lookups (titles/<id>) use it as written, so it is not rewritten.
 * Not "." first: "." and ".." would be paths there.
 */
export const CATALOGUE_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/
const catalogueId = () =>
  z.string().max(200).regex(CATALOGUE_ID, 'ids are letters, digits, "-", "_" and "."')

const episodeInput = z.lazy(() =>
  z
    .object({
      id: catalogueId(),
      number: z.number().int().positive(),
      title: shortLocalizedTextSchema,
      synopsis: localizedTextSchema,
      durationMinutes: z.number().int().positive().max(600).optional(),
      stream: streamSchema,
      ...ratingFields(),
      ...availabilityFields(),
      adBreaks: adBreaksSchema.optional(),
      ads: titleAdsSchema.optional(),
    })
    .strict(),
)
export const episodeSchema = episodeInput
/** An episode; `classification` is derived when its series is parsed (its own rating, or the series'). */
export type Episode = z.infer<typeof episodeInput> & { classification: Classification }

export const seasonSchema = z.lazy(() =>
  z
    .object({ number: z.number().int().positive(), episodes: z.array(episodeInput).min(1) })
    .strict(),
)
export type Season = { number: number; episodes: Episode[] }

/** Poster (portrait) and backdrop (16:9); either may be missing: tiles frame what there is. */
const artworkSchema = z.lazy(() =>
  z.object({ poster: urlSchema.optional(), backdrop: urlSchema.optional() }).strict(),
)

const titleBase = () => ({
  id: catalogueId(),
  title: shortLocalizedTextSchema,
  originalTitle: z.string().min(1).max(200),
  synopsis: localizedTextSchema,
  year: z.number().int().min(1895).max(2100).optional(),
  /** The app's genres (may be empty); `genreLabels` keeps a source's own names it cannot map. */
  genres: z.array(genreSchema).max(15),
  genreLabels: z.array(z.string().min(1).max(60)).max(10).optional(),
  /** ISO 3166-1 alpha-2 production countries, main one first. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
  cast: z.array(personSchema),
  crew: z.array(personSchema),
  brand: brandSchema,
  originalLanguage: isoLanguage,
  audioLanguages: z.array(isoLanguage).min(1),
  subtitleLanguages: z.array(isoLanguage),
  ...ratingFields(),
  ...availabilityFields(),
  offers: z.array(offerSchema).min(1),
  artwork: artworkSchema,
})

const filmInput = () =>
  z
    .object({
      ...titleBase(),
      kind: z.literal('film'),
      durationMinutes: z.number().int().positive().max(600).optional(),
      stream: streamSchema,
      adBreaks: adBreaksSchema.optional(),
      ads: titleAdsSchema.optional(),
    })
    .strict()

const seriesInput = () =>
  z
    .object({ ...titleBase(), kind: z.literal('series'), seasons: z.array(seasonSchema).min(1) })
    .strict()

type RatingFields = {
  rating?: BelgianRating | undefined
  ratings?: GivenRating[] | undefined
  contentDescriptors?: Classification['descriptors'] | undefined
}

/** Every rating an item was given, Belgian ones first. */
function givenRatings(item: RatingFields): GivenRating[] {
  const belgian = Object.entries(item.rating ?? {}).flatMap(([system, value]) =>
    value ? [{ system, value }] : [],
  )
  return [...belgian, ...(item.ratings ?? [])]
}

const hasRating = (item: RatingFields): boolean => givenRatings(item).length > 0

const classificationOf = (item: RatingFields): Classification =>
  classify(givenRatings(item), item.contentDescriptors ?? [])

export type Film = z.infer<ReturnType<typeof filmInput>> & { classification: Classification }
export type Series = Omit<z.infer<ReturnType<typeof seriesInput>>, 'seasons'> & {
  seasons: Season[]
  classification: Classification
}
export type Title = Film | Series

/**
 * Seasons and episodes in their numbers' order. Exports often list them newest first, and the
 * details screen showed "Saison 2" first and offered to start the series at S2 E1. Equal numbers
 * keep the feed's order (explicitly: older engines do not sort stably).
 */
const byNumber = <T extends { number: number }>(items: readonly T[]): T[] =>
  items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.number - b.item.number || a.index - b.index)
    .map(({ item }) => item)

/**
 * A series without a rating of its own (feeds often rate episodes only) takes the strictest of its
 * rated episodes; an episode without one takes its series' own rating, else stays not rated.
 */
function classifySeries(series: z.infer<ReturnType<typeof seriesInput>>): Series {
  const own = hasRating(series) ? classificationOf(series) : undefined
  const seasons: Season[] = byNumber(series.seasons).map((season) => ({
    number: season.number,
    episodes: byNumber(season.episodes).map((episode) => ({
      ...episode,
      classification: hasRating(episode) ? classificationOf(episode) : (own ?? classify([])),
    })),
  }))
  const rated = seasons
    .flatMap((season) => season.episodes)
    .filter((episode) => episode.classification.minimumAge !== null)
  const derived = rated.length
    ? rated.map((episode) => episode.classification).reduce(stricter)
    : classify([])
  return { ...series, seasons, classification: own ?? derived }
}

/**
 * A title of the contract. The JSON it reads is the input; the model adds `classification`, the
 * ratings derived for Belgium (ratings.ts).
 */
export const titleSchema = z.lazy(() =>
  z
    .discriminatedUnion('kind', [filmInput(), seriesInput()])
    .transform((title): Title =>
      title.kind === 'film'
        ? { ...title, classification: classificationOf(title) }
        : classifySeries(title),
    ),
)

/** The embedded catalogue file (static/catalogue/titles.json). */
export const catalogueFileSchema = z.lazy(() =>
  z.object({ version: z.literal(1), titles: z.array(z.unknown()) }).strict(),
)

export { CSA_RATINGS, KIJKWIJZER_RATINGS, GOEDGEZIEN_RATINGS } from './ratings'
export type { Classification } from './ratings'
