import { parseCatalogueDocument } from '../../../src/catalogue/parse'
import type { Title } from '../../../src/catalogue/schema'
import { genreNamesFrom } from '../../../src/search/genreNames'
import { searchableBy } from '../../../src/search/offered'
import { SearchIndex, titleFields } from '../../../src/search/SearchIndex'
import embedded from '../../../static/catalogue/titles.json'
import translations from '../../../static/translations.json'

const parsed = parseCatalogueDocument(embedded, 'embedded', 'titles.json')
const catalogue = parsed.titles

function indexOf(titles: readonly Title[]): SearchIndex {
  const index = new SearchIndex(genreNamesFrom(translations), titleFields)
  index.add(titles)
  return index
}

const index = indexOf(catalogue)
const ids = (query: string, limit = 60) => index.search(query, { limit }).map((hit) => hit.item.id)
const kinds = (query: string) =>
  Object.fromEntries(index.search(query, { limit: 100 }).map((hit) => [hit.item.id, hit.kind]))

/** A made-up title, to rank cases the real catalogue does not have. */
function title(id: string, names: Partial<Record<'fr' | 'nl' | 'en' | 'de', string>>, extra = {}) {
  const base = catalogue[0]!
  return {
    ...base,
    id,
    title: names,
    originalTitle: Object.values(names)[0]!,
    cast: [],
    crew: [],
    genres: [],
    brand: { id: 'brand-x', name: 'Brand X', kind: 'producer' },
    ...extra,
  } as Title
}

describe('search index over the embedded catalogue', () => {
  it('finds accented titles typed without accents, in any case', () => {
    expect(ids('heros')[0]).toBe('toto-le-heros')
    expect(ids('GEANTS')[0]).toBe('les-geants')
    expect(ids('celestine')[0]).toBe('ernest-et-celestine')
    expect(ids('treve')[0]).toBe('la-treve')
    expect(ids('zaire')).toContain('mobutu-roi-du-zaire')
  })

  it('finds accented queries as well as plain ones', () => {
    expect(ids('héros')).toEqual(ids('heros'))
    expect(ids('TRÊVE')).toEqual(ids('treve'))
  })

  it('finds a German umlaut written out and a Dutch "ij" typed "y", names and people', () => {
    const own = indexOf([
      title('uber', { de: 'Über die Grenze' }),
      title('ijzer', { nl: 'De IJzer' }, { cast: [{ name: 'Jörg Müller', role: 'actor' }] }),
      title('blu', { fr: 'Blu' }),
    ])
    const found = (query: string) => own.search(query, { limit: 10 }).map((hit) => hit.item.id)
    expect(found('ueber')).toEqual(['uber'])
    expect(found('uber')).toEqual(['uber'])
    expect(found('yzer')).toEqual(['ijzer'])
    expect(found('ijzer')).toEqual(['ijzer'])
    expect(found('mueller')).toEqual(['ijzer'])
    expect(found('joerg')).toEqual(['ijzer'])
    // The query is not folded: "blue" is no spelling of "Blu".
    expect(found('blue')).toEqual([])
  })

  it('matches the title in every language it has', () => {
    expect(ids('the break')[0]).toBe('la-treve')
    expect(ids('achtste dag')[0]).toBe('le-huitieme-jour')
    expect(ids('toto der held')[0]).toBe('toto-le-heros')
  })

  it('puts a title that starts with the query before one that has it as a word', () => {
    const hits = index.search('le', { limit: 100 })
    const firstWordPrefix = hits.findIndex((hit) => hit.kind === 'word-prefix')
    const lastTitlePrefix = hits.map((hit) => hit.kind).lastIndexOf('title-prefix')
    expect(lastTitlePrefix).toBeLessThan(firstWordPrefix)
    expect(kinds('le')['le-huitieme-jour']).toBe('title-prefix')
  })

  it('finds people of the cast and crew', () => {
    const someone = catalogue.find((t) => t.crew.some((p) => p.role === 'director'))!
    const director = someone.crew.find((p) => p.role === 'director')!.name
    const surname = director.split(' ').at(-1)!
    expect(kinds(surname.toLowerCase())[someone.id]).toMatch(/person|word-prefix|title-prefix/)
    expect(ids(director)).toContain(someone.id)
  })

  it('finds brands', () => {
    const byBrand = catalogue.filter((t) => t.brand.name === 'RTBF').map((t) => t.id)
    expect(byBrand.length).toBeGreaterThan(0)
    expect(ids('rtbf')).toEqual(expect.arrayContaining(byBrand))
    expect(new Set(Object.values(kinds('rtbf')))).toEqual(new Set(['brand']))
  })

  it.each([
    ['fr', 'polars'],
    ['nl', 'misdaad'],
    ['de', 'krimi'],
    ['en', 'crime'],
  ])('finds genres by their %s name (%s)', (_language, name) => {
    const crime = catalogue.filter((t) => t.genres.includes('crime')).map((t) => t.id)
    expect(crime.length).toBeGreaterThan(0)
    expect(ids(name, 100)).toEqual(expect.arrayContaining(crime))
  })

  it('returns nothing for a query made of nothing', () => {
    expect(ids('')).toEqual([])
    expect(ids(' … ')).toEqual([])
    expect(ids('zzzzqx')).toEqual([])
  })

  it('keeps to the limit', () => {
    expect(ids('e', 5)).toHaveLength(5)
  })
})

describe('ranking', () => {
  const titles = [
    title('genre-only', { fr: 'Rien à voir' }, { genres: ['comedy'] }),
    title('substring', { fr: 'Arcomedia' }),
    title(
      'brand',
      { fr: 'Autre chose' },
      { brand: { id: 'comedy-central', name: 'Comedy Central', kind: 'broadcaster' } },
    ),
    title('person', { fr: 'Encore autre' }, { cast: [{ name: 'Jean Comediano', role: 'actor' }] }),
    title('word', { fr: 'La Comedie humaine' }),
    title('prefix', { fr: 'Comédie' }),
    title('prefix-longer', { fr: 'Comédies musicales' }),
  ]
  const ranked = indexOf(titles)
    .search('comed', { limit: 10 })
    .map((hit) => `${hit.item.id}:${hit.kind}`)

  it('orders title prefix > word prefix > people > brand > genre > substring', () => {
    expect(ranked).toEqual([
      'prefix:title-prefix',
      'prefix-longer:title-prefix',
      'word:word-prefix',
      'person:person',
      'brand:brand',
      'genre-only:genre',
      'substring:substring',
    ])
  })

  it('puts an exact title first among title prefixes', () => {
    const hits = indexOf([
      title('long', { fr: 'Rosetta et moi' }),
      title('exact', { fr: 'Rosetta' }),
    ])
      .search('rosetta', { limit: 10 })
      .map((hit) => hit.item.id)
    expect(hits).toEqual(['exact', 'long'])
  })

  it('needs every word of the query, each in any field', () => {
    const mixed = title(
      'mixed',
      { fr: 'Rosetta' },
      { cast: [{ name: 'Émilie Dequenne', role: 'actor' }] },
    )
    const found = indexOf([mixed, title('other', { fr: 'Rosetta bis' })])
    expect(found.search('rosetta dequenne', { limit: 10 }).map((h) => h.item.id)).toEqual(['mixed'])
    expect(found.search('rosetta emilie', { limit: 10 })[0]!.kind).toBe('person')
  })

  it('finds a title typed without its apostrophes or hyphens, or with a plain hyphen for a CMS one', () => {
    const found = indexOf([
      title('today', { fr: 'Aujourd’hui peut-être' }),
      title('jc', { fr: 'Jean\u2011Claude et moi' }),
    ])
    const ids = (query: string) => found.search(query, { limit: 10 }).map((h) => h.item.id)
    expect(ids('aujourdhui')).toEqual(['today'])
    expect(ids('peutetre')).toEqual(['today'])
    expect(ids('jean-claude')).toEqual(['jc'])
    expect(ids('jeanclaude')).toEqual(['jc'])
    expect(found.search('aujourdhui', { limit: 10 })[0]!.kind).toBe('title-prefix')
  })

  it('takes titles added later without rebuilding', () => {
    const grown = indexOf([title('a', { fr: 'Alpha' })])
    grown.add([title('b', { fr: 'Alphabet' }), title('a', { fr: 'Ignored duplicate' })])
    expect(grown.size).toBe(2)
    expect(grown.search('alpha', { limit: 10 }).map((h) => h.item.id)).toEqual(['a', 'b'])
  })
})

describe('what a viewer may find', () => {
  const now = Date.UTC(2026, 0, 15)
  const kids = { kids: true, maxAge: 10 }
  const adult = { kids: false, maxAge: null }

  it('leaves out titles above a kids profile age, and not rated ones', () => {
    const accept = searchableBy(kids, now, 'hide')
    const found = index.search('e', { limit: 200, accept }).map((hit) => hit.item)
    expect(found.length).toBeGreaterThan(0)
    for (const t of found) expect(t.classification.minimumAge).not.toBeNull()
    for (const t of found) expect(t.classification.minimumAge!).toBeLessThanOrEqual(10)
    expect(index.search('toto', { limit: 10, accept })).toEqual([])
    expect(
      index.search('toto', { limit: 10, accept: searchableBy(adult, now, 'hide') }),
    ).toHaveLength(1)
  })

  it('leaves out titles outside their availability window', () => {
    const expired = title(
      'expired',
      { fr: 'Fini' },
      { availableUntil: '2025-01-01T00:00:00+01:00' },
    )
    const later = title('later', { fr: 'Finira' }, { availableFrom: '2027-01-01T00:00:00+01:00' })
    const open = title('open', { fr: 'Finesse' })
    const small = indexOf([expired, later, open])
    const found = (upcoming: 'hide' | 'show') =>
      small
        .search('fin', { limit: 10, accept: searchableBy(adult, now, upcoming) })
        .map((h) => h.item.id)
    expect(found('hide')).toEqual(['open'])
    expect(found('show')).toEqual(['later', 'open'])
  })

  it('applies the limit to what the viewer may see', () => {
    const accept = searchableBy(kids, now, 'hide')
    expect(index.search('e', { limit: 3, accept })).toHaveLength(3)
  })
})
