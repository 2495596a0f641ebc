import type { Translate } from '../../../../src/catalogue/offers'
import { fallbackOrder } from '../../../../src/i18n/localize'
import { acquireButtons } from '../../../../src/entitlements/accessLabel'
import {
  episodeModels,
  infoLines,
  languageName,
} from '../../../../src/screens/Details/detailsModel'
import { laTreve, makeFilm, rosetta } from '../../catalogue/fixture'
import { wallZone } from '../../../../src/i18n/wallZone'

const BOX = wallZone('box')

/** A tiny French dictionary; unknown keys come back as themselves, like the app's translate. */
const FR: Record<string, string> = {
  'details.director': 'Réalisation',
  'details.creator': 'Création',
  'details.cast': 'Avec',
  'details.brand': 'Chaîne',
  'details.originalLanguage': 'Version originale',
  'details.audio': 'Audio',
  'details.subtitles': 'Sous-titres',
  'details.noSubtitles': 'Aucun',
  'details.rating': 'Âge',
  'details.howToWatch': 'Disponible',
  'details.season': 'Saison {n}',
  'access.free': 'Gratuit',
  'access.rent': 'Louer {price} · {hours} h',
  'details.rent': 'Louer {price} · {hours} h',
  'details.subscribe': 'Prendre le Pass',
  // The operator's price (appSettings.offers): only a pass with one is sold.
  'access.passPrice.movies-series': '9,99 € / mois',
  'lang.fr': 'français',
  'lang.nl': 'néerlandais',
}
const t: Translate = (key, values) =>
  (FR[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''))

const lines = (title: Parameters<typeof infoLines>[0]) =>
  Object.fromEntries(
    infoLines(title, { kind: 'free' }, t, 'fr', BOX).map((line) => [line.label, line.value]),
  )

describe('languageName', () => {
  test('a language the dictionary knows is named in the UI language', () => {
    expect(languageName('nl', t)).toBe('néerlandais')
  })

  test('a language the dictionary lacks is named by the engine in the UI language', () => {
    expect(languageName('es', t, 'fr')).toBe('espagnol')
    expect(languageName('el', t, 'nl')).toBe('Grieks')
  })

  test('a language nobody can name falls back to its code in capitals', () => {
    expect(languageName('wa', t)).toBe('WA')
    expect(languageName('qaa', t, 'fr')).toBe('QAA')
    expect(languageName('not a tag', t, 'fr')).toBe('NOT A TAG')
  })
})

describe('infoLines', () => {
  test('a film: director, cast, brand, languages, rating and how to watch, in that order', () => {
    expect(infoLines(rosetta(), { kind: 'free' }, t, 'fr', BOX)).toEqual([
      { label: 'Réalisation', value: 'Director One' },
      { label: 'Avec', value: 'Actor One' },
      { label: 'Chaîne', value: 'RTBF' },
      { label: 'Version originale', value: 'français' },
      { label: 'Audio', value: 'français' },
      { label: 'Sous-titres', value: 'français, néerlandais' },
      { label: 'Âge', value: 'CSA -12' },
      { label: 'Disponible', value: 'Gratuit' },
    ])
  })

  test('empty facts are left out: a series has a creator and no director', () => {
    const facts = lines(laTreve())
    expect(facts['Création']).toBe('Matthieu Donck')
    expect(facts).not.toHaveProperty('Réalisation')
  })

  test('only actors are listed as cast, several joined with commas', () => {
    const film = makeFilm('x', {
      cast: [
        { name: 'Matthias Schoenaerts', role: 'actor' },
        { name: 'Jeroen Perceval', role: 'actor' },
        { name: 'Someone', role: 'composer' },
      ],
    })
    expect(lines(film)['Avec']).toBe('Matthias Schoenaerts, Jeroen Perceval')
  })

  test('no subtitles says so instead of disappearing', () => {
    expect(lines(makeFilm('x', { subtitleLanguages: [] }))['Sous-titres']).toBe('Aucun')
  })

  test('how to watch says what applies to this household, a rental with its price and window', () => {
    const film = makeFilm('x', {
      offers: [{ type: 'rental', price: { amount: 4.99, currency: 'EUR' }, windowHours: 48 }],
    })
    const rent = { kind: 'rent' as const, offer: film.offers[0] as never }
    const facts = Object.fromEntries(
      infoLines(film, rent, t, 'fr', BOX).map((l) => [l.label, l.value]),
    )
    expect(facts['Disponible']).toBe('Louer 4,99 € · 48 h')
  })

  test("while the household's rights are unknown, how to watch says so, never a price", () => {
    const film = makeFilm('x', {
      offers: [{ type: 'rental', price: { amount: 4.99, currency: 'EUR' }, windowHours: 48 }],
    })
    const howToWatch = (access: Parameters<typeof infoLines>[1]) =>
      infoLines(film, access, t, 'fr', BOX).find((l) => l.label === 'Disponible')?.value
    expect(howToWatch({ kind: 'unknown', failed: false })).toBe('access.checking')
    expect(howToWatch({ kind: 'unknown', failed: true })).toBe('access.uncheckedLabel')
  })

  test('a title to get offers each way: rent and take the pass', () => {
    const film = makeFilm('x', {
      offers: [
        { type: 'subscription', pass: 'movies-series' },
        { type: 'rental', price: { amount: 4.99, currency: 'EUR' }, windowHours: 48 },
        { type: 'ads' },
      ],
    })
    expect(acquireButtons(film, t, 'fr')).toEqual([
      { id: 'subscribe', label: 'Prendre le Pass' },
      { id: 'rent', label: 'Louer 4,99 € · 48 h' },
    ])
  })
})

describe('episodeModels', () => {
  const order = fallbackOrder('fr', ['en', 'fr', 'nl', 'de'])

  test('the episodes of the chosen season, with heading, text and duration', () => {
    const episodes = episodeModels(laTreve(), 2, order, t)
    expect(episodes.map((episode) => episode.id)).toEqual([
      'la-treve-s2e1',
      'la-treve-s2e2',
      'la-treve-s2e3',
    ])
    expect(episodes[0]).toEqual({
      id: 'la-treve-s2e1',
      heading: 'Saison 2 · 1',
      title: expect.any(String),
      synopsis: expect.any(String),
      duration: expect.stringMatching(/min$/),
    })
  })

  test('episode text follows the language order', () => {
    const [first] = episodeModels(laTreve(), 1, fallbackOrder('nl', ['en']), t)
    expect(first?.title).toBe('Aflevering 1')
    expect(first?.synopsis).toBe('Het onderzoek gaat verder.')
    expect(first?.duration).toBe('52 min')
  })

  test('an unknown season number shows the first season', () => {
    const episodes = episodeModels(laTreve(), 9, order, t)
    expect(episodes[0]?.id).toBe('la-treve-s1e1')
    expect(episodes[0]?.heading).toBe('Saison 1 · 1')
  })

  test('a film has no episodes', () => {
    expect(episodeModels(rosetta(), 1, order, t)).toEqual([])
  })
})
