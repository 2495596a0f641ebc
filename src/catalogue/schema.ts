import { z } from 'zod'

/**
 * The catalogue's domain model, as validated data. Every backend's output passes through these
 * schemas, so a screen never sees an item that breaks them.
 */

export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const
export const languageSchema = z.enum(LANGUAGES)
export type Language = z.infer<typeof languageSchema>

/** ISO 639-1 code of any spoken/subtitle language (content may be in languages the UI is not). */
const isoLanguage = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)?$/, 'expected an ISO 639-1 code such as "fr"')

/** Text in several languages; at least one must be present. */
export const localizedTextSchema = z
  .object({
    fr: z.string().min(1).max(4000).optional(),
    nl: z.string().min(1).max(4000).optional(),
    de: z.string().min(1).max(4000).optional(),
    en: z.string().min(1).max(4000).optional(),
  })
  .strict()
  .refine((text) => Object.values(text).some(Boolean), 'needs at least one language')
export type LocalizedText = z.infer<typeof localizedTextSchema>

const shortLocalizedTextSchema = localizedTextSchema.refine(
  (text) => Object.values(text).every((value) => value === undefined || value.length <= 200),
  'a title is at most 200 characters',
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

/** Belgian French Community (CSA signalétique): TP = tous publics. */
export const CSA_RATINGS = ['TP', '10', '12', '16', '18'] as const
/** Flemish Kijkwijzer ages: AL = alle leeftijden. */
export const KIJKWIJZER_RATINGS = ['AL', '6', '9', '12', '14', '16', '18'] as const
export const ratingSchema = z
  .object({ csa: z.enum(CSA_RATINGS), kijkwijzer: z.enum(KIJKWIJZER_RATINGS) })
  .strict()
export type AgeRating = z.infer<typeof ratingSchema>

export const priceSchema = z
  .object({ amount: z.number().positive().max(1000), currency: z.literal('EUR') })
  .strict()

export const offerSchema = z.discriminatedUnion('type', [
  /** Public broadcaster replay or otherwise free to watch. */
  z.object({ type: z.literal('free') }).strict(),
  /** Included in a subscription pass (e.g. the "Movie & Series pass" add-on). */
  z.object({ type: z.literal('subscription'), pass: z.string().min(1) }).strict(),
  /** Pay once, watch within a window (hours). */
  z
    .object({
      type: z.literal('rental'),
      price: priceSchema,
      windowHours: z
        .number()
        .int()
        .positive()
        .max(24 * 30),
    })
    .strict(),
  /** Free with advertising breaks. */
  z.object({ type: z.literal('ads') }).strict(),
])
export type Offer = z.infer<typeof offerSchema>

/** A relative URL (resolved against the app) or an absolute http(s) URL. */
export const urlSchema = z
  .string()
  .min(1)
  .max(2000)
  .refine((value) => /^(https?:\/\/|\/)?[\w\-./%~:@?=&+#]+$/.test(value), 'not a usable URL')
  // Any other scheme (javascript:, file:, ...) is not a URL the app may load.
  .refine(
    (value) => /^https?:\/\//i.test(value) || !/^[a-z][a-z0-9+.-]*:/i.test(value),
    'not a usable URL',
  )

export const streamSchema = z
  .object({ dash: urlSchema.optional(), hls: urlSchema.optional() })
  .strict()
  .refine((stream) => Boolean(stream.dash || stream.hls), 'needs a DASH or an HLS URL')
export type Stream = z.infer<typeof streamSchema>

export const brandSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1).max(80),
    kind: z.enum(['broadcaster', 'producer', 'studio', 'distributor']),
  })
  .strict()
export type Brand = z.infer<typeof brandSchema>

export const personSchema = z
  .object({
    name: z.string().min(1).max(120),
    role: z.enum(['director', 'creator', 'writer', 'actor', 'producer', 'composer']),
    character: z.string().max(120).optional(),
  })
  .strict()
export type Person = z.infer<typeof personSchema>

export const episodeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    number: z.number().int().positive(),
    title: shortLocalizedTextSchema,
    synopsis: localizedTextSchema,
    durationMinutes: z.number().int().positive().max(600),
    stream: streamSchema,
  })
  .strict()
export type Episode = z.infer<typeof episodeSchema>

export const seasonSchema = z
  .object({ number: z.number().int().positive(), episodes: z.array(episodeSchema).min(1) })
  .strict()
export type Season = z.infer<typeof seasonSchema>

const artworkSchema = z.object({ poster: urlSchema, backdrop: urlSchema }).strict()

const titleBase = {
  id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lowercase slugs'),
  title: shortLocalizedTextSchema,
  originalTitle: z.string().min(1).max(200),
  synopsis: localizedTextSchema,
  year: z.number().int().min(1895).max(2100),
  genres: z.array(genreSchema).min(1),
  /** ISO 3166-1 alpha-2 production countries, main one first. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
  cast: z.array(personSchema),
  crew: z.array(personSchema).min(1),
  brand: brandSchema,
  originalLanguage: isoLanguage,
  audioLanguages: z.array(isoLanguage).min(1),
  subtitleLanguages: z.array(isoLanguage),
  rating: ratingSchema,
  offers: z.array(offerSchema).min(1),
  artwork: artworkSchema,
}

export const filmSchema = z
  .object({
    ...titleBase,
    kind: z.literal('film'),
    durationMinutes: z.number().int().positive().max(600),
    stream: streamSchema,
  })
  .strict()
export type Film = z.infer<typeof filmSchema>

export const seriesSchema = z
  .object({ ...titleBase, kind: z.literal('series'), seasons: z.array(seasonSchema).min(1) })
  .strict()
export type Series = z.infer<typeof seriesSchema>

export const titleSchema = z.discriminatedUnion('kind', [filmSchema, seriesSchema])
export type Title = z.infer<typeof titleSchema>

/** The embedded catalogue file (static/catalogue/titles.json). */
export const catalogueFileSchema = z
  .object({ version: z.literal(1), titles: z.array(z.unknown()) })
  .strict()
