import { Catalogue } from '../../../src/catalogue/Catalogue'
import { buildHomeRails } from '../../../src/catalogue/rails'
import { fixtureTitles, makeFilm, makeSeries, rawTitle } from './fixture'

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
    expect(catalogue.rails.map(({ source: _all, ...rail }) => rail)).toEqual(buildHomeRails(titles))
  })

  test('an empty catalogue finds nothing and has no rails', () => {
    const catalogue = new Catalogue([], [])
    expect(catalogue.title('rosetta')).toBeUndefined()
    expect(catalogue.rails).toEqual([])
  })
})

describe('Catalogue availability windows', () => {
  const DAY = 86_400_000
  const start = Date.parse('2026-12-02T12:00:00Z')
  const iso = (ms: number) => new Date(ms).toISOString()
  const titles = () => [
    makeFilm('always'),
    makeFilm('ends-tonight', { availableUntil: iso(start + DAY / 2) }),
    makeFilm('gone', { availableUntil: iso(start - DAY) }),
    makeFilm('next-week', { availableFrom: iso(start + 7 * DAY) }),
  ]
  const railIds = (catalogue: Catalogue) =>
    catalogue.rail('films')?.items.map((title) => title.id) ?? []

  test('an expired title is not offered; an upcoming one is hidden by default', () => {
    const catalogue = new Catalogue(titles(), [], { now: () => start })
    expect(railIds(catalogue)).toEqual(['always', 'ends-tonight'])
    expect(catalogue.notOffered).toEqual({ expired: ['gone'], upcoming: ['next-week'] })
    expect(catalogue.availability('gone')).toBe('expired')
    expect(catalogue.availability('next-week')).toBe('upcoming')
    expect(catalogue.availability('always')).toBe('available')
  })

  test('the operator may show upcoming titles (with their date, no Play)', () => {
    const catalogue = new Catalogue(titles(), [], { now: () => start, upcoming: 'show' })
    expect(railIds(catalogue)).toEqual(['always', 'ends-tonight', 'next-week'])
  })

  test('a title disappears at the moment it expires, and the next change is known', () => {
    let now = start
    const catalogue = new Catalogue(titles(), [], { now: () => now })
    expect(catalogue.nextAvailabilityChange()).toBe(start + DAY / 2)
    const railBefore = catalogue.rail('films')
    now = start + DAY / 2
    expect(catalogue.refresh()).toBe(true)
    expect(railIds(catalogue)).toEqual(['always'])
    expect(catalogue.rail('films')).toBe(railBefore)
    expect(catalogue.refresh()).toBe(false)
    expect(catalogue.nextAvailabilityChange()).toBe(start + 7 * DAY)
    now = start + 7 * DAY
    expect(catalogue.refresh()).toBe(true)
    expect(railIds(catalogue)).toEqual(['always', 'next-week'])
  })

  test('a rail left with nothing on offer is hidden', () => {
    const catalogue = new Catalogue([makeFilm('gone', { availableUntil: iso(start - 1) })], [], {
      now: () => start,
    })
    expect(catalogue.rails).toEqual([])
    expect(catalogue.title('gone')?.id).toBe('gone')
  })

  test('a series is offered while one of its episodes is', () => {
    const series = makeSeries('expiring-series')
    if (series.kind !== 'series') throw new Error('fixture')
    const lastEpisodes = series.seasons.flatMap((s) => s.episodes)
    const raw = rawTitle('la-treve') as { seasons: { episodes: Record<string, unknown>[] }[] }
    raw.seasons.forEach((season) =>
      season.episodes.forEach((episode, i) => {
        episode.id = String(episode.id).replace('la-treve', 'win')
        if (i > 0) episode.availableUntil = iso(start - DAY)
      }),
    )
    const catalogue = new Catalogue([makeSeries('win', { seasons: raw.seasons })], [], {
      now: () => start,
    })
    expect(lastEpisodes.length).toBeGreaterThan(1)
    expect(catalogue.availability('win')).toBe('available')
    raw.seasons.forEach((season) =>
      season.episodes.forEach((episode) => (episode.availableUntil = iso(start - DAY))),
    )
    const allGone = new Catalogue([makeSeries('win', { seasons: raw.seasons })], [], {
      now: () => start,
    })
    expect(allGone.availability('win')).toBe('expired')
  })
})
