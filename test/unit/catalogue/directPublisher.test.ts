import type { BackendHost } from '../../../src/catalogue/backend'
import { isNotModified } from '../../../src/catalogue/backend'
import { Catalogue } from '../../../src/catalogue/Catalogue'
import { directPublisherBackend, mapFeed } from '../../../src/catalogue/directPublisher'
import { slug } from '../../../src/catalogue/tolerant'
import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import type { Film, Series } from '../../../src/catalogue/schema'
import { directPublisherFeed } from './feedFixture'
import { routeFetch } from './httpFakes'

const FEED_URL = 'https://cms.example.be/roku/feed.json'
const mapped = () => mapFeed(directPublisherFeed(), FEED_URL)
const byId = <T>(id: string) => mapped().titles.find((t) => t.id === id) as T

describe('Direct Publisher feed mapping', () => {
  test('movies, short-form videos, TV specials and series become titles; ids become slugs', () => {
    expect(mapped().titles.map((t) => [t.id, t.kind])).toEqual([
      ['mov-001', 'film'],
      ['mov-002', 'film'],
      ['mov-mp4', 'film'],
      ['mov-rated', 'film'],
      ['short-1', 'film'],
      ['special-1', 'film'],
      ['ser-1', 'series'],
      ['ser-2', 'series'],
    ])
    expect(slug('Été 2024 / Épisode #1')).toBe('ete-2024-episode-1')
  })

  test('a movie: text in the feed language, year, genres the app knows, credits, brand, rating, duration', () => {
    const film = byId<Film>('mov-001')
    expect(film).toMatchObject({
      title: { fr: 'Le Pont de Liège' },
      originalTitle: 'Le Pont de Liège',
      synopsis: { fr: 'Un pont, deux rives, et une ville qui se regarde.' },
      year: 2021,
      genres: ['drama', 'history'],
      crew: [{ name: 'Ann Director', role: 'director' }],
      cast: [{ name: 'Bo Actor', role: 'actor' }],
      brand: { id: 'studio-meuse', name: 'Studio Meuse', kind: 'distributor' },
      ratings: [{ system: 'MPAA', value: 'PG-13' }],
      classification: { minimumAge: 13, csa: '16', kijkwijzer: '14', goedgezien: '16' },
      durationMinutes: 91,
      originalLanguage: 'fr',
      audioLanguages: ['fr'],
      offers: [{ type: 'free' }],
    })
  })

  test('videos: HLS, DASH and MP4 kept; caption files become sidecar subtitles', () => {
    const film = byId<Film>('mov-001')
    expect(film.stream).toEqual({
      dash: 'https://cdn.example.be/mov-001/manifest.mpd',
      hls: 'https://cdn.example.be/mov-001/master.m3u8',
      mp4: 'https://cdn.example.be/mov-001/file.mp4',
      subtitles: [
        { url: 'https://cdn.example.be/mov-001/nl.vtt', language: 'nl', format: 'vtt' },
        {
          url: 'https://cdn.example.be/mov-001/fr.vtt',
          language: 'fr',
          format: 'vtt',
          captions: true,
        },
      ],
    })
    expect(film.subtitleLanguages).toEqual(['nl', 'fr'])
    expect(byId<Film>('mov-mp4').stream).toEqual({ mp4: 'https://cdn.example.be/x.mp4' })
  })

  test('relative thumbnails resolve against the feed URL', () => {
    // 16:9 thumbnails are backdrops; tiles frame them as posters.
    expect(byId<Film>('mov-001').artwork).toEqual({
      backdrop: 'https://cms.example.be/roku/art/mov-001.jpg',
    })
  })

  test('a series keeps its seasons, MP4 episodes included; bare episodes make season 1', () => {
    const ardennes = byId<Series>('ser-1')
    expect(
      ardennes.seasons.map((s) => [
        s.number,
        s.episodes.map((e) => [e.id, e.number, e.durationMinutes]),
      ]),
    ).toEqual([
      [
        1,
        [
          ['ser-1-e1', 1, 50],
          ['ser-1-e2', 2, 52],
        ],
      ],
      [2, [['ser-1-s2e1', 1, 48]]],
    ])
    expect(ardennes.seasons[0]?.episodes[0]).toMatchObject({
      title: { fr: 'La forêt' },
      synopsis: { fr: 'Tout commence.' },
      stream: { dash: 'https://cdn.example.be/s1e1.mpd' },
    })
    expect(byId<Series>('ser-2').seasons).toEqual([
      expect.objectContaining({
        number: 1,
        episodes: [expect.objectContaining({ id: 'ser-2-e1' })],
      }),
    ])
  })

  test('items that cannot be mapped are skipped and reported by their feed id with the reason', () => {
    expect(mapped().problems.map((p) => [p.itemId, p.code, p.reason, p.message])).toEqual([
      [
        'MOV-SMOOTH',
        CatalogueErrorCode.ITEM_INVALID,
        'no-playable-video',
        'content.videos: only Smooth Streaming, which the app does not play',
      ],
      // Not an item: a category that will show no rail, said for the operator.
      [
        'category Vide',
        CatalogueErrorCode.NOT_CONTRACT,
        undefined,
        'category "Vide" shows nothing: no title is tagged for its query "nothing-tagged-so"',
      ],
    ])
    // A rating of a system the app does not know is kept, and the title is not rated.
    expect(byId<Film>('mov-rated')).toMatchObject({
      ratings: [{ system: 'SG', value: 'M18' }],
      classification: { minimumAge: null, csa: 'NR', kijkwijzer: 'NR', goedgezien: 'NR' },
    })
  })

  test('categories become rails: playlists in their order, tag queries by date; empty rails hidden', () => {
    const { titles, problems, layout } = mapped()
    expect(layout?.map((r) => [r.id, r.name, r.itemIds])).toEqual([
      ['a-la-une', { fr: 'À la une' }, ['ser-1', 'mov-002', 'mov-mp4', 'mov-001']],
      ['belgique', { fr: 'Belgique' }, ['short-1', 'ser-1', 'mov-001']],
      ['vide', { fr: 'Vide' }, []],
    ])
    const catalogue = new Catalogue(titles, problems, { layout })
    expect(catalogue.rails.map((r) => [r.id, r.items.map((t) => t.id)])).toEqual([
      ['a-la-une', ['ser-1', 'mov-002', 'mov-mp4', 'mov-001']],
      ['belgique', ['short-1', 'ser-1', 'mov-001']],
    ])
  })

  test("a category names its playlist in any case; one that matches nothing is said, and a layout that places no title gives way to the app's rails", () => {
    const feed = directPublisherFeed() as Record<string, unknown>
    feed.categories = [
      { name: 'Sélection', playlistName: 'FEATURED' },
      { name: 'Nieuw', query: 'nieuw' },
      { name: 'Ailleurs', playlistName: 'elsewhere' },
    ]
    const { titles, problems, layout } = mapFeed(feed, FEED_URL)
    expect(layout?.[0]?.itemIds).toEqual(['ser-1', 'mov-002', 'mov-mp4', 'mov-001'])
    expect(problems.map((p) => p.message).filter((m) => m.startsWith('category'))).toEqual([
      'category "Nieuw" shows nothing: no title is tagged for its query "nieuw"',
      'category "Ailleurs" shows nothing: no playlist is named "elsewhere"',
    ])

    feed.categories = [{ name: 'Nieuw', query: 'nieuw' }]
    const unmatched = mapFeed(feed, FEED_URL)
    const catalogue = new Catalogue(unmatched.titles, unmatched.problems, {
      layout: unmatched.layout!,
    })
    expect(catalogue.rails.length).toBeGreaterThan(0)
    expect(new Set(catalogue.rails.flatMap((r) => r.items.map((t) => t.id)))).toEqual(
      new Set(titles.map((t) => t.id)),
    )
  })

  test('a feed without categories gives no layout: the app derives its rails', () => {
    const feed = directPublisherFeed() as Record<string, unknown>
    delete feed.categories
    expect(mapFeed(feed, FEED_URL).layout).toBeUndefined()
  })

  test.each<[string, unknown]>([
    ['not an object', 'feed'],
    ['a list', [{ providerName: 'X' }]],
    ['no content lists', { providerName: 'X', language: 'fr' }],
  ])('a document that is not a feed (%s) is a NOT_CONTRACT error', (_label, document) => {
    expect(() => mapFeed(document, FEED_URL)).toThrow(CatalogueError)
    try {
      mapFeed(document, FEED_URL)
    } catch (error) {
      expect((error as CatalogueError).problem.code).toBe(CatalogueErrorCode.NOT_CONTRACT)
    }
  })
})

describe('directPublisherBackend', () => {
  const host = (routes: Parameters<typeof routeFetch>[0]) => {
    const { fetchFn, calls } = routeFetch(routes)
    const logs: string[] = []
    const value: BackendHost = {
      settings: { backend: 'directpublisher', url: FEED_URL, retries: 0 },
      fetch: fetchFn,
      asset: (p) => p,
      baseUrl: 'http://box/',
      log: (m) => logs.push(m),
    }
    return { value, calls, logs }
  }

  test('fetches the feed URL, maps it, logs each skipped item and keeps the revision', async () => {
    const { value, calls, logs } = host({
      '/feed.json': { body: directPublisherFeed(), headers: { ETag: '"f1"' } },
    })
    const result = await directPublisherBackend(value).load({
      signal: new AbortController().signal,
    })
    if (isNotModified(result)) throw new Error('unexpected 304')
    expect(calls[0]?.url).toBe(FEED_URL)
    expect(result.titles).toHaveLength(8)
    expect(result.revision).toEqual({ etag: '"f1"' })
    expect(logs).toEqual([
      expect.stringMatching(/^catalogue\[directpublisher\]: skipped MOV-SMOOTH /),
      expect.stringMatching(/category "Vide" shows nothing/),
    ])
  })

  test('revalidates the feed: 304 is notModified', async () => {
    const { value, calls } = host({ '/feed.json': { status: 304 } })
    const result = await directPublisherBackend(value).load({
      signal: new AbortController().signal,
      revision: { etag: '"f1"' },
    })
    expect(calls[0]?.headers['If-None-Match']).toBe('"f1"')
    expect(isNotModified(result)).toBe(true)
  })
})
