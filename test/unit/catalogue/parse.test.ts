import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import { parseCatalogueDocument, parseTitles } from '../../../src/catalogue/parse'
import type { Film } from '../../../src/catalogue/schema'
import { fixtureDocument, rawTitle } from './fixture'

/** The fixture's five valid items with one item replaced or added. */
function withItem(position: number, item: unknown): unknown[] {
  const items: unknown[] = fixtureDocument().titles
  items.splice(position, 0, item)
  return items
}

/** Parses the fixture plus one bad item at position 2 and returns the single problem. */
function problemFor(item: unknown) {
  const { titles, problems } = parseTitles(withItem(2, item), 'test')
  expect(titles.map((title) => title.id)).toEqual([
    'rosetta',
    'la-treve',
    'rundskop',
    'dikkenek',
    'amelie',
  ])
  expect(problems).toHaveLength(1)
  return problems[0]!
}

const brokenRosetta = (id: string, change: (item: Record<string, unknown>) => void) => {
  const item = { ...rawTitle('rosetta'), id }
  change(item)
  return item
}

describe('parseTitles', () => {
  test('the fixture parses whole, in order, with no problems', () => {
    const { titles, problems } = parseTitles(fixtureDocument().titles, 'test')
    expect(problems).toEqual([])
    expect(titles.map((title) => [title.id, title.kind])).toEqual([
      ['rosetta', 'film'],
      ['la-treve', 'series'],
      ['rundskop', 'film'],
      ['dikkenek', 'film'],
      ['amelie', 'film'],
    ])
  })

  test('a skipped item is reported as recoverable ITEM_INVALID data for its backend', () => {
    const problem = problemFor(brokenRosetta('bad-year', (item) => (item.year = 'MCMXCIX')))
    expect(problem).toEqual({
      severity: 'recoverable',
      category: 'item',
      code: CatalogueErrorCode.ITEM_INVALID,
      backend: 'test',
      itemId: 'bad-year',
      reason: 'invalid-field',
      message: expect.stringMatching(/^year: /),
    })
  })

  test('an item without an id is reported by its position', () => {
    const problem = problemFor(brokenRosetta('x', (item) => delete item.id))
    expect(problem.itemId).toBe('#2')
    expect(problem.message).toMatch(/^id: /)
  })

  test('an id with a space, or a dot first, is rejected', () => {
    for (const id of ['Rosetta 2', '..', '.rosetta']) {
      expect(problemFor(brokenRosetta(id, () => {})).message).toBe(
        'id: ids are letters, digits, "-", "_" and "."',
      )
    }
  })

  test("an id is kept as the CMS keys it, capitals, '_' and '.' included", () => {
    for (const id of ['MOV_0042', 'Rosetta-1999', 'tt.0123']) {
      const parsed = parseTitles([{ ...rawTitle('rosetta'), id }], 'test')
      expect(parsed.problems).toEqual([])
      expect(parsed.titles.map((title) => title.id)).toEqual([id])
      expect(parsed.repairs).toEqual([])
    }
  })

  test.each<[string, (item: Record<string, unknown>) => void, RegExp]>([
    ['year as text', (item) => (item.year = 'nineteen'), /^year: /],
    ['duration negative', (item) => (item.durationMinutes = -5), /^durationMinutes: /],
    ['title as a number', (item) => (item.title = 1999), /^title: /],
    ['unknown kind', (item) => (item.kind = 'short'), /^kind: /],
    ['null for a required field', (item) => (item.title = null), /^title: /],
  ])('wrong types: %s', (_, change, message) => {
    expect(problemFor(brokenRosetta('broken', change)).message).toMatch(message)
  })

  test.each([
    ['an unknown CSA rating', { csa: 'PG-13', kijkwijzer: '12' }, /^rating\.csa: /],
    ['an unknown Kijkwijzer age', { csa: '12', kijkwijzer: '13' }, /^rating\.kijkwijzer: /],
  ])('%s is rejected', (_, rating, message) => {
    const problem = problemFor(brokenRosetta('rated', (item) => (item.rating = rating)))
    expect(problem.itemId).toBe('rated')
    expect(problem.message).toMatch(message)
  })

  test('a list entry that breaks the contract is left out and named, not the title', () => {
    const item = brokenRosetta('western', (raw) => {
      raw.genres = ['drama', 'western', 42]
      raw.cast = [{ role: 'actor' }, ...(raw.cast as unknown[])]
      raw.offers = [{ type: 'lottery' }, { type: 'free' }]
    })
    const { titles, problems, repairs } = parseTitles([item], 'test')
    expect(problems).toEqual([])
    expect(titles[0]!.genres).toEqual(['drama'])
    expect(titles[0]!.cast).toEqual(rawTitle('rosetta').cast)
    expect(titles[0]!.offers).toEqual([{ type: 'free' }])
    expect(repairs[0]).toMatch(/genres\.1: left out \(genres\.1: /)
    expect(repairs[0]).toMatch(/cast\.0: left out \(cast\.0\.name: /)
    expect(repairs[0]).toMatch(/offers\.0: left out/)
  })

  test('an episode without a playable video is left out of its series, not the series', () => {
    const series = { ...rawTitle('la-treve'), id: 'one-bad-episode' } as Record<string, unknown>
    const seasons = JSON.parse(JSON.stringify(series.seasons)) as {
      episodes: Record<string, unknown>[]
    }[]
    seasons[0]!.episodes[0]!.stream = { dash: 'javascript:x' }
    series.seasons = seasons
    const { titles, problems, repairs } = parseTitles([series], 'test')
    expect(problems).toEqual([])
    expect(repairs[0]).toMatch(
      /seasons\.0\.episodes\.0: left out \(seasons\.0\.episodes\.0\.stream\.dash: not a usable URL\)/,
    )
    const kept = titles[0]!
    expect(kept.kind === 'series' && kept.seasons[0]!.episodes.length).toBe(
      seasons[0]!.episodes.length - 1,
    )
    // With none left, the series goes, named by the URL that cost it its episode.
    const bare = { ...rawTitle('la-treve'), id: 'no-good-episode' } as Record<string, unknown>
    const onlyBad = [{ number: 1, episodes: [{ ...seasons[0]!.episodes[0]! }] }]
    bare.seasons = onlyBad
    expect(parseTitles([bare], 'test').problems[0]?.message).toBe(
      'seasons.0.episodes.0.stream.dash: not a usable URL',
    )
  })

  test('a code in the other case is read: a language in capitals, a country in lower case', () => {
    const item = brokenRosetta('caps', (raw) => {
      raw.originalLanguage = 'FR'
      raw.countries = ['be', ' FR ']
    })
    const { titles, repairs } = parseTitles([item], 'test')
    expect(titles[0]?.originalLanguage).toBe('fr')
    expect(titles[0]?.countries).toEqual(['BE', 'FR'])
    expect(repairs[0]).toMatch(/originalLanguage: read as "fr"/)
    expect(repairs[0]).toMatch(/countries.0: read as "BE"/)
  })

  test.each<[string, unknown, RegExp]>([
    ['no offers', [], /^offers: /],
    ['an unknown offer type', [{ type: 'lottery' }], /^offers\.0/],
    [
      'a rental without a window',
      [{ type: 'rental', price: { amount: 3, currency: 'EUR' } }],
      /^offers\.0\.windowHours: /,
    ],
    [
      'a rental in dollars',
      [
        {
          type: 'rental',
          price: { amount: 3, currency: 'USD' },
          windowHours: 48,
        },
      ],
      /^offers\.0\.price\.currency: /,
    ],
    [
      'a free rental',
      [
        {
          type: 'rental',
          price: { amount: 0, currency: 'EUR' },
          windowHours: 48,
        },
      ],
      /^offers\.0\.price\.amount: /,
    ],
    ['a subscription without a pass', [{ type: 'subscription' }], /^offers\.0\.pass: /],
  ])('a bad offer is rejected: %s', (_, offers, message) => {
    expect(problemFor(brokenRosetta('offered', (item) => (item.offers = offers))).message).toMatch(
      message,
    )
  })

  test('a 100 kB title is rejected without losing the other items', () => {
    const huge = 'x'.repeat(100_000)
    const problem = problemFor(
      brokenRosetta('huge', (item) => (item.title = { fr: huge, nl: 'Groot', en: 'Big' })),
    )
    expect(problem.itemId).toBe('huge')
    expect(problem.message).toMatch(/^title\.fr: /)
    expect(problem.message.length).toBeLessThan(300)
  })

  test('a 100 kB synopsis is rejected', () => {
    const problem = problemFor(
      brokenRosetta('long', (item) => (item.synopsis = { fr: 'y'.repeat(100_000) })),
    )
    expect(problem.message).toMatch(/^synopsis\.fr: /)
  })

  test('a huge id of a broken item is not echoed back in the report', () => {
    const problem = problemFor(brokenRosetta('a'.repeat(100_000), (item) => (item.year = 'x')))
    expect(problem.itemId).toBe('#2')
  })

  test.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a javascript: URL without brackets', 'javascript:alert'],
    ['a file: URL', 'file:///etc/passwd'],
    ['a data: URL', 'data:image/png;base64,iVBORw0KGgo='],
    ['spaces', 'static/artwork/posters/my poster.jpg'],
    ['an empty string', ''],
    ['quotes', 'static/a".jpg'],
  ])('a broken image URL is left out, the title kept and the repair named: %s', (_, poster) => {
    const item = brokenRosetta('pictured', (raw) => {
      raw.artwork = { poster, backdrop: 'static/artwork/backdrops/rosetta.jpg' }
    })
    const { titles, problems, repairs } = parseTitles([item], 'test')
    expect(problems).toEqual([])
    expect(titles[0]!.artwork).toEqual({ backdrop: 'static/artwork/backdrops/rosetta.jpg' })
    expect(repairs).toEqual(['pictured: artwork.poster: not a usable URL, left out'])
  })

  test('a broken manifest beside a good one is left out; the title plays the other', () => {
    const item = brokenRosetta('two-manifests', (raw) => {
      raw.stream = { dash: 'javascript:alert(1)', hls: 'https://cdn.example.be/r/master.m3u8' }
    })
    const { titles, repairs } = parseTitles([item], 'test')
    expect((titles[0] as Film).stream).toEqual({ hls: 'https://cdn.example.be/r/master.m3u8' })
    expect(repairs[0]).toMatch(/stream\.dash: not a usable URL, left out/)
  })

  test('the only video URL broken skips the title, and the report names that URL', () => {
    const problem = problemFor(
      brokenRosetta('no-video', (item) => (item.stream = { hls: 'file:///video.m3u8' })),
    )
    expect(problem.message).toBe('stream.hls: not a usable URL')
  })

  test('a subtitle file with a broken URL is left out; the other subtitles stay', () => {
    const good = { url: 'static/subs/rosetta.nl.vtt', language: 'nl', format: 'vtt' }
    const item = brokenRosetta('subtitled', (raw) => {
      raw.stream = {
        ...(raw.stream as object),
        subtitles: [
          { url: 'javascript:alert(1)', language: 'fr', format: 'vtt' },
          good,
          { url: 'static/subs/a b.vtt', language: 'de', format: 'vtt' },
        ],
      }
    })
    const { titles, problems, repairs } = parseTitles([item], 'test')
    expect(problems).toEqual([])
    expect((titles[0] as Film).stream.subtitles).toEqual([good])
    expect(repairs[0]).toMatch(
      /stream\.subtitles\.0: left out \(stream\.subtitles\.0\.url: not a usable URL\)/,
    )
  })

  test.each([
    'static/artwork/posters/rosetta.jpg',
    '/static/artwork/posters/rosetta.jpg',
    'https://cdn.example.be/posters/rosetta.jpg?w=400&h=600',
    'http://cdn.example.be:8080/p/rosetta%20v2.jpg',
  ])('a usable image URL is accepted: %s', (poster) => {
    const item = brokenRosetta('pictured', (raw) => {
      raw.artwork = { poster, backdrop: poster }
    })
    expect(parseTitles([item], 'test').problems).toEqual([])
  })

  test('a stream needs a DASH or an HLS URL', () => {
    const problem = problemFor(brokenRosetta('silent', (item) => (item.stream = {})))
    expect(problem.message).toMatch(/^stream: /)
  })

  test('a series without seasons is rejected', () => {
    const noSeasons = {
      ...rawTitle('la-treve'),
      id: 'empty-series',
      seasons: [],
    }
    expect(problemFor(noSeasons)).toMatchObject({
      itemId: 'empty-series',
      message: expect.stringMatching(/^seasons: /),
    })
    const missing: Record<string, unknown> = { ...rawTitle('la-treve'), id: 'missing-seasons' }
    delete missing.seasons
    expect(problemFor(missing).message).toMatch(/^seasons: /)
  })

  test('a season without episodes is rejected', () => {
    const series = {
      ...rawTitle('la-treve'),
      id: 'hollow',
      seasons: [{ number: 1, episodes: [] }],
    }
    expect(problemFor(series).message).toMatch(/^seasons\.0\.episodes: /)
  })

  test('a film with seasons and no stream is rejected', () => {
    const { stream: _stream, ...rosetta } = rawTitle('rosetta') as Record<string, unknown>
    const film = { ...rosetta, id: 'confused', seasons: rawTitle('la-treve').seasons }
    expect(problemFor(film).itemId).toBe('confused')
  })

  test('duplicate ids keep the first occurrence and report the others', () => {
    const copy = { ...rawTitle('amelie'), title: { fr: 'Autre Amélie' } }
    const { titles, problems } = parseTitles([...fixtureDocument().titles, copy, copy], 'test')
    expect(titles).toHaveLength(5)
    expect(titles.find((title) => title.id === 'amelie')?.title.fr).toBe(
      "Le Fabuleux Destin d'Amélie Poulain",
    )
    expect(problems.map((problem) => [problem.itemId, problem.message])).toEqual([
      ['amelie', 'duplicate id, first occurrence kept'],
      ['amelie', 'duplicate id, first occurrence kept'],
    ])
  })

  test('an invalid item does not reserve its id: a valid one with the same id is kept', () => {
    const broken = { ...rawTitle('rosetta'), year: 'x' }
    const { titles, problems } = parseTitles([broken, rawTitle('rosetta')], 'test')
    expect(titles.map((title) => title.id)).toEqual(['rosetta'])
    expect(problems).toHaveLength(1)
  })

  test.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'rosetta'],
    ['a list', [rawTitle('rosetta')]],
  ])('a non-object item (%s) is reported by position', (_, item) => {
    const problem = problemFor(item)
    expect(problem.itemId).toBe('#2')
    expect(problem.message).toMatch(/^item: /)
  })

  test('several bad items are each reported, the good ones all kept', () => {
    const { titles, problems } = parseTitles(
      [null, rawTitle('rosetta'), { id: 'nearly' }, rawTitle('amelie'), rawTitle('rosetta')],
      'test',
    )
    expect(titles.map((title) => title.id)).toEqual(['rosetta', 'amelie'])
    expect(problems.map((problem) => problem.itemId)).toEqual(['#0', 'nearly', 'rosetta'])
  })

  test('an empty list gives no titles and no problems', () => {
    expect(parseTitles([], 'test')).toEqual({ titles: [], problems: [], repairs: [] })
  })
})

describe('parseCatalogueDocument', () => {
  test('a contract document gives its titles', () => {
    const { titles, problems } = parseCatalogueDocument(fixtureDocument(), 'embedded', 'a.json')
    expect(titles).toHaveLength(5)
    expect(problems).toEqual([])
  })

  test('bad items inside a contract document are problems, not an error', () => {
    const document = fixtureDocument()
    document.titles.push({ id: 'nearly' })
    const { titles, problems } = parseCatalogueDocument(document, 'embedded', 'a.json')
    expect(titles).toHaveLength(5)
    expect(problems.map((problem) => problem.itemId)).toEqual(['nearly'])
  })

  test.each<[string, unknown]>([
    ['null', null],
    ['a list of titles', fixtureDocument().titles],
    ['no titles', { version: 1 }],
    ['titles not a list', { version: 1, titles: {} }],
    ['another version', { version: 2, titles: [] }],
    ['an extra field', { version: 1, titles: [], next: 'page2.json' }],
    ['an HTML error page read as text', '<html>502</html>'],
  ])('a document that is not the contract (%s) throws NOT_CONTRACT', (_, document) => {
    let thrown: unknown
    try {
      parseCatalogueDocument(document, 'embedded', 'catalogue/titles.json')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(CatalogueError)
    const { problem } = thrown as CatalogueError
    expect(problem).toMatchObject({
      severity: 'critical',
      category: 'format',
      code: CatalogueErrorCode.NOT_CONTRACT,
      backend: 'embedded',
    })
    expect(problem.message).toContain('catalogue/titles.json is not a catalogue document')
  })
})

describe('parseTitles: what real backends send beside the contract is read, and named', () => {
  const read = (change: (item: Record<string, unknown>) => void) => {
    const { titles, problems, repairs } = parseTitles(
      withItem(2, brokenRosetta('lenient', change)),
      'test',
    )
    expect(problems).toEqual([])
    expect(titles).toHaveLength(6)
    return { title: titles[2]!, repairs }
  }

  test("fields of the CMS's own, at any depth, are ignored", () => {
    const { title, repairs } = read((item) => {
      item.externalId = 'cms-123'
      item.artwork = { ...(item.artwork as object), focalPoint: 'center' }
    })
    expect(title).not.toHaveProperty('externalId')
    expect(repairs).toEqual(['lenient: artwork: ignored focalPoint; item: ignored externalId'])
  })

  test('null stands for "none"; numbers and booleans written as text are read', () => {
    const { title, repairs } = read((item) => {
      item.year = '2019'
      item.durationMinutes = ' 95 '
      item.genreLabels = null
    })
    expect(title.year).toBe(2019)
    expect(title).toMatchObject({ durationMinutes: 95 })
    expect(title.genreLabels).toBeUndefined()
    expect(repairs[0]).toMatch(/year: number read from text/)
    expect(repairs[0]).toMatch(/genreLabels: null read as absent/)
  })

  test("a brand of a kind the contract does not name, or with an id in the CMS's own characters, keeps its title", () => {
    const { title, repairs } = read((item) => {
      item.brand = { id: 'Télé_Bruxelles.be', name: 'BX1', kind: 'channel' }
    })
    expect(title.brand).toEqual({ id: 'tele-bruxelles-be', name: 'BX1', kind: 'distributor' })
    expect(repairs[0]).toMatch(/brand\.kind: "channel" read as "distributor"/)
    expect(repairs[0]).toMatch(/brand\.id: read as "tele-bruxelles-be"/)
  })

  test('a brand without a name is still refused: the title has nothing to show for it', () => {
    const problem = problemFor(
      brokenRosetta('nameless-brand', (item) => {
        item.brand = { id: 'bx1', name: '', kind: 'channel' }
      }),
    )
    expect(problem.message).toMatch(/^brand\.name: /)
  })

  test('texts keyed by regional tags, or sent as one plain string, are read as languages', () => {
    const { title, repairs } = read((item) => {
      item.title = { 'fr-BE': 'Rosetta (BE)', nl_BE: 'Rosetta NL', fr: 'Rosetta' }
      item.synopsis = 'Une jeune femme se bat pour un travail.'
    })
    // The text's own code wins over a regional tag of the same language.
    expect(title.title).toEqual({ fr: 'Rosetta', nl: 'Rosetta NL' })
    expect(title.synopsis).toEqual({ fr: 'Une jeune femme se bat pour un travail.' })
    expect(repairs[0]).toMatch(/title: nl_BE read as nl, ignored fr-BE/)
    expect(repairs[0]).toMatch(/synopsis: plain text read as fr/)
  })

  test('a text keyed by regional tags only, as a Belgian CMS writes every text, is read too', () => {
    const { title, repairs } = read((item) => {
      item.title = { 'fr-BE': 'Rosetta', 'nl-BE': 'Rosetta NL' }
      item.synopsis = { nl_BE: 'Een jonge vrouw vecht voor werk.' }
    })
    expect(title.title).toEqual({ fr: 'Rosetta', nl: 'Rosetta NL' })
    expect(title.synopsis).toEqual({ nl: 'Een jonge vrouw vecht voor werk.' })
    expect(repairs[0]).toMatch(/title: fr-BE read as fr, nl-BE read as nl/)
  })

  test('a text keyed only in a language the app does not show still needs one it does', () => {
    const result = parseTitles(
      [{ ...fixtureDocument().titles[0], title: { 'es-ES': 'Rosetta' } }],
      'http',
    )
    expect(result.titles).toEqual([])
    expect(result.problems[0]?.message).toMatch(/title: needs at least one language/)
    // Named by its id, written as a number as databases export it, not by its place.
    const numbered = parseTitles([{ ...fixtureDocument().titles[0], id: 4000, title: {} }], 'http')
    expect(numbered.problems[0]?.itemId).toBe('4000')
  })

  test('a title without its kind is a film when it has a stream', () => {
    const { title, repairs } = read((item) => delete item.kind)
    expect(title.kind).toBe('film')
    expect(repairs[0]).toMatch(/kind: missing, read as "film" from its stream/)
  })

  test('ids written as numbers are read as text', () => {
    const { title, repairs } = read((item) => (item.id = 40))
    expect(title.id).toBe('40')
    expect(repairs[0]).toMatch(/^40: id: text read from a number/)
  })

  test('a press-kit synopsis or a title longer than the screen takes is cut at a word, not refused', () => {
    const long = 'Un film long. '.repeat(400)
    const { title, repairs } = read((item) => {
      item.synopsis = { fr: long }
      item.title = { fr: `Rosetta ${'et encore '.repeat(30)}` }
    })
    expect(title.synopsis.fr!.length).toBeLessThanOrEqual(4000)
    expect(title.synopsis.fr).toMatch(/film…$/)
    expect(title.title.fr!.length).toBeLessThanOrEqual(200)
    expect(title.title.fr).toMatch(/^Rosetta et encore .*encore…$/)
    expect(repairs[0]).toMatch(/synopsis\.fr: cut to \d+ characters/)
    expect(repairs[0]).toMatch(/title: cut to 200 characters/)
  })

  test('one value where a list is expected is a list of one', () => {
    const { title } = read((item) => (item.genres = 'drama'))
    expect(title.genres).toEqual(['drama'])
  })

  test('a repair never hides what is really wrong: the item is skipped for that', () => {
    const problem = problemFor(
      brokenRosetta('still-bad', (item) => {
        item.externalId = 'cms-1'
        item.year = 'MCMXCIX'
      }),
    )
    expect(problem.message).toMatch(/^year: /)
  })

  test('enums in another case, and a rating written as a number, are read as meant', () => {
    const { title, repairs } = read((item) => {
      item.kind = 'Film'
      item.genres = ['Drama', ' comedy ']
      item.rating = { csa: 12 }
    })
    expect(title.kind).toBe('film')
    expect(title.genres).toEqual(['drama', 'comedy'])
    expect(title.rating).toMatchObject({ csa: '12' })
    expect(repairs[0]).toMatch(/kind: read as "film"/)
    expect(repairs[0]).toMatch(/rating\.csa: text read from a number/)
  })

  test('ISO 8601 instants in shapes the strict form refuses are read; a zoneless one is not', () => {
    const { title } = read((item) => {
      item.availableFrom = '2020-01-01T00:00Z'
      item.availableUntil = '20991231T235959+0100'
    })
    expect(title.availableFrom).toBe('2020-01-01T00:00:00Z')
    expect(title.availableUntil).toBe('2099-12-31T23:59:59+01:00')
    const problem = problemFor(
      brokenRosetta('zoneless', (item) => (item.availableUntil = '2099-12-31T23:59')),
    )
    expect(problem.message).toMatch(/^availableUntil: /)
  })

  test('HTML entities in what a household reads become characters; ids and URLs stay', () => {
    const { title, repairs } = read((item) => {
      item.title = { fr: 'Tom &amp; Jerry &eacute;t&eacute; &#39;24' }
      item.originalTitle = 'Caf&eacute;'
    })
    expect(title.title.fr).toBe("Tom & Jerry été '24")
    expect(title.originalTitle).toBe('Café')
    expect(title.id).toBe('lenient')
    expect(repairs).toEqual(['lenient: HTML in texts read as plain text'])
  })

  test('HTML a CMS sent in a text, escaped or not, shows as its plain text; a lone "<" stays', () => {
    const { title } = read((item) => {
      item.title = {
        fr: 'Tom &amp; Jerry &lt;b&gt;x&lt;/b&gt;',
        nl: 'A < B',
        de: '<Sans titre>',
        en: '<i>Twice</i> &amp;lt;b&amp;gt;',
      }
      item.synopsis = { fr: '<p>Un pont.</p><p>Deux&nbsp;rives.</p>' }
    })
    expect(title.title.fr).toBe('Tom & Jerry x')
    expect(title.title.nl).toBe('A < B')
    expect(title.title.de).toBe('<Sans titre>')
    // Entities are read once: what was escaped twice shows as the escaped text it stood for.
    expect(title.title.en).toBe('Twice &lt;b&gt;')
    expect(title.synopsis?.fr).toBe('Un pont. Deux rives.')
  })

  test('the item as sent is left as it was', () => {
    const item: Record<string, unknown> = brokenRosetta('untouched', (raw) => (raw.year = '2019'))
    parseTitles([item], 'test')
    expect(item.year).toBe('2019')
  })
})
