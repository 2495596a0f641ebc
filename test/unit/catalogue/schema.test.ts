import {
  CSA_RATINGS,
  episodeSchema,
  KIJKWIJZER_RATINGS,
  localizedTextSchema,
  offerSchema,
  ratingSchema,
  streamSchema,
  titleSchema,
} from '../../../src/catalogue/schema'
import { rawTitle } from './fixture'

const valid = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success

describe('catalogue schema', () => {
  describe('localized text', () => {
    test('needs at least one of fr, nl, de, en', () => {
      expect(valid(localizedTextSchema, { nl: 'Tekst' })).toBe(true)
      expect(valid(localizedTextSchema, {})).toBe(false)
    })

    test('rejects empty strings and languages the app does not have', () => {
      expect(valid(localizedTextSchema, { fr: '' })).toBe(false)
      expect(valid(localizedTextSchema, { fr: 'Texte', es: 'Texto' })).toBe(false)
    })

    test('a title is at most 200 characters, a synopsis up to 4000', () => {
      const withTitle = (title: unknown) => ({ ...rawTitle('rosetta'), title })
      expect(valid(titleSchema, withTitle({ fr: 'x'.repeat(200) }))).toBe(true)
      expect(valid(titleSchema, withTitle({ fr: 'x'.repeat(201) }))).toBe(false)
      const withSynopsis = (synopsis: unknown) => ({
        ...rawTitle('rosetta'),
        synopsis,
      })
      expect(valid(titleSchema, withSynopsis({ fr: 'x'.repeat(4000) }))).toBe(true)
      expect(valid(titleSchema, withSynopsis({ fr: 'x'.repeat(4001) }))).toBe(false)
    })
  })

  describe('ratings', () => {
    test('accepts every Belgian rating pair', () => {
      for (const csa of CSA_RATINGS) {
        for (const kijkwijzer of KIJKWIJZER_RATINGS) {
          expect(valid(ratingSchema, { csa, kijkwijzer })).toBe(true)
        }
      }
    })

    test('rejects ratings from other systems', () => {
      expect(valid(ratingSchema, { csa: 'PG', kijkwijzer: 'AL' })).toBe(false)
      expect(valid(ratingSchema, { csa: 'TP', kijkwijzer: '13' })).toBe(false)
      expect(valid(ratingSchema, { csa: 'TP', kijkwijzer: 'AL', mpaa: 'PG' })).toBe(false)
    })
  })

  describe('offers', () => {
    test('accepts the four offer types', () => {
      expect(valid(offerSchema, { type: 'free' })).toBe(true)
      expect(valid(offerSchema, { type: 'ads' })).toBe(true)
      expect(valid(offerSchema, { type: 'subscription', pass: 'movies-series' })).toBe(true)
      expect(
        valid(offerSchema, {
          type: 'rental',
          price: { amount: 3.99, currency: 'EUR' },
          windowHours: 48,
        }),
      ).toBe(true)
    })

    test('a rental window is whole hours up to 30 days', () => {
      const rental = (windowHours: number) => ({
        type: 'rental',
        price: { amount: 3.99, currency: 'EUR' },
        windowHours,
      })
      expect(valid(offerSchema, rental(720))).toBe(true)
      expect(valid(offerSchema, rental(721))).toBe(false)
      expect(valid(offerSchema, rental(1.5))).toBe(false)
      expect(valid(offerSchema, rental(0))).toBe(false)
    })

    test('fields of another offer type are rejected', () => {
      expect(valid(offerSchema, { type: 'free', pass: 'x' })).toBe(false)
    })
  })

  describe('streams', () => {
    test('need DASH or HLS', () => {
      expect(valid(streamSchema, { dash: 'a/manifest.mpd' })).toBe(true)
      expect(valid(streamSchema, { hls: 'a/master.m3u8' })).toBe(true)
      expect(valid(streamSchema, {})).toBe(false)
      expect(valid(streamSchema, { smooth: 'a/Manifest' })).toBe(false)
    })

    test('reject URLs of other schemes', () => {
      expect(valid(streamSchema, { dash: 'javascript:alert' })).toBe(false)
      expect(valid(streamSchema, { hls: 'https://cdn.example.be/live/master.m3u8' })).toBe(true)
    })

    test('keep the characters CDN tokens carry in their query (RFC 3986 sub-delimiters)', () => {
      const akamai = 'https://cdn.example.be/a/master.m3u8?hdnts=exp=1~acl=/*~hmac=ab'
      expect(valid(streamSchema, { hls: akamai })).toBe(true)
      expect(valid(streamSchema, { dash: "https://cdn.example.be/a.mpd?s=(x),y;z!$'" })).toBe(true)
      expect(valid(streamSchema, { dash: 'https://cdn.example.be/a b.mpd' })).toBe(false)
      expect(valid(streamSchema, { dash: 'https://cdn.example.be/a.mpd?x="><b>' })).toBe(false)
    })
  })

  describe('episodes', () => {
    const episode = {
      id: 'x-s1e1',
      number: 1,
      title: { fr: 'Épisode 1' },
      synopsis: { fr: 'Résumé.' },
      durationMinutes: 52,
      stream: { dash: 'a/manifest.mpd' },
    }

    test('a complete episode is valid', () => {
      expect(valid(episodeSchema, episode)).toBe(true)
    })

    test('episode numbers are positive whole numbers', () => {
      expect(valid(episodeSchema, { ...episode, number: 0 })).toBe(false)
      expect(valid(episodeSchema, { ...episode, number: 1.5 })).toBe(false)
    })
  })

  describe('titles', () => {
    test('the year is between the first film and 2100', () => {
      expect(valid(titleSchema, { ...rawTitle('rosetta'), year: 1895 })).toBe(true)
      expect(valid(titleSchema, { ...rawTitle('rosetta'), year: 1894 })).toBe(false)
      expect(valid(titleSchema, { ...rawTitle('rosetta'), year: 2101 })).toBe(false)
    })

    test('countries are ISO 3166 alpha-2 codes, at least one', () => {
      expect(valid(titleSchema, { ...rawTitle('rosetta'), countries: ['BE', 'FR'] })).toBe(true)
      expect(valid(titleSchema, { ...rawTitle('rosetta'), countries: ['BEL'] })).toBe(false)
      expect(valid(titleSchema, { ...rawTitle('rosetta'), countries: ['be'] })).toBe(false)
      expect(valid(titleSchema, { ...rawTitle('rosetta'), countries: [] })).toBe(false)
    })

    test('languages are ISO 639-1 codes', () => {
      expect(
        valid(titleSchema, {
          ...rawTitle('rosetta'),
          audioLanguages: ['fr', 'nl-be'],
        }),
      ).toBe(true)
      expect(
        valid(titleSchema, {
          ...rawTitle('rosetta'),
          audioLanguages: ['French'],
        }),
      ).toBe(false)
      expect(valid(titleSchema, { ...rawTitle('rosetta'), audioLanguages: [] })).toBe(false)
    })

    test('a title may come without crew or cast (feeds often have no credits)', () => {
      expect(valid(titleSchema, { ...rawTitle('rosetta'), crew: [] })).toBe(true)
      expect(valid(titleSchema, { ...rawTitle('rosetta'), cast: [] })).toBe(true)
    })
  })
})
