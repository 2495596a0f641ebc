import type { Translate } from '../../../src/catalogue/offers'
import {
  classify,
  NOT_RATED,
  type ContentDescriptor,
  type GivenRating,
} from '../../../src/catalogue/ratings'
import { ratingLabel, ratingShort } from '../../../src/i18n/ratingLabel'
import { ratingDisplay, ratingSystemFor } from '../../../src/parental/ratingDisplay'
import translations from '../../../static/translations.json'

type Language = 'fr' | 'nl' | 'de' | 'en'
const tr =
  (language: Language): Translate =>
  (key) =>
    (translations[language] as Record<string, string>)[key] ?? key

const rated = (given: GivenRating[], descriptors: ContentDescriptor[] = []) =>
  classify(given, descriptors)
const csa = (value: string) => rated([{ system: 'CSA', value }])
const kijkwijzer = (value: string) => rated([{ system: 'Kijkwijzer', value }])
const goedgezien = (value: string) => rated([{ system: 'GoedGezien', value }])
const display = (c: ReturnType<typeof classify>, language: Language) =>
  ratingDisplay(c, language, tr(language))

describe('ratingDisplay: French (CSA)', () => {
  test.each([
    ['TP', 'Tous publics'],
    ['10', '-10'],
    ['12', '-12'],
    ['16', '-16'],
    ['18', '-18'],
  ])('CSA %s reads "%s"', (value, sign) => {
    expect(display(csa(value), 'fr')).toMatchObject({ system: 'csa', systemName: 'CSA', sign })
  })

  test('other systems are shown as the CSA category at or above them', () => {
    expect(display(kijkwijzer('14'), 'fr').sign).toBe('-16')
    expect(display(kijkwijzer('6'), 'fr').sign).toBe('-10')
    expect(display(rated([{ system: 'MPAA', value: 'R' }]), 'fr').sign).toBe('-18')
  })

  test('English reads the CSA too, in English', () => {
    expect(display(csa('TP'), 'en')).toMatchObject({ system: 'csa', sign: 'All audiences' })
    expect(display(kijkwijzer('12'), 'en').sign).toBe('-12')
  })
})

describe('ratingDisplay: Dutch (GoedGezien, or Kijkwijzer)', () => {
  test.each([
    ['AL', 'AL'],
    ['6', '6'],
    ['10', '10'],
    ['12', '12'],
    ['16', '16'],
    ['18', '18'],
  ])('GoedGezien %s reads "%s"', (value, sign) => {
    expect(display(goedgezien(value), 'nl')).toMatchObject({
      system: 'goedgezien',
      systemName: 'GoedGezien',
      sign,
    })
  })

  test.each([
    ['AL', 'AL'],
    ['6', '6'],
    ['9', '9'],
    ['12', '12'],
    ['14', '14'],
    ['16', '16'],
    ['18', '18'],
  ])('a title the source rated in Kijkwijzer: %s reads "%s"', (value, sign) => {
    expect(display(kijkwijzer(value), 'nl')).toMatchObject({
      system: 'kijkwijzer',
      systemName: 'Kijkwijzer',
      sign,
    })
  })

  test('Cinecheck is Kijkwijzer under another name', () => {
    const cinecheck = rated([{ system: 'Cinecheck', value: '9' }])
    expect(display(cinecheck, 'nl')).toMatchObject({ system: 'kijkwijzer', sign: '9' })
  })

  test('titles rated in other systems get GoedGezien, the Flemish television scale', () => {
    expect(display(csa('12'), 'nl')).toMatchObject({ system: 'goedgezien', sign: '12' })
    expect(display(rated([{ system: 'BBFC', value: '15' }]), 'nl').sign).toBe('16')
    expect(display(rated([{ system: 'FSK', value: '6' }]), 'nl').sign).toBe('6')
  })

  test("the source's first Flemish system wins when it gave both", () => {
    const both = rated([
      { system: 'CSA', value: '12' },
      { system: 'GoedGezien', value: '12' },
      { system: 'Kijkwijzer', value: '12' },
    ])
    expect(ratingSystemFor(both, 'nl')).toBe('goedgezien')
    expect(ratingSystemFor(both, 'nl-BE')).toBe('goedgezien')
  })
})

describe('ratingDisplay: German (Cinecheck)', () => {
  test.each([
    ['AL', 'AL'],
    ['9', '9'],
    ['14', '14'],
    ['18', '18'],
  ])('Kijkwijzer %s reads "Cinecheck %s"', (value, sign) => {
    expect(display(kijkwijzer(value), 'de')).toMatchObject({
      system: 'cinecheck',
      systemName: 'Cinecheck',
      sign,
    })
  })

  test('a CSA rating is shown on the Kijkwijzer scale', () => {
    expect(display(csa('10'), 'de').sign).toBe('12')
  })
})

describe('ratingDisplay: not rated', () => {
  test.each([
    ['fr', 'Non classé'],
    ['nl', 'Niet gekeurd'],
    ['de', 'Nicht eingestuft'],
    ['en', 'Not rated'],
  ] as const)('%s: "%s"', (language, sign) => {
    expect(display(NOT_RATED, language)).toMatchObject({ notRated: true, sign })
    expect(ratingLabel(NOT_RATED, tr(language), language)).toBe(sign)
  })
})

describe('ratingDisplay: rated in a way the app cannot read', () => {
  test.each([
    ['fr', 'Classification illisible'],
    ['nl', 'Classificatie onleesbaar'],
  ] as const)('%s: "%s", not "not rated"', (language, sign) => {
    const letterGrade = classify([{ system: 'XYZ', value: 'M' }])
    expect(display(letterGrade, language)).toMatchObject({ notRated: true, sign })
  })
})

describe('ratingDisplay: content descriptors', () => {
  const violent = rated([{ system: 'Kijkwijzer', value: '16' }], ['violence', 'substances', 'fear'])

  test('each becomes an icon id with a label, in the source order', () => {
    expect(display(violent, 'nl').descriptors).toEqual([
      { icon: 'violence', label: 'Geweld' },
      { icon: 'drugs', label: 'Drugs- en/of alcoholmisbruik' },
      { icon: 'fear', label: 'Angst' },
    ])
  })

  test("GoedGezien's own words for substances and negative portrayal", () => {
    const tv = rated([{ system: 'GoedGezien', value: '12' }], ['substances', 'discrimination'])
    expect(display(tv, 'nl').descriptors).toEqual([
      { icon: 'drugs', label: 'Verslavende middelen' },
      { icon: 'discrimination', label: 'Negatieve beeldvorming' },
    ])
    const film = rated([{ system: 'Kijkwijzer', value: '12' }], ['discrimination'])
    expect(display(film, 'nl').descriptors[0]!.label).toBe('Discriminatie')
  })

  test('every descriptor has a label in every language', () => {
    const all = rated(
      [{ system: 'CSA', value: '16' }],
      ['fear', 'sex', 'substances', 'language', 'violence', 'discrimination'],
    )
    for (const language of ['fr', 'nl', 'de', 'en'] as const) {
      for (const { label } of display(all, language).descriptors) {
        expect(label).not.toMatch(/^rating\./)
      }
    }
  })

  test('none when the data has none', () => {
    expect(display(csa('12'), 'fr').descriptors).toEqual([])
  })
})

describe('ratingLabel and ratingShort', () => {
  const film = rated(
    [
      { system: 'CSA', value: '12' },
      { system: 'Kijkwijzer', value: '12' },
    ],
    ['violence', 'language'],
  )

  test('the details label names the system and lists the descriptors in the UI language', () => {
    expect(ratingLabel(film, tr('fr'), 'fr')).toBe('CSA -12  ·  Violence, Langage grossier')
    expect(ratingLabel(film, tr('nl'), 'nl')).toBe('Kijkwijzer 12  ·  Geweld, Grof taalgebruik')
    expect(ratingLabel(film, tr('de'), 'de')).toBe('Cinecheck 12  ·  Gewalt, Vulgäre Sprache')
    expect(ratingLabel(csa('TP'), tr('fr'), 'fr')).toBe('CSA Tous publics')
  })

  test('the short form is the sign alone', () => {
    expect(ratingShort(film, tr('fr'), 'fr')).toBe('-12')
    expect(ratingShort(film, tr('nl'), 'nl')).toBe('12')
    expect(ratingShort(NOT_RATED, tr('en'), 'en')).toBe('Not rated')
  })
})
