import { buildHomeRails, type RailSpec } from '../../../src/catalogue/rails'
import type { Title } from '../../../src/catalogue/schema'
import { fixtureTitles, makeFilm, makeSeries } from './fixture'

const brand = (id: string, name: string) => ({ id, name, kind: 'broadcaster' })
const BELGIAN = { countries: ['BE'] }
const FRENCH = { countries: ['FR'] }

const ids = (rails: RailSpec[]) => rails.map((rail) => rail.id)
const items = (rails: RailSpec[], id: string) =>
  rails.find((rail) => rail.id === id)?.items.map((title) => title.id)

/** `n` films of one brand, Belgian unless said otherwise. */
const films = (prefix: string, n: number, fields: Record<string, unknown>): Title[] =>
  Array.from({ length: n }, (_, i) => makeFilm(`${prefix}-${i + 1}`, { ...BELGIAN, ...fields }))

describe('buildHomeRails', () => {
  test('the fixture gives Belgian rails first, then films, genres and foreign cinema', () => {
    const rails = buildHomeRails(fixtureTitles())
    expect(ids(rails)).toEqual([
      'made-in-belgium',
      'belgian-series',
      'films',
      'genre-comedy',
      'genre-thriller',
      'genre-drama',
      'foreign',
    ])
    expect(items(rails, 'made-in-belgium')).toEqual(['rosetta', 'la-treve', 'rundskop', 'dikkenek'])
    expect(items(rails, 'belgian-series')).toEqual(['la-treve'])
    expect(items(rails, 'foreign')).toEqual(['amelie'])
  })

  test('empty rails are left out', () => {
    const rails = buildHomeRails(fixtureTitles())
    expect(ids(rails)).not.toContain('genre-documentary')
    expect(ids(rails)).not.toContain('family')
    expect(rails.every((rail) => rail.items.length > 0)).toBe(true)
  })

  test('an empty catalogue has no rails', () => {
    expect(buildHomeRails([])).toEqual([])
  })

  test('a catalogue without Belgian titles has no Belgian rails', () => {
    const rails = buildHomeRails([makeFilm('amelie', FRENCH), makeSeries('lupin', FRENCH)])
    expect(ids(rails)).not.toContain('made-in-belgium')
    expect(ids(rails)).not.toContain('belgian-series')
    expect(items(rails, 'foreign')).toEqual(['amelie', 'lupin'])
    expect(items(rails, 'series')).toEqual(['lupin'])
  })

  test('series outside the Belgian series rail get a series rail, Belgian ones first', () => {
    const noGenre = { genres: [] }
    const rails = buildHomeRails([
      makeSeries('lupin', { ...FRENCH, ...noGenre }),
      makeSeries('la-treve', { ...BELGIAN, ...noGenre }),
      makeFilm('rosetta', { ...BELGIAN, ...noGenre }),
    ])
    expect(ids(rails)).toEqual(['made-in-belgium', 'belgian-series', 'films', 'series', 'foreign'])
    expect(items(rails, 'series')).toEqual(['la-treve', 'lupin'])
    // Only Belgian series: their own rail is enough.
    expect(ids(buildHomeRails([makeSeries('la-treve', BELGIAN)]))).not.toContain('series')
  })

  test('a feed that names no country: no world cinema rail repeating the catalogue', () => {
    const unknown = { countries: ['ZZ'], genres: [] }
    const rails = buildHomeRails([makeFilm('f', unknown), makeSeries('s', unknown)])
    expect(ids(rails)).toEqual(['films', 'series'])
  })

  test('a title is Belgian when Belgium is its main production country', () => {
    const rails = buildHomeRails([
      makeFilm('coprod-fr-be', { countries: ['FR', 'BE'] }),
      makeFilm('coprod-be-fr', { countries: ['BE', 'FR'] }),
    ])
    expect(items(rails, 'made-in-belgium')).toEqual(['coprod-be-fr'])
    expect(items(rails, 'foreign')).toEqual(['coprod-fr-be'])
  })

  test('inside mixed rails Belgian titles come first, otherwise in catalogue order', () => {
    const rails = buildHomeRails([
      makeFilm('fr-1', { ...FRENCH, genres: ['comedy'] }),
      makeFilm('be-1', { ...BELGIAN, genres: ['comedy'] }),
      makeFilm('fr-2', { ...FRENCH, genres: ['comedy'] }),
      makeFilm('be-2', { ...BELGIAN, genres: ['comedy'] }),
    ])
    expect(items(rails, 'genre-comedy')).toEqual(['be-1', 'be-2', 'fr-1', 'fr-2'])
    expect(items(rails, 'films')).toEqual(['be-1', 'be-2', 'fr-1', 'fr-2'])
  })

  test('the films rail holds films only', () => {
    const rails = buildHomeRails(fixtureTitles())
    expect(items(rails, 'films')).toEqual(['rosetta', 'rundskop', 'dikkenek', 'amelie'])
  })

  test('thriller, crime and mystery share one rail, each title once', () => {
    const rails = buildHomeRails([
      makeFilm('a', { genres: ['thriller', 'crime'] }),
      makeFilm('b', { genres: ['mystery'] }),
      makeFilm('c', { genres: ['drama'] }),
    ])
    const rail = rails.find((spec) => spec.id === 'genre-thriller')
    expect(rail?.items.map((title) => title.id)).toEqual(['a', 'b'])
    expect(rail?.titleKey).toBe('genre.crime')
  })

  test('family and animation titles make the family rail', () => {
    const rails = buildHomeRails([
      makeFilm('ernest', { genres: ['animation'] }),
      makeFilm('kid', { genres: ['family', 'comedy'] }),
      makeFilm('adult', { genres: ['drama'] }),
    ])
    expect(items(rails, 'family')).toEqual(['ernest', 'kid'])
  })

  describe('brand rails', () => {
    test('a brand with at least four titles gets a rail named after it', () => {
      const rails = buildHomeRails([
        ...films('vrt', 4, { brand: brand('vrt', 'VRT') }),
        ...films('rtbf', 3, { brand: brand('rtbf', 'RTBF') }),
      ])
      const brandRails = rails.filter((rail) => rail.id.startsWith('brand-'))
      expect(brandRails).toEqual([
        {
          id: 'brand-vrt',
          titleKey: 'rail.brand',
          titleValues: { brand: 'VRT' },
          items: expect.any(Array),
        },
      ])
      expect(brandRails[0]?.items).toHaveLength(4)
    })

    test('at most three brands, the biggest first, ties by name', () => {
      const rails = buildHomeRails([
        ...films('vtm', 4, { brand: brand('vtm', 'VTM') }),
        ...films('vrt', 6, { brand: brand('vrt', 'VRT') }),
        ...films('rtbf', 5, { brand: brand('rtbf', 'RTBF') }),
        ...films('betv', 4, { brand: brand('betv', 'Be tv') }),
      ])
      expect(ids(rails).filter((id) => id.startsWith('brand-'))).toEqual([
        'brand-vrt',
        'brand-rtbf',
        'brand-betv',
      ])
    })

    test('brand rails come after the films rail and before the genre rails', () => {
      const rails = buildHomeRails(
        films('vrt', 4, { brand: brand('vrt', 'VRT'), genres: ['drama'] }),
      )
      expect(ids(rails)).toEqual(['made-in-belgium', 'films', 'brand-vrt', 'genre-drama'])
    })

    test('a brand rail shows its Belgian titles first', () => {
      const vrt = brand('vrt', 'VRT')
      const rails = buildHomeRails([
        makeFilm('fr-1', { ...FRENCH, brand: vrt }),
        makeFilm('be-1', { ...BELGIAN, brand: vrt }),
        makeFilm('fr-2', { ...FRENCH, brand: vrt }),
        makeFilm('be-2', { ...BELGIAN, brand: vrt }),
      ])
      expect(items(rails, 'brand-vrt')).toEqual(['be-1', 'be-2', 'fr-1', 'fr-2'])
    })
  })

  test('rail ids are unique, so focus memory never mixes two rails', () => {
    const rails = buildHomeRails([
      ...fixtureTitles(),
      ...films('vrt', 5, {
        brand: brand('vrt', 'VRT'),
        genres: ['documentary', 'family'],
      }),
    ])
    expect(new Set(ids(rails)).size).toBe(rails.length)
  })
})
