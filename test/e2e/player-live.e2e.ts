import type { Page } from 'playwright-core'
import { openApp, press, screenshot, snapshot, waitForApp, waitRoute } from './support/browser'
import { player, stopPlayback, waitPlayer } from './support/player'

// The channels are the live simulator's (scripts/lib/live-sim.mjs, served by the e2e app server
// from loops made at setup): nothing to start here.
describe('player: live channels', () => {
  let page: Page

  beforeAll(async () => {
    page = await openApp('#live/ardenne-1')
    await waitForApp(page)
  }, 60_000)

  it('plays a live channel from the live edge and shows LIVE', async () => {
    const state = await waitPlayer(page, "p.state === 'playing' && p.live && p.currentTime > 0")
    expect(state.id).toBe('ardenne-1')
    expect(state.liveEdge - state.currentTime).toBeLessThan(8)
    // The keys of a channel, not a film's "OK pause".
    expect(state.hint).toMatch(/^OK : chaînes/)
    const later = await waitPlayer(page, `p.currentTime > ${state.currentTime + 1.5}`)
    expect(later.error).toBeUndefined()
    await screenshot(page, 'player-live')
  })

  it('zaps with channel up and down', async () => {
    await press(page, 'PageUp')
    await waitRoute(page, 'live/ardenne-3')
    await waitPlayer(page, "p.id === 'ardenne-3' && p.state === 'playing' && p.live")
    await press(page, 'PageDown')
    await waitRoute(page, 'live/ardenne-1')
    await waitPlayer(page, "p.id === 'ardenne-1' && p.state === 'playing' && p.live")
  })

  it('the channel list is the catalogue one (static/catalogue/live.json): an id not in it says "not found"', async () => {
    const state = await player(page)
    expect(state.id).toBe('ardenne-1')
    const lost = await openApp('#live/nowhere-99')
    await waitForApp(lost)
    // The route waits for the channel list before it shows anything.
    await lost.waitForFunction(() => window.__belgica?.snapshot().page !== null)
    expect((await snapshot(lost)).page).toMatchObject({
      screen: 'not-found',
      path: 'live/nowhere-99',
    })
    page = await openApp('#live/ardenne-1')
    await waitForApp(page)
    await waitPlayer(page, "p.id === 'ardenne-1' && p.state === 'playing' && p.live")
  })

  it('a channel whose manifest is gone says the channel is not found, not a video; a number key tunes away from it', async () => {
    await waitPlayer(page, "p.id === 'ardenne-1' && p.state === 'playing' && p.live")
    await stopPlayback(page)
    // Both of its streams (DASH, then HLS as the fallback).
    const manifest = '**/live/ardenne-3/**'
    await page.route(manifest, (route) => route.fulfill({ status: 404, body: 'gone' }))
    try {
      await page.evaluate(() => (location.hash = '#live/ardenne-3'))
      // Read in the wait itself: the DASH stream's failure comes first and the HLS fallback then
      // loads, so a snapshot taken after the first match may already be past it.
      const failed = await waitPlayer(
        page,
        "p.id === 'ardenne-3' && p.state === 'error' && p.errorTitle === 'Ardenne 3 · La lecture a échoué' && /^Cette chaîne est introuvable sur le serveur/.test(p.errorMessage || '')",
      )
      expect(failed.id).toBe('ardenne-3')
      // A code for support, not the engine's English and the stream's address.
      await waitPlayer(page, "p.errorCodeLine === 'Code d’erreur : 2007'", 5000)
      // The message says to choose another channel: its number does, focus on the error's buttons.
      await press(page, 'Digit1')
      await waitRoute(page, 'live/ardenne-1')
      await waitPlayer(page, "p.id === 'ardenne-1' && p.state === 'playing' && p.live")
    } finally {
      await page.unroute(manifest)
    }
  }, 60_000)

  it('Back leaves the live channel and the app still navigates', async () => {
    await stopPlayback(page)
    await waitRoute(page, 'home')
    await press(page, 'ArrowRight')
    expect((await snapshot(page)).route).toBe('home')
  })

  it('Live TV on the home top bar tunes to the first channel of the list', async () => {
    await press(page, 'ArrowUp')
    await press(page, 'Enter')
    await waitRoute(page, 'live/ardenne-1')
    await waitPlayer(page, "p.id === 'ardenne-1' && p.state === 'playing' && p.live")
  })

  it('a broadcast that ends says so and goes back to where it was started from, not that the server stopped answering', async () => {
    await waitPlayer(page, "p.id === 'ardenne-1' && p.state === 'playing' && p.live")
    await stopPlayback(page)
    // The simulator ends this broadcast in a few seconds: its MPD then stays dynamic and gains
    // its mediaPresentationDuration, which leaves the element's duration infinite
    // (scripts/lib/live-sim.mjs, ?endsAt). Before the fix the playhead stood at the end until
    // the stall watchdog said the server no longer answered.
    const endsAt = Math.floor(Date.now() / 1000) + 8
    const manifest = '**/live/ardenne-1/manifest.mpd'
    await page.route(manifest, (route) =>
      route.continue({ url: `${route.request().url()}?endsAt=${endsAt}&endsAs=dynamic` }),
    )
    try {
      await page.evaluate(() => (location.hash = '#live/ardenne-1'))
      await waitPlayer(page, "p.id === 'ardenne-1' && p.state === 'playing' && p.live")
      await page.waitForFunction(
        () => {
          const s = window.__belgica?.snapshot()
          return s?.route === 'home' || (s?.page as { state?: string } | null)?.state === 'error'
        },
        null,
        { timeout: 45_000, polling: 100 },
      )
      const after = await snapshot(page)
      expect((after.page as { errorMessage?: string } | null)?.errorMessage).toBeUndefined()
      expect(after.route).toBe('home')
      expect(after.toast).toBe('Cette émission en direct est terminée.')
    } finally {
      await page.unroute(manifest)
    }
  }, 60_000)

  it('a catalogue title whose stream is a live event says, when the event ends, that the broadcast is over', async () => {
    page = await openApp('#home')
    await waitForApp(page)
    // The title's DASH manifest is the simulator's live event (absolute segment addresses, a
    // 3-hour window), ending in a few seconds and then static with its duration (DASH-IF IOP
    // 4.6.4). A title whose stream is a live window is joined at its live edge, as a channel is.
    const endsAt = Math.floor(Date.now() / 1000) + 8
    await page.route('**/media/streams/demo-c/manifest.mpd', async (route) => {
      const live = new URL(`/live/ardenne-1/manifest.mpd?endsAt=${endsAt}`, route.request().url())
      const response = await route.fetch({ url: live.toString() })
      const base = `<BaseURL>${new URL('/live/ardenne-1/', live).toString()}</BaseURL>`
      const body = (await response.text()).replace(/(<MPD[^>]*>)/, `$1${base}`)
      await route.fulfill({ response, body })
    })
    await page.evaluate(() => (location.hash = '#play/panique-au-village'))
    const joined = await waitPlayer(
      page,
      "p.id === 'panique-au-village' && p.state === 'playing' && p.live",
    )
    expect(joined.liveEdge - joined.currentTime).toBeLessThan(20)
    await waitRoute(page, 'home', 45_000)
    const after = await snapshot(page)
    expect((after.page as { errorMessage?: string } | null)?.errorMessage).toBeUndefined()
    expect(after.toast).toBe('Cette émission en direct est terminée.')
  }, 60_000)
})
