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
import { conformantFeed, deviatingFeed, pascalCased } from '../unit/catalogue/feedDeviations'
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
  synopsis: string
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

/**
 * The conformant feed with its validity periods in ISO 8601's other forms: an expiry in the basic
 * form, long past, and a start far ahead as a week date with an offset of hours alone.
 */
/** The first film with its one text as "description", the name other CMSs give it. */
function describedOnce<T extends ReturnType<typeof conformantFeed>>(feed: T): T {
  const film = feed.movies[0]! as Record<string, unknown>
  delete film.shortDescription
  delete film.longDescription
  film.description = 'Des terrils devenus réserves naturelles.'
  return feed
}

function isoFormsFeed(media: string) {
  const feed = conformantFeed(media)
  Object.assign(feed.movies[0]!.content, { validityPeriodEnd: '20200101T000000Z' })
  Object.assign(feed.movies[1]!.content, { validityPeriodStart: '2099-W01-1T00:00:00+01' })
  return feed
}

/**
 * A Media RSS item whose group lists its trailer (expression="sample") first, beside the film;
 * rated, so no PIN is asked on the way to the player.
 */
const trailerMrss = (streams: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>Bande-annonce</title><link>http://127.0.0.1/</link><description>d</description>
<item><guid>tr-1</guid><title>Le Film entier</title><description>Le film, pas sa bande-annonce.</description>
<media:rating scheme="urn:mpaa">g</media:rating>
<media:category>Arts/Movies/Titles/L/Le_Film_entier</media:category>
<media:category scheme="urn:flickr:tags">drama cinema</media:category>
<media:group>
<media:content url="${streams}demo-a/master.m3u8" type="application/x-mpegURL" expression="sample" duration="95"/>
<media:content url="${streams}demo-b/master.m3u8" type="application/x-mpegURL" expression="full" duration="5430"/>
</media:group></item>
</channel></rss>`

/**
 * Roku's MRSS shape: an item described inside its MP4 media:content, its HLS one bare; and one
 * whose export template wrote empty media elements inside media:content for blank fields.
 */
const innerMrss = (streams: string, media: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>Roku MRSS</title><link>http://127.0.0.1/</link><description>d</description><language>fr</language>
<item><guid>in-1</guid><title>Titre RSS</title>
<media:content url="${streams}demo-a/master.m3u8" type="application/x-mpegURL"/>
<media:content url="${media}static/missing.mp4" type="video/mp4" duration="5430">
<media:title>Le Titre du contenu</media:title><media:description>Le synopsis du contenu.</media:description>
<media:rating scheme="urn:mpaa">r</media:rating>
</media:content></item>
<item><guid>in-2</guid><title>Gabarit vide</title>
<media:content url="${streams}demo-b/master.m3u8" type="application/x-mpegURL" duration="2700">
<media:thumbnail url=""/><media:rating></media:rating><media:description/>
</media:content>
<media:rating scheme="urn:mpaa">pg-13</media:rating></item>
</channel></rss>`

/** A CMS's path-built guids: alike for their first 130 characters. */
const LONG_GUID = `https://cms.example.be/${'collections/patrimoine-wallon/'.repeat(4)}episode`

/**
 * An MRSS export with its live channel among its films (Media RSS marks a live stream
 * expression="nonstop"), and two films whose guids differ only after 120 characters.
 */
const nonstopMrss = (streams: string, app: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>Canal Escaut</title><link>http://127.0.0.1/</link><description>d</description>
<item><guid>LIVE-ESCAUT</guid><title>Canal Escaut en direct</title>
<media:content url="${app}live/ardenne-1/master.m3u8" type="application/x-mpegURL" expression="nonstop"/></item>
<item><guid>${LONG_GUID}-premier</guid><title>Premier épisode</title><description>Le premier.</description>
<media:credit role="Film Director">Ann Meuse</media:credit><media:credit role="director of photography">Bo Lumière</media:credit>
<media:content url="${streams}demo-a/master.m3u8" type="application/x-mpegURL" duration="600"/></item>
<item><guid>${LONG_GUID}-second</guid><title>Second épisode</title><description>Le second.</description>
<media:content url="${streams}demo-b/master.m3u8" type="application/x-mpegURL" duration="600"/></item>
</channel></rss>`

/** The conformant feed with a category over tags a CMS wrote as one comma-separated string. */
function joinedTagsFeed(media: string) {
  const feed = conformantFeed(media)
  Object.assign(feed.movies[0]!, { tags: 'Famille, humour' })
  return { ...feed, categories: [{ name: 'En famille', query: 'famille', order: 'manual' }] }
}

/** The conformant feed as exports that write every child as a list send it: `content: [{...}]`. */
function listedContentFeed(media: string) {
  const feed = conformantFeed(media)
  for (const holder of [...feed.movies, ...feed.series[0]!.seasons[0]!.episodes])
    Object.assign(holder, { content: [holder.content] })
  return feed
}

/** The conformant feed with its first film's length as Java writes an xs:duration. */
function javaDurationFeed(media: string) {
  const feed = conformantFeed(media)
  Object.assign(feed.movies[0]!.content, { duration: 'P0Y0M0DT1H30M0.000S' })
  return feed
}

/** The conformant feed with its first film's rights ended, written as a Unix time (a number). */
function unixExpiryFeed(media: string) {
  const feed = conformantFeed(media)
  Object.assign(feed.movies[0]!.content, { validityPeriodEnd: 1577836800 })
  return feed
}

/** A templated export that left its "&" bare, in a title and in a query string. */
const ampersandMrss = (media: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Rock & Roll TV</title>
<item><guid>amp-1</guid><title>Rock & Roll</title>
<media:content url="${media}static/streams/demo-a/master.m3u8?v=1&cdn=2"/></item>
</channel></rss>`

/** The conformant feed with its first film's caption language written as a name, not a code. */
function namedLanguageFeed(media: string) {
  const feed = conformantFeed(media)
  Object.assign(feed.movies[0]!.content, {
    captions: [{ url: `${media}subs/terrils-nl.vtt`, language: 'Nederlands' }],
  })
  return feed
}

/** The conformant feed with its thumbnails as objects holding the URL, of real images. */
function imageObjectFeed(media: string) {
  const feed = conformantFeed(media)
  for (const item of [...feed.movies, ...feed.series])
    Object.assign(item, { thumbnail: { url: `${media}static/artwork/posters/amelie.jpg` } })
  return feed
}

/** A .NET export in UTF-16 (little-endian) that left out the byte order mark. */
const utf16Mrss = (media: string) =>
  Buffer.from(
    minimalMrss(media).replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'),
    'utf16le',
  )

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
  await writeFile(path.join(dir, 'utf16.rss'), utf16Mrss(server.url))
  await writeFile(path.join(dir, 'duration.json'), JSON.stringify(javaDurationFeed(server.url)))
  await writeFile(path.join(dir, 'images.json'), JSON.stringify(imageObjectFeed(server.url)))
  await writeFile(path.join(dir, 'named.json'), JSON.stringify(namedLanguageFeed(server.url)))
  await writeFile(path.join(dir, 'ampersand.rss'), ampersandMrss(server.url))
  await writeFile(path.join(dir, 'unix.json'), JSON.stringify(unixExpiryFeed(server.url)))
  await writeFile(path.join(dir, 'listed.json'), JSON.stringify(listedContentFeed(server.url)))
  await writeFile(
    path.join(dir, 'pascal.json'),
    JSON.stringify(pascalCased(describedOnce(conformantFeed(server.url)))),
  )
  await writeFile(path.join(dir, 'isoforms.json'), JSON.stringify(isoFormsFeed(server.url)))
  await writeFile(path.join(dir, 'trailer.rss'), trailerMrss(`${appBaseUrl()}media/streams/`))
  await writeFile(
    path.join(dir, 'inner.rss'),
    innerMrss(`${appBaseUrl()}media/streams/`, server.url),
  )
  await writeFile(
    path.join(dir, 'nonstop.rss'),
    nonstopMrss(`${appBaseUrl()}media/streams/`, appBaseUrl()),
  )
  await writeFile(path.join(dir, 'tags.json'), JSON.stringify(joinedTagsFeed(server.url)))
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

  it('an MRSS feed in UTF-16 without its byte order mark fills home, not an error', async () => {
    const { page, state } = await homeRails('utf16.rss', 'mrss')
    expect(state.overlay).toBeNull()
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 2, skipped: 0 })
    await page.close()
  })

  it('an MRSS feed with a bare "&" in a title and a URL fills home, not an error', async () => {
    const { page, state } = await homeRails('ampersand.rss', 'mrss')
    expect(state.overlay).toBeNull()
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 1, skipped: 0 })
    expect(await details(page, 'amp-1')).toMatchObject({ screen: 'details' })
    await page.close()
  })

  it('a caption language written as its name ("Nederlands") is offered as that language', async () => {
    const { page } = await homeRails('named.json')
    const film = await details(page, '1001')
    expect(film.facts.find((fact) => fact.startsWith('Sous-titres'))).toMatch(/néerlandais/i)
    await page.close()
  })

  it('thumbnails written as objects holding their URL are drawn', async () => {
    const { page } = await homeRails('images.json')
    await page.waitForFunction(
      () => {
        const render = window.__belgica?.snapshot().render
        return (render?.postersLoaded ?? 0) + (render?.backdropsLoaded ?? 0) >= 3
      },
      null,
      { timeout: 10_000 },
    )
    await page.close()
  })

  it('a Direct Publisher feed whose content objects are lists of one fills home with every title', async () => {
    const { page, state, rails } = await homeRails('listed.json')
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 3, skipped: 0 })
    expect([...new Set(rails.flatMap((rail) => rail.ids))].sort()).toEqual(['1001', '1002', '2001'])
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

  it('a feed a .NET CMS wrote in PascalCase ("Content", "Videos", "Url") fills home like the same feed in camelCase', async () => {
    const { page, state, rails } = await homeRails('pascal.json')
    expect(state.overlay).toBeNull()
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 3, skipped: 0 })
    expect([...new Set(rails.flatMap((rail) => rail.ids))].sort()).toEqual(['1001', '1002', '2001'])
    const film = await details(page, '1001')
    expect(film.screen).toBe('details')
    expect(film.actions[0]).toBe('Regarder')
    // Its one text came as "Description", a name other CMSs give it: that is the synopsis.
    expect(film.synopsis).toBe('Des terrils devenus réserves naturelles.')
    await page.close()
  })

  it('validity periods in ISO 8601 basic form, or as a week date with an hours-only offset: the expired and the upcoming title are not on home', async () => {
    const { page, state, rails } = await homeRails('isoforms.json')
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 3, skipped: 0 })
    expect([...new Set(rails.flatMap((rail) => rail.ids))]).toEqual(['2001'])
    const expired = await details(page, '1001')
    expect(expired).toMatchObject({ screen: 'not-found', reason: 'expired' })
    await page.close()
  })

  it('a duration written as an xs:duration with years and months at zero is shown', async () => {
    const { page } = await homeRails('duration.json')
    expect((await details(page, '1001')).meta).toContain('1 h 30')
    await page.close()
  })

  it('a validity period ended, written as a Unix time: the film is not offered', async () => {
    const { page, rails } = await homeRails('unix.json')
    expect([...new Set(rails.flatMap((rail) => rail.ids))].sort()).toEqual(['1002', '2001'])
    expect(await details(page, '1001')).toMatchObject({ screen: 'not-found', reason: 'expired' })
    await page.close()
  })

  it('an MRSS item listing its trailer (expression="sample") beside the film plays the film, and says its length', async () => {
    const { page, state } = await homeRails('trailer.rss', 'mrss')
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 1, skipped: 0 })
    const film = await details(page, 'tr-1')
    expect(film.meta).toContain('1 h 31')
    // Its category path and its Flickr tags are not genres; the genre a tag names is.
    const drawn = [film.meta, ...film.facts].join(' | ')
    expect(drawn).not.toMatch(/Arts|Titles|cinema/)
    expect(drawn).toContain('Drame')
    // The feed names no <language> (optional in RSS 2.0): what is spoken is not said, not English.
    expect(film.facts).toContain('Audio: non précisée')
    await press(page, 'Enter')
    const playing = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 0", 30_000)
    expect(playing.url).toMatch(/demo-b\/master\.m3u8$/)
    await stopPlayback(page)
  })

  it("MRSS ratings inside the MP4's media:content, or behind an empty one, are shown, not 'not rated'", async () => {
    const { page, state } = await homeRails('inner.rss', 'mrss')
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 2, skipped: 0 })
    const described = await details(page, 'in-1')
    expect(described.meta).not.toContain('Non classé')
    expect(described.facts.find((fact) => fact.startsWith('Âge:'))).toMatch(/CSA -18/)
    const templated = await details(page, 'in-2')
    expect(templated.meta).not.toContain('Non classé')
    expect(templated.facts.find((fact) => fact.startsWith('Âge:'))).toMatch(/CSA -16/)
    await page.close()
  })

  it('an MRSS nonstop item is a Live TV channel, not a film; two guids alike for 120 characters are two titles; a "Film Director" directs', async () => {
    const { page, state, rails } = await homeRails('nonstop.rss', 'mrss')
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 2, skipped: 0 })
    const ids = [...new Set(rails.flatMap((rail) => rail.ids))]
    expect(ids).toHaveLength(2)
    expect(ids).not.toContain('live-escaut')
    const films = [await details(page, ids[0]!), await details(page, ids[1]!)]
    expect(films.map((film) => film.synopsis).sort()).toEqual(['Le premier.', 'Le second.'])
    // A credit role written as exports do: its director shown, not its director of photography.
    const directed = films.flatMap((film) => film.facts).filter((f) => f.startsWith('Réalisation'))
    expect(directed).toEqual(['Réalisation: Ann Meuse'])
    expect(await details(page, 'live-escaut')).toMatchObject({ screen: 'not-found' })
    await page.evaluate(() => (window.location.hash = '#live/live-escaut'))
    await waitPlayer(page, "p.id === 'live-escaut' && p.state === 'playing' && p.live", 30_000)
    await stopPlayback(page)
  })

  it('a category over tags written as one comma-separated string is a rail of those titles', async () => {
    const { page, state, rails } = await homeRails('tags.json')
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 3, skipped: 0 })
    expect(rails.map((rail) => [rail.label, rail.ids])).toEqual([['En famille', ['1001']]])
    await page.close()
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
