/**
 * Real feeds in Chromium: a Direct Publisher feed with only what the public specification requires
 * (no ratings, Roku genres the app has no genre for, 16:9 thumbnails that do not exist) and one
 * with the deviations real exports show (single objects, numbers as strings, `ratings`, expired and
 * upcoming windows, a series rated only on its episodes), served by the reference catalogue server.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  startCatalogueServerProcess,
  type CatalogueServerProcess,
} from '../integration/support/catalogueServer'
import { conformantFeed, deviatingFeed } from '../unit/catalogue/feedDeviations'
import {
  appBaseUrl,
  openApp,
  press,
  routeAppSettings,
  screenshot,
  snapshot,
  unrouteAppSettings,
  waitForApp,
} from './support/browser'
import { stopPlayback, waitPlayer } from './support/player'
import { ROOT } from './support/environment'

interface HomeRail {
  id: string
  label: string
  count: number
  ids: string[]
}
interface DetailsState {
  screen: string
  id: string
  meta: string
  facts: string[]
  actions: string[]
  reason?: string
}

/** The conformant feed with a CMS's worst texts: 130-character titles, 5 KB descriptions. */
function longTextFeed(media: string) {
  const feed = conformantFeed(media)
  const title = 'Les Terrils du Borinage, trois saisons au sommet des montagnes noires : '
  const description =
    'Un récit au fil des saisons, des terrils aux corons, des mineurs à leurs petits-enfants. '
  for (const item of [...feed.movies, ...feed.series]) {
    Object.assign(item, {
      title: `${title}${item.title}, une histoire du Hainaut racontée par ses habitants`.slice(
        0,
        130,
      ),
      shortDescription: description.slice(0, 200),
      longDescription: description.repeat(60).slice(0, 5000),
    })
  }
  return feed
}

/** What RSS 2.0 and Media RSS require and nothing more: no guid, one item with no title. */
const minimalMrss = (media: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>Minimal</title><link>http://127.0.0.1/</link><description>d</description>
<item><title>Min</title><media:content url="${media}static/streams/demo-a/master.m3u8"/></item>
<item><description>Seulement une description.</description>
<media:content url="${media}static/streams/demo-b/manifest.mpd"/></item>
</channel></rss>`

/** A rated film (no PIN on the way) of a real stream, with a pre-roll and a mid-roll position. */
function adBreaksFeed(media: string, streams: string) {
  const feed = conformantFeed(media)
  Object.assign(feed.movies[0]!, {
    rating: { rating: 'G', ratingSource: 'MPAA' },
    content: {
      ...feed.movies[0]!.content,
      videos: [{ url: `${streams}demo-b/manifest.mpd`, quality: 'HD', videoType: 'DASH' }],
      adBreaks: ['00:00:00', '00:00:20'],
    },
  })
  return feed
}

/** The conformant feed with two of the live simulator's channels as its liveFeeds (HLS). */
function liveFeedsFeed(media: string, app: string) {
  const live = (id: string, title: string, channel: string, genres: string[]) => ({
    id,
    title,
    content: { videos: [{ url: `${app}live/${channel}/master.m3u8`, videoType: 'HLS' }] },
    thumbnail: `${media}static/guide/logos/${channel}.png`,
    shortDescription: `${title} en direct.`,
    genres,
  })
  return {
    ...conformantFeed(media),
    liveFeeds: [
      live('CANAL-INFO', 'Canal Escaut Info', 'ardenne-1', ['news']),
      live('CANAL-SPORT', 'Canal Escaut Sport', 'ardenne-3', ['sports']),
    ],
  }
}

/** An MRSS export behind the classic RSS 0.91 DOCTYPE, whose DTD declares the HTML entities. */
const doctypeMrss = (media: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T&eacute;l&eacute;</title>
<item><guid>dt-1</guid><title>Caf&eacute; cr&egrave;me</title><description>L&rsquo;&eacute;t&eacute;.</description>
<media:content url="${media}static/streams/demo-a/master.m3u8"/></item>
</channel></rss>`

let dir: string
let server: CatalogueServerProcess

const pointAppAt = (catalogue: Record<string, unknown>) =>
  routeAppSettings((settings) => (settings.catalogue = catalogue))

async function homeRails(feed: string, backend = 'directpublisher') {
  await pointAppAt({ backend, url: `${server.url}${feed}` })
  const page = await openApp()
  await waitForApp(page)
  await page.waitForFunction(
    () => (window.__belgica?.snapshot().page as { screen?: string } | null)?.screen === 'home',
  )
  const state = await snapshot(page)
  return { page, state, rails: (state.page as { rails: HomeRail[] }).rails }
}

async function details(page: Awaited<ReturnType<typeof openApp>>, id: string) {
  await page.evaluate((target) => (window.location.hash = `#details/${target}`), id)
  await page.waitForFunction((target) => {
    const state = window.__belgica?.snapshot().page as { id?: string; path?: string } | undefined
    return state?.id === target || state?.path === `details/${target}`
  }, id)
  return (await snapshot(page)).page as unknown as DetailsState
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-e2e-feeds-'))
  server = await startCatalogueServerProcess({
    dir,
    mounts: { '/static/': path.join(ROOT, 'static') },
  })
  await writeFile(path.join(dir, 'conformant.json'), JSON.stringify(conformantFeed(server.url)))
  await writeFile(path.join(dir, 'deviating.json'), JSON.stringify(deviatingFeed(server.url)))
  await writeFile(path.join(dir, 'long.json'), JSON.stringify(longTextFeed(server.url)))
  await writeFile(path.join(dir, 'minimal.rss'), minimalMrss(server.url))
  await writeFile(path.join(dir, 'doctype.rss'), doctypeMrss(server.url))
  await writeFile(
    path.join(dir, 'livefeeds.json'),
    JSON.stringify(liveFeedsFeed(server.url, appBaseUrl())),
  )
  await writeFile(
    path.join(dir, 'adbreaks.json'),
    JSON.stringify(adBreaksFeed(server.url, `${appBaseUrl()}media/streams/`)),
  )
})

afterAll(async () => {
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('operator feeds as real CMSs export them', () => {
  // Inside the describe: the file's browser is closed before a top-level afterAll runs.
  afterAll(unrouteAppSettings)

  it('a specification-minimal feed without ratings fills home; its titles say "not rated"', async () => {
    const { page, state, rails } = await homeRails('conformant.json')
    expect(state.overlay).toBeNull()
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 3, skipped: 0 })
    const onHome = new Set(rails.flatMap((rail) => rail.ids))
    expect([...onHome].sort()).toEqual(['1001', '1002', '2001'])
    expect(rails.every((rail) => rail.count > 0)).toBe(true)
    await screenshot(page, 'feed-conformant-home')

    await press(page, 'Enter')
    await page.waitForFunction(
      () => (window.__belgica?.snapshot().page as { screen?: string } | null)?.screen === 'details',
    )
    const film = (await snapshot(page)).page as unknown as DetailsState
    expect(film.facts).toContain('Âge: Non classé')
    expect(film.meta).toContain('Non classé')
    expect(film.actions).toEqual(['Regarder', 'Ajouter à ma liste'])
    await screenshot(page, 'feed-conformant-details')
  })

  it("a feed title with adBreaks is offered with ads and plays the operator's pre-roll, then the film", async () => {
    const { page } = await homeRails('adbreaks.json')
    const film = await details(page, '1001')
    expect(film.facts.join(' ')).toContain('Gratuit avec publicités')
    await press(page, 'Enter')
    // settings.json's ads.tagUrl is the sample ad server's, beside the app.
    const ad = await waitPlayer(page, "p.mode === 'ad' && p.state === 'playing'", 20_000)
    expect(ad.ad).not.toBeNull()
    const film_ = await waitPlayer(
      page,
      "p.mode === 'content' && p.state === 'playing' && p.currentTime > 1",
      30_000,
    )
    expect(film_.url).toMatch(/demo-b\/manifest\.mpd$/)
    expect(film_.adMarkers).toEqual([20])
    await stopPlayback(page)
  })

  it("a feed's liveFeeds are the Live TV channels: home offers Live, which plays the first, and channel up zaps", async () => {
    const { page, state } = await homeRails('livefeeds.json')
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 3, skipped: 0 })
    await page.waitForFunction(() =>
      (window.__belgica?.snapshot().page as { topBarIds?: string[] } | null)?.topBarIds?.includes(
        'live',
      ),
    )
    await page.evaluate(() => (window.location.hash = '#live/canal-info'))
    const first = await waitPlayer(
      page,
      "p.id === 'canal-info' && p.state === 'playing' && p.live && p.currentTime > 0",
      30_000,
    )
    expect(first.format).toBe('hls')
    await press(page, 'PageUp')
    await waitPlayer(page, "p.id === 'canal-sport' && p.state === 'playing' && p.live", 30_000)
    await screenshot(page, 'feed-live-channel')
    await stopPlayback(page)
  })

  it('a Media RSS feed with only the required fields (no guid, a description for a title) fills home', async () => {
    const { page, state, rails } = await homeRails('minimal.rss', 'mrss')
    expect(state.overlay).toBeNull()
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 2, skipped: 0 })
    expect(new Set(rails.flatMap((rail) => rail.ids)).size).toBe(2)
    await page.close()
  })

  it("an MRSS feed behind the RSS 0.91 DOCTYPE keeps its accents: its DTD's HTML entities are read, not dropped", async () => {
    const { page } = await homeRails('doctype.rss', 'mrss')
    const said: string[] = []
    page.on('console', (message) => said.push(message.text()))
    // Another address, so the reload reads the feed anew rather than revalidating the kept one.
    await pointAppAt({ backend: 'mrss', url: `${server.url}doctype.rss?again=1` })
    await page.reload()
    await waitForApp(page)
    await page.waitForFunction(
      () => (window.__belgica?.snapshot().page as { screen?: string } | null)?.screen === 'home',
    )
    // Chromium drops an entity an external DTD might declare, silently: the app makes them
    // characters first, and says so.
    expect(said.join('\n')).toMatch(/HTML entities of its DTD \(eacute, egrave, rsquo\)/)
  })

  it('a deviating feed: nothing skipped, the expired title absent, the upcoming one hidden', async () => {
    const { page, state, rails } = await homeRails('deviating.json')
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 4, skipped: 0 })
    const onHome = new Set(rails.flatMap((rail) => rail.ids))
    expect(onHome.has('mp4-only')).toBe(true)
    expect(onHome.has('ser-ep-rated')).toBe(true)
    expect(onHome.has('expired')).toBe(false)
    expect(onHome.has('later')).toBe(false)

    const series = await details(page, 'ser-ep-rated')
    expect(series.facts).toContain('Âge: CSA -16')

    // A deep link to the expired title says why it is not there, instead of playing it.
    const expired = await details(page, 'expired')
    expect(expired).toMatchObject({ screen: 'not-found', reason: 'expired' })
    await page.evaluate(() => (window.location.hash = '#play/expired'))
    await page.waitForFunction(
      () => (window.__belgica?.snapshot().page as { path?: string })?.path === 'play/expired',
    )
    expect((await snapshot(page)).page).toMatchObject({ reason: 'expired' })
    await screenshot(page, 'feed-expired')

    // A link in the CMS's own form of an id (an EPG, a partner), not the app's lowercase slug.
    await page.evaluate(() => (window.location.hash = '#details/MP4-ONLY'))
    await page.waitForFunction(() => {
      const shown = window.__belgica?.snapshot().page as { id?: string; path?: string }
      return shown?.id === 'mp4-only' || shown?.path === 'details/MP4-ONLY'
    })
    expect((await snapshot(page)).page).toMatchObject({ screen: 'details', id: 'mp4-only' })
  })

  it('very long titles and descriptions stay above the rails on home and the buttons on details', async () => {
    const { page, state } = await homeRails('long.json')
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 3, skipped: 0 })
    type Layout = Record<string, number>
    // Texts get their height once drawn: wait for the title's, then for the synopsis redrawn.
    const settled = async (read: () => Layout | undefined) => {
      await page.waitForFunction(read)
      await page.waitForTimeout(300)
      return (await page.evaluate(read))!
    }
    const hero = await settled(() => {
      const layout = (window.__belgica?.snapshot().page as { heroLayout?: Layout }).heroLayout
      return layout && layout.titleLines! > 0 && layout.synopsisLines! > 0 ? layout : undefined
    })
    expect(hero.titleLines).toBe(2)
    expect(hero.bottom).toBeLessThanOrEqual(hero.railsTop!)
    await screenshot(page, 'feed-long-home')

    await details(page, '1001')
    const film = await settled(() => {
      const layout = (window.__belgica?.snapshot().page as { layout?: Layout }).layout
      return layout && layout.titleLines! > 0 && layout.synopsisLines! > 0 ? layout : undefined
    })
    // The details page shows the whole title, smaller, where the billboard cuts it at two lines.
    expect(film.titleLines).toBeGreaterThan(2)
    expect(film.titleLines).toBeLessThanOrEqual(5)
    expect(film.synopsisBottom).toBeLessThanOrEqual(film.actionsTop!)
    await screenshot(page, 'feed-long-details')
  })

  it('upcoming titles shown by the operator carry their date instead of Play', async () => {
    await pointAppAt({
      backend: 'directpublisher',
      url: `${server.url}deviating.json`,
      upcoming: 'show',
    })
    const page = await openApp()
    await waitForApp(page)
    await page.waitForFunction(
      () => (window.__belgica?.snapshot().page as { screen?: string } | null)?.screen === 'home',
    )
    const rails = ((await snapshot(page)).page as { rails: HomeRail[] }).rails
    expect(rails.some((rail) => rail.ids.includes('later'))).toBe(true)
    const later = await details(page, 'later')
    expect(later.actions).toEqual([
      expect.stringMatching(/^Disponible à partir du 01\/01\/2099/),
      'Ajouter à ma liste',
    ])
  })
})
