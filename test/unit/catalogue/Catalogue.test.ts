import { Catalogue } from '../../../src/catalogue/Catalogue'
import { buildHomeRails } from '../../../src/catalogue/rails'
import { fixtureTitles, makeSeries } from './fixture'

describe('Catalogue', () => {
  test('finds titles by id', () => {
    const catalogue = new Catalogue(fixtureTitles(), [])
    expect(catalogue.title('rundskop')?.originalTitle).toBe('Rundskop')
    expect(catalogue.title('la-treve')?.kind).toBe('series')
    expect(catalogue.title('nope')).toBeUndefined()
  })

  test('finds an episode by id, with its series and season number', () => {
    const catalogue = new Catalogue(fixtureTitles(), [])
    const found = catalogue.episode('la-treve-s2e3')
    expect(found?.series.id).toBe('la-treve')
    expect(found?.season).toBe(2)
    expect(found?.episode.number).toBe(3)
    expect(found?.episode.id).toBe('la-treve-s2e3')
  })

  test('title ids are not episode ids and the other way round', () => {
    const catalogue = new Catalogue(fixtureTitles(), [])
    expect(catalogue.episode('la-treve')).toBeUndefined()
    expect(catalogue.episode('rosetta')).toBeUndefined()
    expect(catalogue.title('la-treve-s1e1')).toBeUndefined()
  })

  test('episodes of several series are all indexed', () => {
    const catalogue = new Catalogue([...fixtureTitles(), makeSeries('ennemi-public')], [])
    expect(catalogue.episode('ennemi-public-s1e2')?.series.id).toBe('ennemi-public')
    expect(catalogue.episode('la-treve-s1e2')?.series.id).toBe('la-treve')
  })

  test('keeps the titles in order, the problems, and the home rails', () => {
    const titles = fixtureTitles()
    const problems = [
      {
        severity: 'recoverable',
        category: 'item',
        code: 1100,
        backend: 'test',
        itemId: 'x',
        message: 'year: expected number',
      } as const,
    ]
    const catalogue = new Catalogue(titles, problems)
    expect(catalogue.titles.map((title) => title.id)).toEqual(titles.map((title) => title.id))
    expect(catalogue.problems).toEqual(problems)
    expect(catalogue.rails).toEqual(buildHomeRails(titles))
  })

  test('an empty catalogue finds nothing and has no rails', () => {
    const catalogue = new Catalogue([], [])
    expect(catalogue.title('rosetta')).toBeUndefined()
    expect(catalogue.rails).toEqual([])
  })
})
