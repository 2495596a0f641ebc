import type { Translate } from '../../../../src/catalogue/offers'
import { heroModel, metaLine } from '../../../../src/components/Hero/heroModel'
import { fallbackOrder } from '../../../../src/i18n/localize'
import { laTreve, makeFilm, makeSeries, rawTitle, rosetta } from '../../catalogue/fixture'
import { wallZone } from '../../../../src/i18n/wallZone'

const BOX = wallZone('box')

const t: Translate = (key, values) => key + JSON.stringify(values ?? {})
const FREE = { kind: 'free' as const }
const order = (language: string) => fallbackOrder(language, ['en', 'fr', 'nl', 'de'])

describe('metaLine', () => {
  test('a film: year, duration, genres and both ratings', () => {
    const film = makeFilm('x', { year: 2012, durationMinutes: 128, genres: ['crime', 'drama'] })
    expect(metaLine(film, t, 'fr').split('  ·  ')).toEqual([
      '2012',
      '2 h 08',
      'genre.crime{}',
      'genre.drama{}',
      '-12',
    ])
  })

  test("a source's own genre label follows the app's genres, not dropped beside them", () => {
    const film = makeFilm('x', { genres: ['drama'], genreLabels: ['Adventure'] })
    const meta = metaLine(film, t, 'fr').split('  ·  ')
    expect(meta).toContain('genre.drama{}')
    expect(meta).toContain('Adventure')
  })

  test('at most two genres', () => {
    const film = makeFilm('x', { genres: ['drama', 'history', 'war'] })
    expect(metaLine(film, t, 'fr')).not.toContain('genre.war')
  })

  test('a series counts its seasons instead of a duration', () => {
    expect(metaLine(laTreve(), t, 'fr')).toContain('details.seasons{"n":2}')
    const seasons = rawTitle('la-treve').seasons as unknown[]
    const oneSeason = makeSeries('one', { seasons: seasons.slice(0, 1) })
    expect(metaLine(oneSeason, t, 'fr')).toContain('details.season{"n":1}')
    // A series whose only season offered is its third says so.
    const third = { ...(seasons[1] as Record<string, unknown>), number: 3 }
    const onlyThird = makeSeries('third', { seasons: [third] })
    expect(metaLine(onlyThird, t, 'fr')).toContain('details.season{"n":3}')
  })

  test("shows the rating in the system of the UI language's community", () => {
    const film = makeFilm('x', { rating: { csa: '16', kijkwijzer: '14' } })
    expect(metaLine(film, t, 'fr').endsWith('  ·  -16')).toBe(true)
    expect(metaLine(film, t, 'nl').endsWith('  ·  14')).toBe(true)
  })
})

describe('heroModel', () => {
  test('what the billboard shows, in the UI language', () => {
    expect(heroModel(rosetta(), order('nl'), t, FREE, BOX)).toEqual({
      id: 'rosetta',
      artwork: { src: 'static/artwork/backdrops/rosetta.jpg', shape: 'landscape' },
      brand: 'RTBF',
      title: 'Rosetta',
      meta: metaLine(rosetta(), t, 'nl'),
      synopsis: 'Synopsis van Rosetta.',
      offer: 'access.free{}',
    })
  })

  test('a poster alone is asked for as key art; no artwork asks for nothing', () => {
    const posterOnly = makeFilm('p', { artwork: { poster: 'https://cdn.example/p.jpg' } })
    expect(heroModel(posterOnly, order('fr'), t, FREE, BOX).artwork).toEqual({
      src: 'https://cdn.example/p.jpg',
      shape: 'portrait',
    })
    expect(
      heroModel(makeFilm('n', { artwork: {} }), order('fr'), t, FREE, BOX).artwork,
    ).toBeUndefined()
  })

  test('the brand is shown in capitals', () => {
    const film = makeFilm('x', { brand: { id: 'een', name: 'Eén', kind: 'broadcaster' } })
    expect(heroModel(film, order('fr'), t, FREE, BOX).brand).toBe('EÉN')
  })

  test('a missing German synopsis falls back to English', () => {
    expect(heroModel(rosetta(), order('de'), t, FREE, BOX).synopsis).toBe('Synopsis of Rosetta.')
  })
})
