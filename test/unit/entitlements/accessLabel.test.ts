import type { Access } from '../../../src/entitlements/access'
import type { Translate } from '../../../src/catalogue/offers'
import {
  accessBadge,
  accessLabel,
  acquireButtons,
  passPrice,
} from '../../../src/entitlements/accessLabel'
import { rental, rentalOffer } from './fixtures'
import { translator } from './translate'
import { wallZone } from '../../../src/i18n/wallZone'

const BOX = wallZone('box')

/** Wednesday 3 December 2025, 21:40 on the box. */
const UNTIL = new Date(2025, 11, 3, 21, 40).getTime()

const cases: {
  access: Access
  fr: [string, string | undefined]
  en: [string, string | undefined]
}[] = [
  {
    access: { kind: 'pass', passId: 'movies-series', activeUntil: null },
    fr: ['Inclus dans votre Pass', 'Inclus'],
    en: ['Included in your pass', 'Included'],
  },
  {
    access: { kind: 'rented', rental: rental({ expiresAt: UNTIL }), until: UNTIL },
    fr: ["Loué jusqu'au mer. 3 déc. 21:40", 'Loué'],
    en: ['Rented until Wed 3 Dec 21:40', 'Rented'],
  },
  {
    access: { kind: 'rented', rental: rental(), until: null },
    fr: ['Loué · 48 h dès la lecture', 'Loué'],
    en: ['Rented · 48 h from first play', 'Rented'],
  },
  {
    access: { kind: 'rent', offer: rentalOffer },
    fr: ['Louer 5,99 € · 48 h', '5,99 €'],
    en: ['Rent €5.99 · 48 h', '€5.99'],
  },
  {
    access: { kind: 'ads' },
    fr: ['Gratuit avec publicités', 'Avec pub'],
    en: ['Free with ads', 'With ads'],
  },
  { access: { kind: 'free' }, fr: ['Gratuit', 'Gratuit'], en: ['Free', 'Free'] },
  {
    access: { kind: 'subscribe', passId: 'movies-series' },
    fr: ['Abonnez-vous au Pass Films & Séries', 'Pass'],
    en: ['Subscribe to the Movie & Series pass', 'Pass'],
  },
  // Rights not known: no badge at all, and what is going on rather than a price.
  {
    access: { kind: 'unknown', failed: false },
    fr: ['Vérification de vos droits…', undefined],
    en: ['Checking your rights…', undefined],
  },
  {
    access: { kind: 'unknown', failed: true },
    fr: ['Vos achats n’ont pas pu être vérifiés, réessayez plus tard', undefined],
    en: ['Your purchases could not be checked, try again later', undefined],
  },
]

/** The app's translations with the operator's price for every pass (appSettings.offers). */
const priced =
  (language: string): Translate =>
  (key, values) =>
    key.startsWith('access.passPrice.') ? '9,99 € / mois' : translator(language)(key, values)

describe.each(['fr', 'en'] as const)('in %s', (language) => {
  const t = priced(language)
  test.each(
    cases.map(
      (c) =>
        [
          c.access.kind,
          c.access.kind === 'rented' && c.access.until === null
            ? '(not started)'
            : c.access.kind === 'unknown' && c.access.failed
              ? '(failed)'
              : '',
          c,
        ] as const,
    ),
  )('%s %s: label and badge', (_kind, _note, c) => {
    expect([accessLabel(c.access, t, language, BOX), accessBadge(c.access, t, language)]).toEqual(
      c[language],
    )
  })
})

test('a pass the translations do not name reads with the generic name', () => {
  const access: Access = { kind: 'subscribe', passId: 'sport-plus' }
  expect(accessLabel(access, priced('fr'), 'fr', BOX)).toBe('Abonnez-vous au Pass')
  expect(accessLabel(access, priced('en'), 'en', BOX)).toBe('Subscribe to the pass')
})

describe('a pass the operator gives no price for', () => {
  const access: Access = { kind: 'subscribe', passId: 'movies-series' }
  const title = { offers: [{ type: 'subscription' as const, pass: 'movies-series' }] }

  test('is not offered: it says the price is unavailable and whom to ask', () => {
    const t = translator('fr')
    expect(passPrice('movies-series', t)).toBeUndefined()
    expect(accessLabel(access, t, 'fr', BOX)).toBe(
      'Pass Films & Séries · prix indisponible, contactez votre opérateur',
    )
    expect(acquireButtons(title, t, 'fr')).toEqual([
      { id: 'unpriced', label: 'Prix indisponible — contactez votre opérateur' },
    ])
    // The badge says what the title is in, not a price: it stays.
    expect(accessBadge(access, t, 'fr')).toBe('Pass')
  })

  test('a priced one is offered', () => {
    const t = priced('fr')
    expect(passPrice('movies-series', t)).toBe('9,99 € / mois')
    expect(acquireButtons(title, t, 'fr')).toEqual([{ id: 'subscribe', label: 'Prendre le Pass' }])
  })
})

test('every access has a label and a badge in nl and de too, with no key left untranslated', () => {
  for (const language of ['nl', 'de']) {
    for (const [t, { access }] of cases.flatMap((c) => [
      [translator(language), c] as const,
      [priced(language), c] as const,
    ])) {
      for (const text of [
        accessLabel(access, t, language, BOX),
        accessBadge(access, t, language) ?? '',
      ]) {
        expect(text).not.toMatch(/access\.|\{/)
      }
    }
  }
})
