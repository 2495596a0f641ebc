import type { BackendHost } from '../../../src/catalogue/backend'
import { directPublisherBackend, mapFeed } from '../../../src/catalogue/directPublisher'
import { mapLiveFeeds } from '../../../src/catalogue/directPublisherLive'
import { conformantFeed } from './feedDeviations'
import { reply } from './httpFakes'

const URL_ = 'https://cms.example.be/feeds/roku.json'

/** Live feeds as the specification describes them: id, title, content, thumbnail, description. */
const liveFeeds = () => [
  {
    id: 'LIVE-NEWS',
    title: 'Canal Escaut Info',
    content: {
      dateAdded: '2026-10-01T10:00:00Z',
      videos: [{ url: 'live/info.m3u8', quality: 'HD', videoType: 'HLS' }],
    },
    thumbnail: 'logos/info.png',
    shortDescription: 'Les nouvelles de la région, en continu.',
    genres: ['news'],
  },
  {
    id: 'LIVE-YOUTUBE',
    title: 'Sur une page web',
    content: { videos: [{ url: 'https://www.youtube.example/watch?v=1', videoType: 'SMOOTH' }] },
    thumbnail: 'logos/web.png',
    shortDescription: 'Pas de vidéo jouable.',
  },
  {
    id: 'live-sport',
    title: 'Canal Escaut Sport',
    content: { videos: { url: 'https://cdn.example.be/sport.mpd', videoType: 'DASH' } },
    thumbnail: 'logos/sport.png',
    brandedThumbnail: 'logos/sport-branded.png',
    shortDescription: 'Le sport régional.',
    genres: 'sports',
  },
]

describe("a Direct Publisher feed's liveFeeds", () => {
  test('become live channels numbered in feed order; one without a playable video is skipped', () => {
    const { channels, problems } = mapLiveFeeds(
      { ...conformantFeed(), liveFeeds: liveFeeds() },
      URL_,
    )
    expect(channels).toEqual([
      {
        id: 'live-news',
        number: 1,
        name: 'Canal Escaut Info',
        stream: { hls: 'https://cms.example.be/feeds/live/info.m3u8' },
        logo: 'https://cms.example.be/feeds/logos/info.png',
        category: 'news',
      },
      {
        id: 'live-sport',
        number: 2,
        name: 'Canal Escaut Sport',
        stream: { dash: 'https://cdn.example.be/sport.mpd' },
        logo: 'https://cms.example.be/feeds/logos/sport-branded.png',
        category: 'sport',
      },
    ])
    expect(problems).toMatchObject([{ itemId: 'LIVE-YOUTUBE', reason: 'no-playable-video' }])
  })

  test('a feed of live feeds alone is a feed (no titles), not "not a Direct Publisher feed"', () => {
    const feed = { providerName: 'Canal Escaut', language: 'fr', liveFeeds: liveFeeds() }
    expect(mapFeed(feed, URL_).titles).toEqual([])
    expect(mapLiveFeeds(feed, URL_).channels.map((channel) => channel.id)).toEqual([
      'live-news',
      'live-sport',
    ])
  })

  test('the backend lists them from the feed it loaded, each load carries them, and asked first it loads the feed', async () => {
    const body = { ...conformantFeed(), liveFeeds: liveFeeds() }
    const fetchFn = jest.fn(async () =>
      reply({ body, headers: { 'content-type': 'application/json' } }),
    )
    const host: BackendHost = {
      settings: { backend: 'directpublisher', url: URL_, retries: 0 },
      fetch: fetchFn as unknown as typeof fetch,
      asset: (path) => path,
      baseUrl: 'https://app.example.be/index.html',
      log: () => undefined,
    }
    const signal = new AbortController().signal
    const loaded = directPublisherBackend(host)
    const load = await loaded.load({ signal })
    // With the catalogue, so the copy kept on the box has them for a start on a 304.
    expect('live' in load && load.live?.channels).toHaveLength(2)
    const channels = await loaded.liveChannels!({ signal })
    expect(channels.channels.map((channel) => channel.number)).toEqual([1, 2])
    expect(fetchFn).toHaveBeenCalledTimes(1)

    const fresh = directPublisherBackend(host)
    expect((await fresh.liveChannels!({ signal })).channels).toHaveLength(2)
    expect(fetchFn).toHaveBeenCalledTimes(2)
  })
})
