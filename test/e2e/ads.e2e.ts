/**
 * Ad breaks in Chromium with Shaka's own interstitials in the one <video>, against the sample ad
 * server the app server mounts at /ads/ (scripts/lib/ad-server.mjs): the embedded catalogue's
 * "Le vent dans les roseaux" has a VMAP with a skippable pre-roll pod of two and a mid-roll at
 * 20 s; "Dikkenek" has breaks at 0 and 30 s asking the operator's tag (settings ads.tagUrl).
 */
import type { Page } from 'playwright-core'
import {
  appBaseUrl,
  consoleErrors,
  openApp,
  press,
  pressCode,
  rewriteBody,
  routeAppSettings,
  screenshot,
  snapshot,
  unrouteAppSettings,
  waitForApp,
  waitRoute,
} from './support/browser'
import { player, stopPlayback, waitPlayer } from './support/player'

/** The remote's Info key (browser keymap). */
const INFO = 457

interface Beacon {
  event: string
  ad: string | null
  query: Record<string, string>
}

const beacons = async (): Promise<Beacon[]> =>
  (await (await fetch(`${appBaseUrl()}ads/beacons`)).json()) as Beacon[]
const clearBeacons = () => fetch(`${appBaseUrl()}ads/beacons`, { method: 'DELETE' })

/** Beacons travel on their own (fire and forget): waits until `test` holds for the recorded ones. */
async function waitBeacons(test: (got: Beacon[]) => boolean, timeoutMs = 5000): Promise<Beacon[]> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const got = await beacons()
    if (test(got) || Date.now() > until) return got
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function play(page: Page, id: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + `#details/${id}`)
  await waitForApp(page)
  await press(page, 'Enter')
  await page.waitForFunction(() => window.__belgica?.snapshot().route.startsWith('play/'))
}

/** Dikkenek (breaks at 0 and 30 s, each asking the operator's tag) played with `ads` as settings. */
async function playDikkenekWith(ads: Record<string, unknown>): Promise<Page> {
  await routeAppSettings((settings) => {
    settings.ads = ads
  })
  const page = await openApp()
  await waitForApp(page)
  await clearBeacons()
  await play(page, 'dikkenek')
  return page
}

describe('ads: VMAP breaks through Shaka interstitials', () => {
  let page: Page

  beforeAll(async () => {
    page = await openApp()
    await waitForApp(page)
  })
  beforeEach(() => clearBeacons())
  afterEach(async () => {
    if ((await snapshot(page)).route.startsWith('play/')) await stopPlayback(page)
  })

  it('plays the pre-roll pod first ("1 sur 2"), then the content from its start', async () => {
    await play(page, 'le-vent-dans-les-roseaux')
    const ad = await waitPlayer(page, "p.mode === 'ad' && p.ad && p.ad.count === 2", 15_000)
    expect(ad.ad?.index).toBe(1)
    expect(ad.adText?.heading).toMatch(/^Publicité · 1 sur 2 · \d:\d\d$/)
    // The mid-roll is marked once its tag has answered with ads (asked after the content loads).
    expect((await waitPlayer(page, 'p.adMarkers.length > 0', 15_000)).adMarkers).toEqual([20])
    await screenshot(page, 'ads-preroll')
    const second = await waitPlayer(page, "p.mode === 'ad' && p.ad.index === 2", 25_000)
    expect(second.adText?.heading).toMatch(/^Publicité · 2 sur 2/)
    const content = await waitPlayer(
      page,
      "p.mode === 'content' && p.state === 'playing' && p.currentTime > 0.5",
      25_000,
    )
    expect(content.currentTime).toBeLessThan(10)
    // The progress bar follows the content from its start, not from the ads' time.
    const moved = await waitPlayer(page, "p.mode === 'content' && p.currentTime > 3", 10_000)
    // The content Shaka loads again after the break keeps the household's "no subtitles".
    expect(moved.textLanguage).toBeNull()
    expect(
      await page.evaluate(() =>
        [...(document.querySelector('video')?.textTracks ?? [])].some((t) => t.mode === 'showing'),
      ),
    ).toBe(false)
    await press(page, 'ArrowUp')
    const shown = (await player(page)).progressElapsed
    const [minutes, seconds] = shown.split(':').map(Number)
    expect(Math.abs(minutes! * 60 + seconds! - moved.currentTime)).toBeLessThan(3)
    const got = await waitBeacons((all) => all.filter((b) => b.event === 'complete').length >= 2)
    for (const ad of ['pub-frites', 'pub-velo']) {
      for (const event of ['impression', 'start', 'firstQuartile', 'midpoint', 'complete']) {
        expect(got.filter((b) => b.ad === ad && b.event === event)).toHaveLength(1)
      }
    }
    // Ads that played to their end were not closed by the household.
    expect(got.filter((b) => b.event === 'closeLinear')).toEqual([])
    // Shaka sends the URLs as written; the app filled the macros.
    const impression = got.find((b) => b.event === 'impression')!
    expect(impression.query.cb).toMatch(/^\d{8}$/)
    expect(impression.query.ts).toMatch(/^\d{4}-\d\d-\d\dT/)
    // The VMAP break's own tracking (VMAP 1.0.1): its start and its end, once each, macros filled.
    const ended = (b: Beacon) => b.ad === 'preroll' && b.event === 'breakEnd'
    const preroll = (await waitBeacons((all) => all.some(ended))).filter((b) => b.ad === 'preroll')
    expect(preroll.map((b) => [b.event, b.query.bp])).toEqual([
      ['breakStart', '1'],
      ['breakEnd', '1'],
    ])
    expect(preroll[0]!.query.cb).toMatch(/^\d{8}$/)
  })

  it('a skippable ad says "Passer dans N s", then "Passer", and OK skips it', async () => {
    await play(page, 'le-vent-dans-les-roseaux')
    const counting = await waitPlayer(page, "p.mode === 'ad' && p.ad.index === 1", 15_000)
    expect(counting.adText?.skip).toMatch(/^Passer dans \d s$/)
    // Play/Pause pauses the ad and plays it on: each reported once, to the ad's own URLs.
    // Well into the ad, so the key does not land between its load and its first frames.
    await waitPlayer(
      page,
      "p.mode === 'ad' && p.state === 'playing' && p.currentTime > 0.5",
      10_000,
    )
    await press(page, 'Space')
    const pausedAd = await waitPlayer(page, "p.state === 'paused'")
    // The badge replaces the overlay during an ad: it says the ad is paused.
    expect(pausedAd.adText?.heading).toMatch(/ · En pause$/)
    await press(page, 'Space')
    const playingAd = await waitPlayer(page, "p.state === 'playing'")
    expect(playingAd.adText?.heading).not.toMatch(/En pause/)
    const paused = await waitBeacons((got) => got.some((b) => b.event === 'resume'))
    expect(
      paused.filter((b) => b.event === 'pause' || b.event === 'resume').map((b) => b.event),
    ).toEqual(['pause', 'resume'])
    expect(paused.find((b) => b.event === 'pause')?.ad).toBe('pub-frites')
    await waitPlayer(page, "p.mode === 'ad' && p.adText.skip === 'Passer'", 10_000)
    await press(page, 'Enter')
    await waitPlayer(page, "p.mode === 'ad' && p.ad.index === 2", 5_000)
    const skipped = (await waitBeacons((got) => got.some((b) => b.event === 'skip'))).filter(
      (b) => b.event === 'skip',
    )
    expect(skipped.map((b) => b.ad)).toEqual(['pub-frites'])
  })

  it('seeking past the unwatched mid-roll plays it first, then resumes at the target', async () => {
    await play(page, 'le-vent-dans-les-roseaux')
    await waitPlayer(page, "p.mode === 'ad'", 15_000)
    // Skip both pre-roll ads as soon as allowed.
    for (let i = 0; i < 2; i++) {
      await waitPlayer(page, "p.mode !== 'ad' || p.adText.skip === 'Passer'", 15_000)
      if ((await player(page)).mode === 'ad') await press(page, 'Enter')
    }
    await waitPlayer(page, "p.mode === 'content' && p.state === 'playing'", 20_000)
    for (let i = 0; i < 3; i++) await press(page, 'ArrowRight')
    const target = (await player(page)).seekTarget ?? 0
    expect(target).toBeGreaterThan(25)
    const mid = await waitPlayer(page, "p.mode === 'ad'", 15_000)
    expect(mid.adText?.heading).toMatch(/^Publicité · 1 sur 1/)
    // The ad from its first second, not from as far into it as the seek went past the break.
    const shown = await waitPlayer(page, "p.mode === 'ad' && p.currentTime > 0", 15_000)
    expect(shown.currentTime).toBeLessThan(2)
    const impression = (b: Beacon) => b.ad === 'pub-chocolat' && b.event === 'impression'
    expect((await waitBeacons((got) => got.some(impression))).filter(impression)).toHaveLength(1)
    // Back to the content exactly where the seek went (not moved on by the ad's 8 s).
    // The element is reloaded with the content after the ad: for a moment it reports 0 before the
    // saved position applies, so the check waits for the position the household then sees.
    const after = await waitPlayer(
      page,
      "p.mode === 'content' && p.state === 'playing' && p.currentTime > 0",
      30_000,
    )
    expect(after.currentTime).toBeGreaterThan(target - 1)
    expect(after.currentTime).toBeLessThan(target + 4)
    // Back before the watched break, and left there (afterEach): the next test resumes there.
    for (let i = 0; i < 3 && ((await player(page)).seekTarget ?? Infinity) >= 18; i++)
      await press(page, 'ArrowLeft')
    const before = await waitPlayer(
      page,
      "p.mode === 'content' && p.state === 'playing' && p.currentTime > 11 && p.currentTime < 19",
      15_000,
    )
    expect(before.mode).toBe('content')
  })

  it('resumed before the mid-roll it watched (the test above left it there): the pre-roll, then the content where it stopped, without the mid-roll again', async () => {
    await play(page, 'le-vent-dans-les-roseaux')
    await waitPlayer(page, "p.mode === 'ad'", 15_000)
    for (let i = 0; i < 2; i++) {
      await waitPlayer(page, "p.mode !== 'ad' || p.adText.skip === 'Passer'", 15_000)
      if ((await player(page)).mode === 'ad') await press(page, 'Enter')
    }
    const resumed = await waitPlayer(
      page,
      "p.mode === 'content' && p.state === 'playing' && p.currentTime > 0",
      20_000,
    )
    expect(resumed.currentTime).toBeLessThan(20)
    const content = await waitPlayer(
      page,
      "p.mode === 'content' && p.state === 'playing' && p.currentTime > 21",
      20_000,
    )
    expect(content.adMarkers).toEqual([])
    // Long enough for Shaka to have started a break it still held before the resume point.
    await page.waitForTimeout(3000)
    expect((await player(page)).mode).toBe('content')
    const got = await beacons()
    expect(got.filter((b) => b.ad === 'pub-chocolat')).toEqual([])
    expect(got.some((b) => b.ad === 'preroll' && b.event === 'breakStart')).toBe(true)
  })

  it('Info during an ad says why this ad over the picture; Back closes it, then leaves as from the content', async () => {
    await play(page, 'le-vent-dans-les-roseaux')
    await waitPlayer(page, "p.mode === 'ad'", 15_000)
    await pressCode(page, INFO)
    const why = await waitPlayer(page, "p.mode === 'ad' && p.adWhy !== null", 5_000)
    // The e2e profile refused personalised advertising: the panel says nothing is used.
    expect(why.adWhy).toMatch(/ne sont pas personnalisées/)
    await screenshot(page, 'ad-why')
    await press(page, 'Backspace')
    const closed = await waitPlayer(page, 'p.adWhy === null', 5_000)
    expect((await snapshot(page)).route).toBe('play/le-vent-dans-les-roseaux')
    expect(closed.mode).toBe('ad')
    await press(page, 'Backspace')
    await waitRoute(page, 'details/le-vent-dans-les-roseaux')
  })

  it("a post-roll plays at the content's end, then the title is left as at any end", async () => {
    // "Demain"'s VMAP asked for a post-roll only: the content from its start, no pre- or mid-roll.
    const onlyPost = `${appBaseUrl()}ads/vmap?post=pub-chocolat`
    await page.route(/\/ads\/vmap\?pre=pub-velo&mid=30/, (route) =>
      route.continue({ url: onlyPost }),
    )
    try {
      await play(page, 'demain')
      await waitPlayer(page, "p.mode === 'content' && p.state === 'playing'", 20_000)
      for (let i = 0; i < 5; i++) await press(page, 'ArrowRight')
      const post = await waitPlayer(page, "p.mode === 'ad'", 30_000)
      expect(post.adText?.heading).toMatch(/^Publicité · 1 sur 1/)
      // Still the title's player while the post-roll plays, not its details.
      expect((await snapshot(page)).route).toBe('play/demain')
      await waitRoute(page, 'details/demain', 30_000)
      const got = await waitBeacons((all) => all.some((b) => b.event === 'complete'))
      for (const event of ['impression', 'start', 'complete'])
        expect(got.filter((b) => b.ad === 'pub-chocolat' && b.event === event)).toHaveLength(1)
    } finally {
      await page.unroute(/\/ads\/vmap\?pre=pub-velo&mid=30/)
    }
  })

  it('a break with repeatAfter plays again that often, each with its own break beacons', async () => {
    // "Demain" (60 s): a mid-roll at 3 s repeated every 12 s (VMAP repeatAfter): 3, 15, 27, 39, 51 s.
    const repeated = `${appBaseUrl()}ads/vmap?mid=3:pub-velo:12&skip=1`
    await page.route(/\/ads\/vmap\?pre=pub-velo&mid=30/, (route) =>
      route.continue({ url: repeated }),
    )
    try {
      await play(page, 'demain')
      const content = await waitPlayer(
        page,
        "p.mode === 'content' && p.adMarkers.length > 0",
        20_000,
      )
      expect(content.adMarkers).toEqual([3, 15, 27, 39, 51])
      await waitPlayer(page, "p.mode === 'ad' && p.adText.skip === 'Passer'", 20_000)
      await press(page, 'Enter')
      await waitPlayer(page, "p.mode === 'content' && p.adMarkers.length === 4", 20_000)
      // The second one comes back by itself at 15 s.
      await waitPlayer(page, "p.mode === 'ad'", 30_000)
      const got = await waitBeacons(
        (all) => all.filter((b) => b.ad === 'midroll-1' && b.event === 'breakStart').length === 2,
      )
      expect(
        got.filter((b) => b.ad === 'midroll-1' && b.event === 'breakStart').map((b) => b.query.bp),
      ).toEqual(['2', '2'])
      await stopPlayback(page)
    } finally {
      await page.unroute(/\/ads\/vmap\?pre=pub-velo&mid=30/)
    }
  })

  it("a break whose only ad's file is missing reports the break's error (401), then its end", async () => {
    const failing = `${appBaseUrl()}ads/vmap?pre=pub-velo&fault=media404`
    await page.route(/\/ads\/vmap\?pre=pub-velo&mid=30/, (route) =>
      route.continue({ url: failing }),
    )
    try {
      await play(page, 'demain')
      await waitPlayer(page, "p.mode === 'content' && p.state === 'playing'", 20_000)
      const ended = (b: Beacon) => b.ad === 'preroll' && b.event === 'error'
      const got = await waitBeacons((all) => all.some(ended), 10_000)
      expect(
        got.filter((b) => b.ad === 'preroll').map((b) => [b.event, b.query.code ?? null]),
      ).toEqual([
        ['breakStart', null],
        // The 401 is known once the server has said the file is missing, after Shaka's break end.
        ['breakEnd', null],
        ['error', '401'],
      ])
      await stopPlayback(page)
    } finally {
      await page.unroute(/\/ads\/vmap\?pre=pub-velo&mid=30/)
    }
  })

  it('a post-roll after a pre-roll also ends the title, then its details', async () => {
    const preAndPost = `${appBaseUrl()}ads/vmap?pre=pub-velo&post=pub-chocolat&skip=1`
    await page.route(/\/ads\/vmap\?pre=pub-velo&mid=30/, (route) =>
      route.continue({ url: preAndPost }),
    )
    try {
      await play(page, 'demain')
      await waitPlayer(page, "p.mode === 'ad' && p.adText.skip === 'Passer'", 20_000)
      await press(page, 'Enter')
      await waitPlayer(page, "p.mode === 'content' && p.state === 'playing'", 20_000)
      for (let i = 0; i < 5; i++) await press(page, 'ArrowRight')
      await waitPlayer(page, "p.mode === 'ad'", 30_000)
      await waitRoute(page, 'details/demain', 40_000)
      const got = await waitBeacons((all) => all.some((b) => b.event === 'complete'))
      expect(got.filter((b) => b.ad === 'pub-chocolat' && b.event === 'complete')).toHaveLength(1)
    } finally {
      await page.unroute(/\/ads\/vmap\?pre=pub-velo&mid=30/)
    }
  })

  it('leaving during the pre-roll stops the ad without an uncaught error, and reports its closeLinear', async () => {
    await play(page, 'le-vent-dans-les-roseaux')
    await waitPlayer(page, "p.mode === 'ad' && p.currentTime > 0.5", 15_000)
    // Only an ad that showed is closed: its impression says so. The element's time alone can be
    // the content's before the break takes the element, on a loaded machine (the CI of stop 48).
    const shown = (b: Beacon) => b.ad === 'pub-frites' && b.event === 'impression'
    expect((await waitBeacons((all) => all.some(shown), 15_000)).filter(shown)).toHaveLength(1)
    const before = consoleErrors(page).length
    await press(page, 'Backspace')
    await waitRoute(page, 'details/le-vent-dans-les-roseaux')
    // The household closed the ad on screen (VAST closeLinear): once, that ad's, not complete.
    const got = await waitBeacons((all) => all.some((b) => b.event === 'closeLinear'))
    expect(got.filter((b) => b.event === 'closeLinear').map((b) => b.ad)).toEqual(['pub-frites'])
    expect(got.filter((b) => b.event === 'complete')).toEqual([])
    await page.waitForTimeout(1500)
    expect(
      consoleErrors(page)
        .slice(before)
        .filter((e) => e.startsWith('uncaught')),
    ).toEqual([])
    expect(await page.evaluate(() => document.querySelector('video')?.paused ?? true)).toBe(true)
  })
})

describe('ads: failures never block the content', () => {
  let page: Page

  beforeAll(async () => {
    page = await openApp()
    await waitForApp(page)
  })
  afterEach(async () => {
    if ((await snapshot(page)).route.startsWith('play/')) await stopPlayback(page)
    await unrouteAppSettings()
  })

  it('a title whose video is a progressive MP4 plays its breaks, and its film comes back after each where it stopped', async () => {
    page = await openApp()
    await rewriteBody(page, '**/static/catalogue/titles.json', (body) => {
      const catalogue = JSON.parse(body) as { titles: { id: string; stream: unknown }[] }
      const title = catalogue.titles.find((t) => t.id === 'le-vent-dans-les-roseaux')!
      title.stream = { mp4: 'media/streams/demo-mp4/video.mp4' }
      return JSON.stringify(catalogue)
    })
    await page.reload()
    await waitForApp(page)
    await clearBeacons()
    await play(page, 'le-vent-dans-les-roseaux')
    // Its VMAP has a pre-roll pod and a mid-roll at 20 s; the film is 30 s long.
    await waitPlayer(page, "p.mode === 'ad' && p.ad && p.ad.count === 2", 15_000)
    const film = await waitPlayer(
      page,
      "p.mode === 'content' && p.state === 'playing' && p.currentTime > 1",
      40_000,
    )
    expect(film.url).toMatch(/demo-mp4\/video\.mp4$/)
    expect(film.currentTime).toBeLessThan(10)
    expect(film.duration).toBeCloseTo(30, 0)
    await waitPlayer(page, "p.mode === 'ad'", 30_000)
    // Back from the mid-roll at 20 s: the film again, from where it stopped, not from its start.
    const after = await waitPlayer(
      page,
      "p.mode === 'content' && p.state === 'playing' && p.currentTime > 20.5",
      30_000,
    )
    expect(after.url).toMatch(/demo-mp4\/video\.mp4$/)
    expect(after.currentTime).toBeLessThan(26)
    const started = await waitBeacons((all) => all.filter((b) => b.event === 'start').length >= 3)
    expect(started.filter((b) => b.event === 'start').length).toBeGreaterThanOrEqual(3)
    await page.unroute('**/static/catalogue/titles.json')
  }, 150_000)

  it('an ad tag that hangs is given up after the timeout and the content starts', async () => {
    await routeAppSettings((settings) => {
      settings.ads = { tagUrl: 'ads/vast?fault=slow&delayMs=10000', timeoutMs: 1000 }
    })
    page = await openApp()
    await waitForApp(page)
    const started = Date.now()
    await play(page, 'dikkenek')
    await waitPlayer(
      page,
      "p.mode === 'content' && p.state === 'playing' && p.currentTime > 0",
      15_000,
    )
    expect(Date.now() - started).toBeLessThan(8000)
    expect((await player(page)).ad).toBeNull()
  })

  it('an ad whose media is not a video is skipped and the content starts', async () => {
    page = await playDikkenekWith({ tagUrl: 'ads/vast?fault=unplayable' })
    await waitPlayer(
      page,
      "p.mode === 'content' && p.state === 'playing' && p.currentTime > 0",
      20_000,
    )
    expect((await player(page)).errorCode).toBeUndefined()
    // Its error is reported, and no impression: it never showed.
    const got = await waitBeacons((all) => all.some((b) => b.event === 'error'))
    expect(got.filter((b) => b.event === 'error').map((b) => b.query.code)).toContain('405')
    expect(got.filter((b) => b.event === 'impression' || b.event === 'start')).toEqual([])
  })

  it.each([
    ['media404', '401', 'a creative the server does not have'],
    ['mediahang', '402', 'a creative whose host never answers'],
  ])('%s: %s reported for %s, and the content starts', async (fault, code) => {
    await routeAppSettings((settings) => {
      settings.ads = { tagUrl: `ads/vast?fault=${fault}`, timeoutMs: 1000 }
    })
    page = await openApp()
    await waitForApp(page)
    await clearBeacons()
    const errorsBefore = consoleErrors(page).length
    await play(page, 'dikkenek')
    await waitPlayer(
      page,
      "p.mode === 'content' && p.state === 'playing' && p.currentTime > 0",
      20_000,
    )
    const got = await waitBeacons((all) => all.some((b) => b.event === 'error'), 10_000)
    expect(got.filter((b) => b.event === 'error').map((b) => b.query.code)).toEqual([code])
    expect(got.filter((b) => b.event === 'impression' || b.event === 'start')).toEqual([])
    expect(
      consoleErrors(page)
        .slice(errorsBefore)
        .filter((line) => line.startsWith('uncaught')),
    ).toEqual([])
  })

  it("an ad buffet whose ad networks have no fill or are down plays the server's own stand-alone ad", async () => {
    page = await playDikkenekWith({ tagUrl: 'ads/waterfall?ads=pub-velo', timeoutMs: 3000 })
    await waitPlayer(page, "p.mode === 'ad' && p.state === 'playing'", 20_000)
    const got = await waitBeacons(
      (all) => all.some((b) => b.ad === 'pub-velo' && b.event === 'start'),
      10_000,
    )
    // Each network's wrapper hears why it was passed over: no ad (303), no answer (301); once for
    // the pre-roll and once for the mid-roll at 30 s, asked at once as it is within 30 s.
    const errors = got.filter((b) => b.event === 'error').map((b) => `${b.ad} ${b.query.code}`)
    expect([...new Set(errors)].sort()).toEqual([
      'none 303',
      'wrapper-dead 301',
      'wrapper-nofill 303',
    ])
  })

  it('a pod whose first creative never answers gives it up (402), then plays the next ad', async () => {
    page = await playDikkenekWith({
      tagUrl: 'ads/vast?ads=pub-frites,pub-velo&fault=firsthang',
      timeoutMs: 1000,
    })
    const got = await waitBeacons(
      (all) => all.some((b) => b.ad === 'pub-velo' && b.event === 'start'),
      20_000,
    )
    // The element's error as it drops the hung file is the hung ad's, not the next one's.
    expect(got.filter((b) => b.event === 'error').map((b) => [b.ad, b.query.code])).toEqual([
      ['pub-frites', '402'],
    ])
    const second = await waitPlayer(page, "p.mode === 'ad' && p.currentTime > 1", 10_000)
    // The counter counts the ads seen: the given-up one is not.
    expect(second.ad).toMatchObject({ index: 1, count: 1 })
  })

  it('an ad whose file stops half-way is given up after a few seconds still (402), and the content plays from where it was', async () => {
    // The server sends the first half of the creative, then holds the connection open, silent.
    page = await playDikkenekWith({ tagUrl: 'ads/vast?ads=pub-velo&fault=midstall' })
    await waitPlayer(page, "p.mode === 'ad' && p.currentTime > 1", 15_000)
    // The ad's time is followed until the content plays again: how long the picture stood still.
    let adTime = -1
    let stillSince = Date.now()
    let back: number | undefined
    for (const until = Date.now() + 45_000; back === undefined && Date.now() < until;) {
      const p = await player(page)
      if (p.mode === 'ad' && p.currentTime !== adTime) {
        adTime = p.currentTime
        stillSince = Date.now()
      } else if (p.mode === 'content' && p.state === 'playing' && p.currentTime > 0)
        back = Date.now()
      else await page.waitForTimeout(200)
    }
    expect(back).toBeDefined()
    expect(back! - stillSince).toBeLessThan(12_000)
    // The pre-roll's content from its start, and moving.
    const content = await player(page)
    expect(content.currentTime).toBeLessThan(5)
    await waitPlayer(
      page,
      `p.mode === 'content' && p.state === 'playing' && p.currentTime > ${content.currentTime + 1}`,
      10_000,
    )
    const got = await waitBeacons((all) => all.some((b) => b.event === 'error'))
    expect(got.filter((b) => b.event === 'error').map((b) => [b.ad, b.query.code])).toEqual([
      ['pub-velo', '402'],
    ])
    // It was seen before it stopped, and did not complete.
    expect(got.filter((b) => b.event === 'impression').map((b) => b.ad)).toEqual(['pub-velo'])
    expect(got.filter((b) => b.event === 'complete')).toEqual([])
  }, 90_000)

  it('an ad listing an HEVC rendition first plays its H.264 one', async () => {
    page = await playDikkenekWith({
      tagUrl: 'ads/vast?ads=pub-velo&fault=hevcfirst',
      timeoutMs: 2000,
    })
    const ad = await waitPlayer(page, "p.mode === 'ad' && p.currentTime > 0.5", 15_000)
    expect(ad.ad).toMatchObject({ index: 1, count: 1 })
    const got = await waitBeacons((all) => all.some((b) => b.event === 'start'))
    expect(got.filter((b) => b.event === 'error')).toEqual([])
  })

  it('an ad from a host without byte ranges plays to its end, reports every quartile, and the content starts', async () => {
    page = await playDikkenekWith({ tagUrl: 'ads/vast?ads=pub-velo&fault=norange' })
    await waitPlayer(page, "p.mode === 'ad' && p.currentTime > 0", 15_000)
    // Its 6 s, then the content (Shaka alone left it on its last frame, paused, for good).
    await waitPlayer(
      page,
      "p.mode === 'content' && p.state === 'playing' && p.currentTime > 0",
      30_000,
    )
    const got = await waitBeacons((all) => all.some((b) => b.event === 'complete'))
    for (const event of [
      'impression',
      'start',
      'firstQuartile',
      'midpoint',
      'thirdQuartile',
      'complete',
    ])
      expect(got.filter((b) => b.ad === 'pub-velo' && b.event === event)).toHaveLength(1)
    expect(got.filter((b) => b.event === 'error')).toEqual([])
  })

  it('a video ad whose picture cannot be decoded is ended as failed (405), not counted seen or complete', async () => {
    page = await playDikkenekWith({ tagUrl: 'ads/vast?ads=pub-sans-image,pub-velo' })
    // Its 8 s are not sat through on a black screen: the next ad of the pod comes at once.
    const failed = await waitBeacons((all) => all.some((b) => b.event === 'error'), 10_000)
    expect(failed.filter((b) => b.event === 'error').map((b) => [b.ad, b.query.code])).toEqual([
      ['pub-sans-image', '405'],
    ])
    await waitBeacons((all) => all.some((b) => b.event === 'start' && b.ad === 'pub-velo'))
    expect((await player(page)).ad).toMatchObject({ index: 1, count: 1 })
    const all = await waitBeacons(() => true)
    // It never showed a frame: no impression or start either (VAST 4: the impression is the first
    // frame), though its sound played.
    expect(
      all.filter((b) => b.ad === 'pub-sans-image' && b.event !== 'error').map((b) => b.event),
    ).toEqual([])
  })
})
