import type { BackendHost } from '../../../src/catalogue/backend'
import { isNotModified } from '../../../src/catalogue/backend'
import { mapMrssFeed, mrssBackend } from '../../../src/catalogue/mrss'
import { routeFetch } from './httpFakes'

const FEED_URL = 'https://cms.example.be/mrss/feed.xml'

/** A CMS export with its live channel among the films, as Media RSS 1.5.1 writes one. */
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Canal Escaut</title><link>https://cms.example.be/</link><description>d</description>
    <language>fr</language>
    <item>
      <guid>LIVE-INFO</guid>
      <title>Canal Escaut Info</title>
      <media:content url="https://live.example.be/info/master.m3u8" type="application/x-mpegURL" expression="nonstop" duration="0"/>
      <media:thumbnail url="logos/info.png"/>
      <media:category>News</media:category>
    </item>
    <item>
      <guid>FILM-1</guid>
      <title>Le Pont de Liège</title>
      <media:content url="https://cdn.example.be/001/master.m3u8" type="application/x-mpegURL" duration="5430"/>
    </item>
    <item>
      <title>Canal Escaut Sport</title>
      <link>https://cms.example.be/live/sport</link>
      <media:group>
        <media:content url="https://live.example.be/sport/manifest.mpd" expression="nonstop"/>
        <media:content url="https://live.example.be/sport/master.m3u8" expression="nonstop"/>
      </media:group>
    </item>
    <item>
      <guid>REPLAY-2</guid>
      <title>Le match en replay</title>
      <media:content url="https://live.example.be/sport/master.m3u8" expression="nonstop"/>
      <media:content url="https://cdn.example.be/replay-2/master.m3u8" expression="full" duration="2700"/>
    </item>
  </channel>
</rss>`

describe('MRSS live items (expression="nonstop")', () => {
  test('an item whose only video is nonstop is a live channel, not a film', () => {
    const { titles, problems, live } = mapMrssFeed(FEED, FEED_URL)
    expect(problems).toEqual([])
    expect(titles.map((title) => title.id)).toEqual(['film-1', 'replay-2'])
    expect(live?.problems).toEqual([])
    expect(live?.channels).toEqual([
      {
        id: 'live-info',
        number: 1,
        name: 'Canal Escaut Info',
        stream: { hls: 'https://live.example.be/info/master.m3u8' },
        logo: 'https://cms.example.be/mrss/logos/info.png',
        category: 'news',
      },
      {
        id: expect.stringMatching(/^live-sport-[a-z0-9]+$/),
        number: 2,
        name: 'Canal Escaut Sport',
        stream: {
          dash: 'https://live.example.be/sport/manifest.mpd',
          hls: 'https://live.example.be/sport/master.m3u8',
        },
      },
    ])
  })

  test('beside its on-demand version, the nonstop video is neither what plays nor a channel', () => {
    const replay = mapMrssFeed(FEED, FEED_URL).titles.find((title) => title.id === 'replay-2')
    expect(replay).toMatchObject({
      kind: 'film',
      durationMinutes: 45,
      stream: { hls: 'https://cdn.example.be/replay-2/master.m3u8' },
    })
  })

  test('the backend carries the channels with each load, and asked first it loads the feed', async () => {
    const { fetchFn, calls } = routeFetch({ 'feed.xml': { text: FEED } })
    const host: BackendHost = {
      settings: { backend: 'mrss', url: FEED_URL, retries: 0 },
      fetch: fetchFn,
      asset: (path) => path,
      baseUrl: 'https://app.example.be/',
      log: () => undefined,
    }
    const signal = new AbortController().signal
    const loaded = mrssBackend(host)
    const load = await loaded.load({ signal })
    if (isNotModified(load)) throw new Error('unexpected 304')
    expect(load.live?.channels.map((channel) => channel.id)).toEqual([
      'live-info',
      expect.stringMatching(/^live-sport-/),
    ])
    expect((await loaded.liveChannels!({ signal })).channels).toHaveLength(2)
    expect(calls).toHaveLength(1)
    expect((await mrssBackend(host).liveChannels!({ signal })).channels).toHaveLength(2)
    expect(calls).toHaveLength(2)
  })
})
