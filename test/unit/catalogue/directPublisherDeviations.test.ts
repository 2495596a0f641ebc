import { buildHomeRails } from '../../../src/catalogue/rails'
import { mapFeed } from '../../../src/catalogue/directPublisher'
import { distinctNumbers } from '../../../src/catalogue/directPublisherItem'
import { mapLiveFeeds } from '../../../src/catalogue/directPublisherLive'
import { accessOf } from '../../../src/entitlements/access'
import type { Film, Series } from '../../../src/catalogue/schema'
import { conformantFeed, deviatingFeed, pascalCased } from './feedDeviations'

const URL_ = 'https://cms.example.be/feed.json'

describe('a feed with only what the Direct Publisher specification requires', () => {
  const load = () => mapFeed(conformantFeed(), URL_)

  test('every item becomes a title, unrated, and the home has rails', () => {
    const { titles, problems } = load()
    expect(problems).toEqual([])
    expect(titles.map((title) => title.id)).toEqual(['1001', '1002', '2001'])
    for (const title of titles) {
      expect(title.classification).toMatchObject({ minimumAge: null, csa: 'NR' })
    }
    expect(buildHomeRails(titles).length).toBeGreaterThan(0)
  })

  test('genres outside the app are kept as the feed labels; known ones map', () => {
    const [terrils, midi, canal] = load().titles
    expect(terrils).toMatchObject({ genres: ['documentary'], genreLabels: ['Nature'] })
    expect(midi).toMatchObject({ genres: [], genreLabels: ['Food', 'Reality'] })
    expect(canal).toMatchObject({ genres: [], genreLabels: ['Educational'] })
  })

  test('genres written in French, Dutch or German, with or without accents, map as English ones do', () => {
    const feed = conformantFeed() as { movies: Record<string, unknown>[] }
    feed.movies[0]!.genres = ['Comédie', 'POLICIER', 'Drame']
    feed.movies[1]!.genres = 'Komedie, Misdaad, Documentaire, Dessin animé, Jeugd'
    const [first, second] = mapFeed(feed, URL_).titles
    expect(first).toMatchObject({ genres: ['comedy', 'crime', 'drama'] })
    expect(first?.genreLabels).toBeUndefined()
    expect(second).toMatchObject({
      genres: ['comedy', 'crime', 'documentary', 'animation', 'family'],
    })
  })

  test('URLs a CMS wrote with spaces, accents or a | are encoded as an engine sends them, not refused', () => {
    const feed = conformantFeed('https://cdn.example.be/') as {
      movies: { thumbnail: string; content: Record<string, unknown> }[]
    }
    feed.movies[0]!.thumbnail = 'https://cdn.example.be/media/my poster.jpg'
    feed.movies[0]!.content.videos = [
      { url: ' https://cdn.example.be/vidéo/master.m3u8?a=1|2 ', videoType: 'HLS' },
    ]
    feed.movies[0]!.content.captions = [
      { url: 'https://cdn.example.be/sous titres.vtt', language: 'fr' },
    ]
    const { titles, problems } = mapFeed(feed, URL_)
    expect(problems).toEqual([])
    const film = titles.find((title) => title.id === '1001') as Film
    expect(film.artwork.backdrop).toBe('https://cdn.example.be/media/my%20poster.jpg')
    expect(film.stream.hls).toBe('https://cdn.example.be/vid%C3%A9o/master.m3u8?a=1%7C2')
    expect(film.stream.subtitles?.[0]?.url).toBe('https://cdn.example.be/sous%20titres.vtt')
  })

  test('a thumbnail or a caption file at a URL the app may not load is left out, the film kept', () => {
    const feed = conformantFeed('https://cdn.example.be/') as {
      movies: { thumbnail: string; content: Record<string, unknown> }[]
    }
    feed.movies[0]!.thumbnail = 'javascript:alert(1)'
    feed.movies[0]!.content.captions = [{ url: 'file:///captions.vtt', language: 'fr' }]
    const { titles, problems } = mapFeed(feed, URL_)
    expect(problems).toEqual([])
    const film = titles.find((title) => title.id === '1001') as Film
    expect(film.artwork.backdrop).toBeUndefined()
    expect(film.stream.subtitles ?? []).toEqual([])
    expect(film.stream.hls ?? film.stream.dash ?? film.stream.mp4).toBeTruthy()
  })

  test('a feed that names no language at all keeps its items (audio language undetermined)', () => {
    const feed = conformantFeed() as Record<string, unknown>
    delete feed.language
    const { titles, problems } = mapFeed(feed, URL_)
    expect(problems).toEqual([])
    expect(titles[0]).toMatchObject({ originalLanguage: 'und', title: { en: 'Les Terrils' } })
  })

  test('control characters an export left in a title or a description are not drawn', () => {
    const feed = conformantFeed() as { movies: Record<string, unknown>[] }
    feed.movies[0]!.title = 'Les\u0000 Terrils\u0007'
    feed.movies[0]!.shortDescription = 'Des collines\u001b noires.\u0085'
    const [title] = mapFeed(feed, URL_).titles
    expect(title).toMatchObject({
      title: { fr: 'Les Terrils' },
      synopsis: { fr: 'Des collines noires.' },
    })
    // A title of control characters only is no title: the item is skipped, saying so.
    feed.movies[0]!.title = '\u0000\u0007'
    const skipped = mapFeed(feed, URL_)
    expect(skipped.titles.map((t) => t.id)).not.toContain('1001')
    expect(skipped.problems.map((p) => p.itemId)).toContain('1001')
  })

  test('the 16:9 thumbnail is the backdrop; there is no poster', () => {
    expect(load().titles[0]?.artwork).toEqual({ backdrop: 'https://cdn.example.be/terrils.jpg' })
  })
})

describe('a thumbnail written as an object with its URL, or a list of them', () => {
  test('is the backdrop, for films, series and live feeds alike', () => {
    const feed = conformantFeed() as Record<string, unknown> & ReturnType<typeof conformantFeed>
    Object.assign(feed.movies[0]!, { thumbnail: { url: 'art/terrils.jpg', width: 1280 } })
    Object.assign(feed.series[0]!, { thumbnail: [{ width: 1920, url: 'art/canal.jpg' }] })
    feed.liveFeeds = [
      {
        id: 'live-1',
        title: 'Escaut Direct',
        thumbnail: { url: 'https://cdn.example.be/live.png' },
        content: { videos: [{ url: 'https://cdn.example.be/live.m3u8', videoType: 'HLS' }] },
      },
    ]
    const { titles } = mapFeed(feed, URL_)
    expect(titles[0]!.artwork).toEqual({ backdrop: 'https://cms.example.be/art/terrils.jpg' })
    expect(titles[2]!.artwork).toEqual({ backdrop: 'https://cms.example.be/art/canal.jpg' })
    expect(mapLiveFeeds(feed, URL_).channels[0]).toMatchObject({
      logo: 'https://cdn.example.be/live.png',
    })
  })
})

describe('a content written as a list of one, as exports that make every child an array do', () => {
  test('films, episodes and live feeds keep their video', () => {
    const feed = conformantFeed() as Record<string, unknown> & ReturnType<typeof conformantFeed>
    const wrap = (holder: { content: unknown }) => {
      holder.content = [holder.content]
    }
    feed.movies.forEach(wrap)
    feed.series[0]!.seasons[0]!.episodes.forEach(wrap)
    feed.liveFeeds = [
      {
        id: 'live-1',
        title: 'Escaut Direct',
        content: [{ videos: [{ url: 'https://cdn.example.be/live.m3u8', videoType: 'HLS' }] }],
      },
    ]
    const { titles, problems } = mapFeed(feed, URL_)
    expect(problems).toEqual([])
    expect(titles.map((title) => title.id)).toEqual(['1001', '1002', '2001'])
    expect(titles[0]).toMatchObject({
      durationMinutes: 90,
      stream: { hls: 'https://cdn.example.be/terrils.m3u8' },
    })
    expect((titles[2] as Series).seasons[0]!.episodes[0]!.stream).toEqual({
      hls: 'https://cdn.example.be/canal-1.m3u8',
    })
    expect(mapLiveFeeds(feed, URL_).channels.map((channel) => channel.id)).toEqual(['live-1'])
  })
})

describe('deviations real exports show', () => {
  const load = () => mapFeed(deviatingFeed(), URL_)
  const byId = <T>(id: string) => load().titles.find((title) => title.id === id) as T

  test('nothing is skipped', () => {
    expect(load().problems).toEqual([])
    expect(load().titles.map((title) => title.id)).toEqual([
      'mp4-only',
      'expired',
      'later',
      'ser-ep-rated',
    ])
  })

  test('single objects for lists, numbers as strings, "ratings", "Language", ISO 639-2', () => {
    const film = byId<Film>('mp4-only')
    expect(film).toMatchObject({
      title: { fr: 'La Fanfare' },
      durationMinutes: 30,
      genres: ['comedy', 'music'],
      originalLanguage: 'fr',
      classification: { minimumAge: 10, csa: '10' },
      stream: { mp4: 'https://cdn.example.be/fanfare.mp4' },
      subtitleLanguages: ['fr', 'nl'],
    })
  })

  test('of several MP4 files, the best quality plays', () => {
    const feed = deviatingFeed()
    feed.movies[0]!.content.videos = [
      { url: 'https://cdn.example.be/sd.mp4', quality: 'SD', videoType: 'MP4' },
      { url: 'https://cdn.example.be/fhd.mp4', quality: 'FHD', videoType: 'MP4' },
      { url: 'https://cdn.example.be/hd.mp4', quality: 'HD', videoType: 'MP4' },
    ] as never
    const film = mapFeed(feed, URL_).titles.find((title) => title.id === 'mp4-only') as Film
    expect(film.stream.mp4).toBe('https://cdn.example.be/fhd.mp4')
    // The others in turn, should it not play (HEVC on a box that decodes only H.264).
    expect(film.stream.mp4Fallbacks).toEqual([
      'https://cdn.example.be/hd.mp4',
      'https://cdn.example.be/sd.mp4',
    ])
  })

  test('a UHD file is taken only when there is no Full HD or HD one: often HEVC, and four times the bits', () => {
    const feed = deviatingFeed()
    const uhd = { url: 'https://cdn.example.be/uhd.mp4', quality: 'UHD', videoType: 'MP4' }
    const hd = { url: 'https://cdn.example.be/hd.mp4', quality: 'HD', videoType: 'MP4' }
    const sd = { url: 'https://cdn.example.be/sd.mp4', quality: 'SD', videoType: 'MP4' }
    const chosen = (videos: unknown[]) => {
      feed.movies[0]!.content.videos = videos as never
      return (mapFeed(feed, URL_).titles.find((title) => title.id === 'mp4-only') as Film).stream
        .mp4
    }
    expect(chosen([uhd, hd, sd])).toBe(hd.url)
    expect(chosen([sd, uhd])).toBe(uhd.url)
  })

  test.each([
    [{ url: 'https://cdn.example.be/fanfare.webm' }],
    [{ url: 'https://cdn.example.be/v/123', videoType: 'WEBM' }],
  ])('a WebM file (%p) plays as a file, not skipped as "no video"', (video) => {
    const feed = deviatingFeed()
    feed.movies[0]!.content.videos = [video] as never
    const film = mapFeed(feed, URL_).titles.find((title) => title.id === 'mp4-only') as Film
    expect(film.stream.mp4).toBe(video.url)
  })

  test('caption files are sidecar subtitles with their format and kind', () => {
    expect(byId<Film>('mp4-only').stream.subtitles).toEqual([
      { url: 'https://cdn.example.be/fanfare.fr.srt', language: 'fr', format: 'srt' },
      {
        url: 'https://cdn.example.be/fanfare.nl.ttml',
        language: 'nl',
        format: 'ttml',
        captions: true,
      },
    ])
  })

  test('ad breaks become seconds from the start, and make the title ad-supported', () => {
    const film = byId<Film>('mp4-only')
    expect(film.adBreaks).toEqual([0, 600, 1230])
    // Free would play no break: only an ad-supported access plays them.
    expect(film.offers).toEqual([{ type: 'ads' }])
    expect(accessOf(film, { passes: [], rentals: [] }, Date.now())).toEqual({ kind: 'ads' })
    expect(byId<Film>('expired').offers).toEqual([{ type: 'free' }])
  })

  test('a series with ad breaks on one episode is ad-supported; without any, free', () => {
    expect(byId<Series>('ser-ep-rated').offers).toEqual([{ type: 'free' }])
    const feed = deviatingFeed() as unknown as {
      series: { seasons: { episodes: { content: Record<string, unknown> }[] } }
    }
    feed.series.seasons.episodes[1]!.content.adBreaks = '00:12:00'
    const series = mapFeed(feed, URL_).titles.find((t) => t.id === 'ser-ep-rated') as Series
    expect(series.offers).toEqual([{ type: 'ads' }])
    expect(series.seasons[0]?.episodes.map((episode) => episode.adBreaks)).toEqual([
      undefined,
      [720],
    ])
  })

  test('validity periods become the availability window', () => {
    expect(byId<Film>('expired')).toMatchObject({
      availableFrom: '2020-01-01T00:00:00.000Z',
      availableUntil: '2021-01-01T00:00:00.000Z',
      classification: { minimumAge: 17, csa: '18' },
    })
    expect(byId<Film>('later').availableFrom).toBe('2099-01-01T00:00:00.000Z')
  })

  test('a series rated only on its episodes takes the strictest; each episode keeps its own', () => {
    const series = byId<Series>('ser-ep-rated')
    expect(series.classification).toMatchObject({ minimumAge: 15, csa: '16', kijkwijzer: '16' })
    expect(series.seasons.map((season) => season.number)).toEqual([2])
    expect(
      series.seasons[0]?.episodes.map((e) => [
        e.id,
        e.number,
        e.durationMinutes,
        e.classification.csa,
      ]),
    ).toEqual([
      ['ard-1', 1, 45, '12'],
      ['ard-2', 2, 46, '16'],
    ])
  })
})

describe('dates and durations as exports write them', () => {
  const withFirstMovie = (change: (movie: Record<string, unknown>) => void) => {
    const feed = conformantFeed() as unknown as { movies: Record<string, unknown>[] }
    change(feed.movies[0]!)
    return mapFeed(feed, URL_).titles[0]
  }

  test('the year of a release date written day first, or as in an e-mail header', () => {
    expect(withFirstMovie((m) => (m.releaseDate = '05/01/2021'))).toMatchObject({ year: 2021 })
    expect(withFirstMovie((m) => (m.releaseDate = 'Sat, 01 May 2021'))).toMatchObject({
      year: 2021,
    })
  })

  test('a release date with no year in it falls back on the date added, as a missing one does', () => {
    expect(withFirstMovie((m) => (m.releaseDate = 'spring'))).toMatchObject({ year: 2026 })
  })

  test('a validity period in ISO 8601 basic form, or with an offset of hours alone, still bounds the window', () => {
    const title = withFirstMovie((m) => {
      Object.assign(m.content as Record<string, unknown>, {
        validityPeriodStart: '2024-01-01T00:00:00+01',
        validityPeriodEnd: '20251231T235959Z',
      })
      m.releaseDate = '20240301T120000Z'
    })
    expect(title).toMatchObject({
      availableFrom: '2023-12-31T23:00:00.000Z',
      availableUntil: '2025-12-31T23:59:59.000Z',
      year: 2024,
    })
  })

  test('a duration written as xs:duration, with its day part', () => {
    const title = withFirstMovie((m) => {
      ;(m.content as Record<string, unknown>).duration = 'P0DT1H30M0S'
    })
    expect(title).toMatchObject({ durationMinutes: 90 })
  })

  test('a duration written as a timecode', () => {
    const title = withFirstMovie((m) => {
      ;(m.content as Record<string, unknown>).duration = '1:30:00'
    })
    expect(title).toMatchObject({ durationMinutes: 90 })
  })
})

describe('HTML in titles and descriptions, as CMS editors type it', () => {
  test('becomes plain text: entities decoded, tags, scripts and styles dropped', () => {
    const feed = conformantFeed() as unknown as { movies: Record<string, unknown>[] }
    feed.movies[0]!.title = 'Tom &amp; Jerry &eacute;t&eacute;'
    feed.movies[0]!.longDescription =
      '<div class="desc"><p>Un pont &mdash; deux rives.</p><script>alert(1)</script><p>Fin&hellip;</p></div>'
    const title = mapFeed(feed, URL_).titles[0]!
    expect(Object.values(title.title)).toEqual(['Tom & Jerry été'])
    expect(Object.values(title.synopsis ?? {})).toEqual(['Un pont — deux rives. Fin…'])
  })

  test("a plain 'description' (or 'Description'), as CMSs write it, is the synopsis when the specified ones are absent", () => {
    const feed = conformantFeed() as unknown as { movies: Record<string, unknown>[] }
    delete feed.movies[0]!.shortDescription
    delete feed.movies[0]!.longDescription
    feed.movies[0]!.description = 'Les terrils &amp; leurs oiseaux.'
    delete feed.movies[1]!.shortDescription
    delete feed.movies[1]!.longDescription
    feed.movies[1]!.Description = 'Un midi à Liège.'
    const [first, second] = mapFeed(feed, URL_).titles
    expect(Object.values(first!.synopsis ?? {})).toEqual(['Les terrils & leurs oiseaux.'])
    expect(Object.values(second!.synopsis ?? {})).toEqual(['Un midi à Liège.'])
  })
})

describe('a title left empty', () => {
  test('is skipped with a reason an operator can read', () => {
    const feed = conformantFeed() as unknown as { movies: Record<string, unknown>[] }
    feed.movies[0]!.title = ''
    const { titles, problems } = mapFeed(feed, URL_)
    expect(titles.map((title) => title.id)).not.toContain('1001')
    expect(problems).toEqual([
      expect.objectContaining({
        itemId: '1001',
        reason: 'missing-field',
        message: expect.stringContaining('title: missing or empty'),
      }),
    ])
  })
})

describe('the year shown, from release dates as exports write them', () => {
  test('the basic ISO form and Unix times give the release year, not the year the item was added', () => {
    const feed = conformantFeed() as Record<string, unknown>
    const [first] = feed.movies as Record<string, unknown>[]
    const content = { ...(first!.content as Record<string, unknown>), dateAdded: '2024-04-01' }
    const movie = (id: string, releaseDate: unknown) => ({ ...first, id, releaseDate, content })
    feed.movies = [
      movie('basic', '20210501'),
      movie('seconds', 1619827200),
      movie('words', 'May 1, 2021'),
      movie('unreadable', 'bientôt'),
    ]
    const years = mapFeed(feed, URL_)
      .titles.filter((t) => t.kind === 'film')
      .map((t) => [t.id, t.year])
    expect(years).toEqual([
      ['basic', 2021],
      ['seconds', 2021],
      ['words', 2021],
      // A release date that cannot be read falls back on the date added.
      ['unreadable', 2024],
    ])
  })
})

describe('a most_recent category over dates in several formats', () => {
  test('orders by the date, newest first, and titles without a date that reads come last, in either order', () => {
    const feed = conformantFeed() as Record<string, unknown>
    const movies = feed.movies as Record<string, unknown>[]
    const dated = (id: string, releaseDate: unknown, dateAdded?: string) => {
      const [first] = movies
      const content = { ...(first!.content as Record<string, unknown>) }
      if (dateAdded) content.dateAdded = dateAdded
      else delete content.dateAdded
      return { ...first, id, title: id, releaseDate, tags: ['all'], content }
    }
    feed.movies = [
      dated('may-2021', '01/05/2021'),
      dated('dec-2020', '31/12/2020'),
      dated('feb-2021', 'Mon, 01 Feb 2021 10:00:00 GMT'),
      dated('iso-jan-2022', '2022-01-15'),
      dated('unreadable-added-2019', 'bientôt', '2019-06-01T10:00:00Z'),
      dated('none', undefined),
    ]
    feed.categories = [{ name: 'Tout', query: 'all', order: 'most_recent' }]
    expect(mapFeed(feed, URL_).layout?.[0]?.itemIds).toEqual([
      'iso-jan-2022',
      'may-2021',
      'feb-2021',
      'dec-2020',
      'unreadable-added-2019',
      'none',
    ])
    feed.categories = [{ name: 'Tout', query: 'all', order: 'chronological' }]
    expect(mapFeed(feed, URL_).layout?.[0]?.itemIds).toEqual([
      'unreadable-added-2019',
      'dec-2020',
      'feb-2021',
      'may-2021',
      'iso-jan-2022',
      'none',
    ])
  })
})

describe('a series exported newest first', () => {
  test('lists its seasons and episodes in their numbers’ order', () => {
    const feed = conformantFeed() as unknown as { series: Record<string, unknown>[] }
    const series = feed.series[0]!
    const [season] = series.seasons as { episodes: Record<string, unknown>[] }[]
    const episode = (n: number, s = 1) => ({
      ...season!.episodes[0],
      id: `2001-${s}-${n}`,
      episodeNumber: n,
    })
    series.seasons = [
      { seasonNumber: 2, episodes: [episode(2, 2), episode(1, 2)] },
      { seasonNumber: '1', episodes: [episode(3), episode(2), episode(1)] },
    ]
    const canal = mapFeed(feed, URL_).titles.find((title) => title.id === '2001') as Series
    expect(canal.seasons.map((s) => [s.number, s.episodes.map((e) => e.number)])).toEqual([
      [1, [1, 2, 3]],
      [2, [1, 2]],
    ])
  })
})

describe('a series whose seasons or episodes lack their number, or repeat one', () => {
  const seriesWith = (seasons: unknown[]) => {
    const feed = conformantFeed() as unknown as { series: Record<string, unknown>[] }
    const series = feed.series[0]!
    const [season] = series.seasons as { episodes: Record<string, unknown>[] }[]
    const episode = (id: string, episodeNumber?: number) => {
      const copy: Record<string, unknown> = { ...season!.episodes[0], id }
      if (episodeNumber === undefined) delete copy.episodeNumber
      else copy.episodeNumber = episodeNumber
      return copy
    }
    series.seasons = seasons.map((make) => (make as (e: typeof episode) => unknown)(episode))
    const canal = mapFeed(feed, URL_).titles.find((title) => title.id === '2001') as Series
    return canal.seasons.map((s) => [s.number, s.episodes.map((e) => [e.id, e.number])])
  }

  test('an unnumbered season after season 2 becomes 3, not a second season 2 that cannot be opened', () => {
    expect(
      seriesWith([
        (e: (id: string, n?: number) => unknown) => ({ seasonNumber: 2, episodes: [e('a1', 1)] }),
        (e: (id: string, n?: number) => unknown) => ({ episodes: [e('b1', 1)] }),
      ]),
    ).toEqual([
      [2, [['a1', 1]]],
      [3, [['b1', 1]]],
    ])
  })

  test('two blocks of the same season are one season, in feed order; colliding ones stay two', () => {
    expect(
      seriesWith([
        (e: (id: string, n?: number) => unknown) => ({
          seasonNumber: 1,
          episodes: [e('a', 1), e('b', 2)],
        }),
        (e: (id: string, n?: number) => unknown) => ({ seasonNumber: 1, episodes: [e('c', 3)] }),
      ]),
    ).toEqual([
      [
        1,
        [
          ['a', 1],
          ['b', 2],
          ['c', 3],
        ],
      ],
    ])
    expect(
      seriesWith([
        (e: (id: string, n?: number) => unknown) => ({ seasonNumber: 1, episodes: [e('a', 1)] }),
        (e: (id: string, n?: number) => unknown) => ({ seasonNumber: 1, episodes: [e('b', 1)] }),
      ]),
    ).toEqual([
      [1, [['a', 1]]],
      [2, [['b', 1]]],
    ])
  })

  test('an unnumbered episode after episode 2 becomes 3; two episodes numbered alike, the next free one', () => {
    expect(
      seriesWith([
        (e: (id: string, n?: number) => unknown) => ({
          seasonNumber: 1,
          episodes: [e('e1', 2), e('e2'), e('e3', 2)],
        }),
      ]),
    ).toEqual([
      [
        1,
        [
          ['e1', 2],
          ['e2', 3],
          ['e3', 4],
        ],
      ],
    ])
  })
})

describe('distinctNumbers', () => {
  test('keeps the numbers written, and gives the missing, 0 or repeated ones free numbers', () => {
    expect(distinctNumbers([1, 2, 3])).toEqual([1, 2, 3])
    expect(distinctNumbers([undefined, 2])).toEqual([1, 2])
    expect(distinctNumbers([2, undefined])).toEqual([2, 3])
    expect(distinctNumbers([0, 1])).toEqual([2, 1])
    expect(distinctNumbers([5, 5, 5])).toEqual([5, 2, 3])
  })
})

describe('the envelope as exports write it', () => {
  test('root keys in another case ("Language", "Movies", "ProviderName") are read', () => {
    const { movies, ...rest } = conformantFeed() as { movies: unknown[] }
    const feed = { ...rest, ProviderName: 'Polder Play', Language: 'fre', Movies: movies }
    delete (feed as Record<string, unknown>).providerName
    delete (feed as Record<string, unknown>).language
    const { titles } = mapFeed(feed, URL_)
    expect(titles.map((title) => title.id)).toEqual(['1001', '1002', '2001'])
    expect(titles[0]).toMatchObject({ originalLanguage: 'fr', brand: { name: 'Polder Play' } })
  })

  test('tags written as one comma-separated string are that many tags for category queries', () => {
    const feed = conformantFeed() as {
      movies: Record<string, unknown>[]
      categories?: unknown[]
    }
    feed.movies[0]!.tags = 'Famille, humour'
    feed.movies[1]!.tags = ['humour']
    feed.categories = [
      { name: 'En famille', query: 'famille' },
      { name: 'Pour rire', query: 'humour' },
    ]
    const { layout, problems } = mapFeed(feed, URL_)
    expect(problems).toEqual([])
    expect(layout?.map((rail) => rail.itemIds)).toEqual([['1001'], ['1001', '1002']])
  })

  test("a later item with the same id, skipped, leaves the kept one's tags to category queries", () => {
    const feed = conformantFeed() as {
      movies: Record<string, unknown>[]
      shortFormVideos?: unknown[]
      categories?: unknown[]
    }
    feed.movies[0]!.tags = ['famille']
    feed.movies[1]!.tags = ['famille']
    feed.shortFormVideos = [{ ...feed.movies[0]!, tags: [], title: 'Doublon' }]
    feed.categories = [{ name: 'En famille', query: 'famille' }]
    const { layout, problems } = mapFeed(feed, URL_)
    expect(problems.map((problem) => problem.message)).toEqual([
      'duplicate id, first occurrence kept',
    ])
    expect(layout?.[0]?.itemIds).toEqual(['1001', '1002'])
  })
})

describe('item fields spelt otherwise than the specification', () => {
  test('a feed written in PascalCase throughout keeps every title, as the same feed in camelCase', () => {
    const { titles, problems } = mapFeed(pascalCased(conformantFeed()), URL_)
    expect(problems).toEqual([])
    expect(titles).toEqual(mapFeed(conformantFeed(), URL_).titles)
  })

  test('snake_case names are read too; a key spelt as specified wins over its variant', () => {
    const feed = conformantFeed() as unknown as { movies: Record<string, unknown>[] }
    const movie = feed.movies[0]!
    const content = movie.content as Record<string, unknown>
    feed.movies[0] = {
      id: movie.id,
      title: movie.title,
      Title: 'Not this one',
      short_description: 'Écrit en snake_case.',
      release_date: '2019-04-01',
      content: { date_added: content.dateAdded, videos: content.videos, duration: 3600 },
    }
    const [title] = mapFeed(feed, URL_).titles
    expect(title).toMatchObject({
      id: '1001',
      title: { fr: 'Les Terrils' },
      synopsis: { fr: 'Écrit en snake_case.' },
      year: 2019,
      durationMinutes: 60,
    })
  })

  test('live feeds, playlists and categories in PascalCase are read as well', () => {
    const feed = {
      ...conformantFeed(),
      playlists: [{ name: 'Choix', itemIds: ['1002', '1001'] }],
      categories: [{ name: 'Notre choix', playlistName: 'Choix', order: 'manual' }],
      liveFeeds: [
        {
          id: 'LIVE-1',
          title: 'Canal Direct',
          content: { videos: [{ url: 'https://cdn.example.be/live.m3u8', videoType: 'HLS' }] },
          thumbnail: 'https://cdn.example.be/live.png',
          shortDescription: 'En direct.',
        },
      ],
    }
    const { layout } = mapFeed(pascalCased(feed), URL_)
    expect(layout?.map((rail) => rail.itemIds)).toEqual([['1002', '1001']])
    const { channels } = mapLiveFeeds(pascalCased(feed), URL_)
    expect(channels.map((channel) => [channel.id, channel.name])).toEqual([
      ['live-1', 'Canal Direct'],
    ])
  })
})
