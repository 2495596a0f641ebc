/**
 * The programme guide and zapping in Chromium, over the embedded guide (static/guide/schedule.json
 * expanded against the clock) and the live simulator the e2e server runs: the guide from the home
 * top bar, moving through time and channels, a live programme, its restart (Shaka's position goes
 * back by as long as the programme has been on), the replay of a past programme and the message
 * where replay is refused, digit zapping and an unknown number.
 */
import type { Page } from 'playwright-core'
import type { DiagnosticsSnapshot } from '../../src/screens/Diagnostics'
import type { GuideSnapshot } from '../../src/screens/Guide'
import type { HomeSnapshot } from '../../src/screens/Home/Home'
import type { PlayerSnapshot } from '../../src/screens/Player'
import {
  fetchOnce,
  browserContext,
  E2E_PINS,
  openApp,
  press,
  pressCode,
  routeAppSettings,
  screenshot,
  snapshot,
  useTimezone,
  waitForApp,
  zoneNearNoon,
  waitRoute,
} from './support/browser'
import { player, waitPlayer } from './support/player'

/** OIPF codes of the remote's keys a keyboard has not (browser keymap). */
const RED = 403
const GREEN = 404
const INFO = 457
const GUIDE = 458

const guide = async (page: Page): Promise<GuideSnapshot> =>
  (await snapshot(page)).page as GuideSnapshot

async function waitGuide(page: Page, test = 'true'): Promise<GuideSnapshot> {
  await page.waitForFunction(
    `(() => { const g = window.__belgica?.snapshot().page; return Boolean(g && g.screen === 'guide' && g.status === 'ready' && (${test})) })()`,
    null,
    { timeout: 20_000, polling: 50 },
  )
  return guide(page)
}

/**
 * A programme rated for adults (or not rated) asks the parental PIN: the household gives it.
 * The route changes before the guide has said what is on air, so this first waits for the gate's
 * answer: the PIN asked, or the channel of the route started (a zap leaves the previous one
 * playing until then). Reading too early missed a PIN asked a moment later, and the next Back
 * cancelled it.
 */
async function unlockIfAsked(page: Page): Promise<void> {
  const decided = () =>
    page.waitForFunction(
      () => {
        const s = window.__belgica?.snapshot() as unknown as
          | {
              route: string
              pin: { kind: string } | null
              page: { screen: string; state?: string; id?: string } | null
            }
          | undefined
        if (!s) return false
        if (s.pin?.kind === 'parental') return true
        const p = s.page
        const channel = s.route.startsWith('live/') ? s.route.slice('live/'.length) : null
        if (channel !== null && p?.id !== channel) return false
        return p?.screen === 'player' && p.state !== 'ended' && p.state !== 'idle'
      },
      null,
      { polling: 50 },
    )
  await decided()
  const s = await snapshot(page)
  if ((s as unknown as { pin: { kind: string } | null }).pin?.kind !== 'parental') return
  for (const digit of E2E_PINS.parental) await press(page, digit)
  // The PIN is checked asynchronously: playback (and its banner) starts a moment later.
  await page.waitForFunction(
    () => !(window.__belgica?.snapshot() as unknown as { pin: unknown }).pin,
  )
  await decided()
}

async function waitLive(page: Page, id: string): Promise<PlayerSnapshot> {
  await waitRoute(page, `live/${id}`)
  await unlockIfAsked(page)
  return waitPlayer(
    page,
    `p.id === '${id}' && p.state === 'playing' && p.live && p.currentTime > 0`,
  )
}

interface ScheduleFile {
  shows: Record<string, { restart?: boolean; replay?: boolean }>
  channels: Record<string, unknown>
}

/**
 * The embedded schedule with every channel but Brabant Club (which refuses replay as a channel)
 * made of half-hour programmes that may be restarted and replayed. The real template has night
 * hours with neither, and these tests run at any hour. Channels start their slots 10 minutes apart,
 * so some programme on air has always been on long enough for a restart to go visibly back.
 */
function restartableAllDay(schedule: ScheduleFile): ScheduleFile {
  const open = Object.keys(schedule.shows).filter(
    (id) => schedule.shows[id]!.restart && schedule.shows[id]!.replay,
  )
  const channels = Object.keys(schedule.channels).map((id, n) => {
    if (id === 'brabant-club') return [id, schedule.channels[id]]
    const offset = (n % 3) * 10
    const slots = Array.from({ length: 48 }, (_, i) => {
      const minutes = i * 30 + offset
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
      return [time, open[(i + n) % open.length]]
    })
    return [id, { daily: slots }]
  })
  // The extra channel (numbered 40) shows a film for adults all day: it asks the parental PIN.
  const adults = { ...schedule.shows[open[0]!], title: { fr: 'Nuit blanche' } }
  const shows = {
    ...schedule.shows,
    adults: { ...adults, ratings: [{ system: 'CSA', value: '18' }] },
  }
  channels.push(['extra-40', { daily: [['00:00', 'adults']] }])
  return { ...schedule, shows, channels: Object.fromEntries(channels) }
}

describe('guide and zapping', () => {
  let page: Page

  beforeAll(async () => {
    // Days are named ("Demain") against the page's clock: a run near midnight would see them change.
    // The app reads it in the box's zone here, which the browser puts near noon.
    useTimezone(zoneNearNoon())
    await routeAppSettings((settings) => {
      settings.clock = { zone: 'box' }
    })
    // One more channel, numbered 40, so that typing 4 waits for a second digit (4 or 40-49).
    const context = await browserContext()
    await context.route('**/catalogue/live.json', async (route) => {
      const response = await fetchOnce(route)
      const list = (await response.json()) as { channels: { id: string; number: number }[] }
      const first = list.channels[0]!
      list.channels.push({ ...first, id: 'extra-40', number: 40 })
      await route.fulfill({ response, json: list })
    })
    await context.route('**/guide/schedule.json', async (route) => {
      const response = await fetchOnce(route)
      await route.fulfill({ response, json: restartableAllDay(await response.json()) })
    })
    page = await openApp('#home')
    await waitForApp(page)
  }, 60_000)

  it('opens from the home top bar on the programme on air of the first channel', async () => {
    await press(page, 'ArrowUp')
    for (let i = 0; i < 6; i++) {
      const home = (await snapshot(page)).page as HomeSnapshot
      if (home.topBar === 'guide') break
      await press(page, 'ArrowRight')
    }
    expect(((await snapshot(page)).page as HomeSnapshot).topBar).toBe('guide')
    await press(page, 'Enter')
    const g = await waitGuide(page, 'g.focused !== null')
    const now = Date.now()
    expect((await snapshot(page)).route).toBe('guide')
    expect(g.channelId).toBe('ardenne-1')
    expect(g.focused!.start).toBeLessThanOrEqual(now)
    expect(g.focused!.end).toBeGreaterThan(now)
    expect(g.details.status).toMatch(/^En direct/)
    expect(g.renderedRows).toBe(10)
    await screenshot(page, 'guide')
  })

  it('moves through time with Left/Right and through channels at the same time with Up/Down', async () => {
    const onAir = await guide(page)
    await press(page, 'ArrowRight')
    let g = await waitGuide(page, 'g.focused !== null')
    expect(g.focused!.start).toBe(onAir.focused!.end)
    expect(g.details.status).toMatch(/^Commence/)
    await press(page, 'ArrowDown')
    g = await guide(page)
    expect(g.channelId).toBe('ardenne-3')
    await waitGuide(page, 'g.focused !== null')
    const below = (await guide(page)).focused!
    expect(below.start).toBeLessThanOrEqual(g.focusTime)
    expect(below.end).toBeGreaterThan(g.focusTime)
    // A day ahead and back (Green, Red), then back up to now on the first channel.
    await pressCode(page, 404)
    expect((await waitGuide(page)).day).toBe('Demain')
    await pressCode(page, RED)
    expect((await waitGuide(page)).day).toBe('Aujourd’hui')
    await press(page, 'ArrowUp')
    await press(page, 'ArrowLeft')
    g = await waitGuide(page, 'g.focused !== null')
    expect(g.focused!.id).toBe(onAir.focused!.id)
  })

  it('Blue opens the day strip, OK goes to the chosen day, Yellow comes back to what is on air', async () => {
    const onAir = await guide(page)
    await pressCode(page, 406)
    let g = await guide(page)
    expect(g.dayPicker.open).toBe(true)
    expect(g.dayPicker.focused).toBe('day-0')
    expect(g.dayPicker.days.some((day) => day.startsWith('Aujourd’hui'))).toBe(true)
    await screenshot(page, 'guide-days')
    await press(page, 'ArrowLeft')
    await press(page, 'ArrowLeft')
    await press(page, 'Enter')
    g = await waitGuide(page, 'g.focused !== null && !g.dayPicker.open')
    expect(g.day).not.toBe('Aujourd’hui')
    expect(Math.round((onAir.focusTime - g.focusTime) / 86_400_000)).toBe(2)
    expect(g.focused!.end).toBeLessThan(Date.now())
    await pressCode(page, 405)
    g = await waitGuide(page, 'g.focused !== null')
    const now = Date.now()
    expect(g.day).toBe('Aujourd’hui')
    // What is on air now, on the same channel: not onAir's id, as the test may cross a slot's end.
    expect(g.channelId).toBe(onAir.channelId)
    expect(g.focused!.start).toBeLessThanOrEqual(now)
    expect(g.focused!.end).toBeGreaterThan(now)
  })

  it('OK on the programme on air plays the channel live, with the zapping banner', async () => {
    await press(page, 'Enter')
    const p = await waitLive(page, 'ardenne-1')
    expect(p.liveUi?.banner.visible).toBe(true)
    expect(p.liveUi?.banner.now).not.toBe('')
    expect(p.liveEdge - p.currentTime).toBeLessThan(15)
    // The banner says what plays: the controls are not drawn under it, and a channel's
    // position is never shown as a film's time.
    expect(p.controlsDrawn).toBe(false)
    expect(p.progressElapsed).toBe('')
    await screenshot(page, 'live-banner')
  })

  it('zaps with the digits: one that cannot start a longer number at once, 4 after 1.5 s, 42 is said not to exist', async () => {
    await press(page, '3')
    await waitLive(page, 'ardenne-info')
    await press(page, '4')
    expect((await player(page)).liveUi?.digits).toBe('4')
    await waitLive(page, 'brabant-tv')
    await press(page, '4')
    await press(page, '2')
    const said = await waitPlayer(page, "p.liveUi && p.liveUi.message !== ''", 3000)
    expect(said.liveUi!.message).toBe('Chaîne 42 inexistante')
    await screenshot(page, 'live-unknown-channel')
    expect((await snapshot(page)).route).toBe('live/brabant-tv')
    await pressCode(page, INFO)
    expect((await player(page)).liveUi?.banner.visible).toBe(true)
  })

  it('Red restarts the programme on air: the position goes back to its start in the timeshift window', async () => {
    // The first channel (by number) whose programme on air may be restarted.
    let p = await player(page)
    // On for a minute at least, so that going back to its start is seen.
    const restartable = (s: PlayerSnapshot) =>
      Boolean(s.liveUi?.banner.restart && s.liveUi.banner.progress > 0.04)
    for (let n = 1; n <= 9 && !restartable(p); n++) {
      await press(page, String(n))
      p = await waitLive(page, (await snapshot(page)).route.slice('live/'.length))
      await waitPlayer(page, 'p.liveUi && p.liveUi.programmeId !== undefined', 5000).catch(() => p)
      p = await player(page)
    }
    expect(p.liveUi?.banner.restart).toBe(true)
    const channelId = p.id
    const before = p.liveEdge - p.currentTime
    await pressCode(page, RED)
    const restarted = await waitPlayer(
      page,
      'p.liveEdge - p.currentTime > 20 && p.state === "playing"',
      20_000,
    )
    expect(restarted.id).toBe(channelId)
    const behind = restarted.liveEdge - restarted.currentTime
    expect(behind).toBeGreaterThan(before + 15)
    // As far back as the programme has been on (the live edge stands for now, give or take).
    expect(restarted.liveUi!.behindLive).toBeGreaterThan(15)
    // The badge no longer says live: how far behind, and Green goes back.
    await waitPlayer(page, 'p.liveBadge.startsWith("-")', 5000)
    await screenshot(page, 'live-restarted')
    await pressCode(page, GREEN)
    await waitPlayer(page, 'p.liveUi.message === "Retour au direct"', 2000)
    await waitPlayer(page, 'p.liveEdge - p.currentTime < 10 && p.state === "playing"', 20_000)
    await waitPlayer(page, 'p.liveBadge === "DIRECT"', 5000)
  })

  it('the Guide key opens the guide on the channel watched last; a past programme replays', async () => {
    const watching = (await player(page)).id
    await pressCode(page, GUIDE)
    let g = await waitGuide(page, 'g.focused !== null')
    expect(g.channelId).toBe(watching)
    // Back through the programmes until one offers replay.
    for (let i = 0; i < 12 && !/^Replay disponible/.test(g.details.status); i++) {
      await press(page, 'ArrowLeft')
      g = await waitGuide(page, 'g.focused !== null')
    }
    expect(g.details.status).toMatch(/^Replay disponible/)
    const past = g.focused!
    await press(page, 'Enter')
    await waitRoute(page, `replay/${watching}/${past.start}`)
    await unlockIfAsked(page)
    const p = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 0 && !p.live")
    expect(p.id).toBe(past.id)
    expect(p.url).toContain(`start=${Math.floor(past.start / 1000)}`)
    await screenshot(page, 'replay')
    // Back leads to the guide on the programme picked, not on what is on air now.
    await press(page, 'Backspace')
    await press(page, 'Backspace')
    await waitRoute(page, 'guide')
    g = await waitGuide(page, 'g.focused !== null')
    expect(g.focused!.id).toBe(past.id)
    expect(g.channelId).toBe(watching)
    // Back again leaves the guide, to the channel it was opened from.
    await press(page, 'Backspace')
  })

  it('where replay is not allowed, the guide says so and plays nothing', async () => {
    await pressCode(page, GUIDE)
    let g = await waitGuide(page, 'g.focused !== null')
    // Brabant Club (number 5) keeps no replay: any past programme of it is refused.
    while (g.channelId !== 'brabant-club') {
      await press(page, g.row < 4 ? 'ArrowDown' : 'ArrowUp')
      g = await guide(page)
    }
    await press(page, 'ArrowLeft')
    g = await waitGuide(page, 'g.focused !== null')
    expect(g.focused!.end).toBeLessThanOrEqual(Date.now())
    await press(page, 'Enter')
    g = await guide(page)
    // The channel refuses it, not the programme: the message says which.
    expect(g.message).toBe('Cette chaîne ne propose pas de replay')
    expect((await snapshot(page)).route).toBe('guide')
    await screenshot(page, 'guide-no-replay')
  })

  it('Back from TV picked in the guide leads to the guide, then home: not through every channel watched', async () => {
    // Yellow: back to what is on air; then two channels picked one after the other.
    await pressCode(page, 405)
    await waitGuide(page, 'g.focused !== null && g.focused.start <= Date.now()')
    await press(page, 'Enter')
    await page.waitForFunction(() => window.__belgica?.snapshot().route.startsWith('live/'))
    await unlockIfAsked(page)
    const first = (await snapshot(page)).route
    await pressCode(page, GUIDE)
    await waitGuide(page, 'g.focused !== null')
    await press(page, 'ArrowDown')
    await press(page, 'Enter')
    await page.waitForFunction((before) => {
      const route = window.__belgica?.snapshot().route ?? ''
      return route.startsWith('live/') && route !== before
    }, first)
    await unlockIfAsked(page)
    // The first Back puts away the zapping banner, and the controls under it with it: they did
    // not show in its place once the channel played, and the next Back leaves the channel.
    expect((await player(page)).liveUi?.banner.visible).toBe(true)
    await press(page, 'Backspace')
    expect((await player(page)).liveUi?.banner.visible).toBe(false)
    const playing = await waitPlayer(page, "p.state === 'playing'")
    expect(playing.overlayVisible).toBe(false)
    expect(playing.controlsDrawn).toBe(false)
    await press(page, 'Backspace')
    await waitRoute(page, 'guide')
    await press(page, 'Backspace')
    await waitRoute(page, 'home')
  })

  it('a locked programme picked in the guide by its number: Back cancels the PIN, a number leaves it, Back leads to the guide', async () => {
    await pressCode(page, GUIDE)
    await waitGuide(page, 'g.focused !== null')
    await pressCode(page, 405)
    // Its number, as on the box's own guide: 4 waits for a second digit (40-49), then 0.
    await press(page, 'Digit4')
    await waitGuide(page, "g.digits === '4'")
    await press(page, 'Digit0')
    await waitGuide(page, "g.channelId === 'extra-40' && g.focused !== null && g.digits === ''")
    await press(page, 'Enter')
    await page.waitForFunction(
      () =>
        (window.__belgica?.snapshot() as unknown as { pin: { kind: string } | null }).pin?.kind ===
        'parental',
    )
    await press(page, 'Backspace')
    await page.waitForFunction(() => {
      const p = window.__belgica?.snapshot().page as { screen?: string; reason?: string } | null
      return p?.screen === 'not-found' && p.reason === 'locked'
    })
    expect((await snapshot(page)).route).toBe('live/extra-40')
    // A channel's number leaves the locked one, as channel up and down do.
    await press(page, 'Digit2')
    await waitRoute(page, 'live/ardenne-3')
    // Back first puts the zap's banner away if it is still up, then leads to the guide.
    for (let i = 0; i < 3 && (await snapshot(page)).route !== 'guide'; i++) {
      await press(page, 'Backspace')
      await page.waitForTimeout(300)
    }
    await waitRoute(page, 'guide')
  })

  it("the operator's diagnostics page says where the guide comes from and what it last loaded", async () => {
    await page.evaluate(() => (window.location.hash = '#settings/diagnostics'))
    await waitRoute(page, 'settings/diagnostics')
    const { lines } = (await snapshot(page)).page as DiagnosticsSnapshot
    expect(lines).toContain('Guide : catalogue · —')
    const loaded = lines.find((line) => line.startsWith('Guide, dernier chargement'))
    expect(loaded).toMatch(/à \d\d:\d\d, [1-9]\d* programmes sur [1-9]\d* chaînes$/)
    expect(lines.some((line) => line.startsWith('Guide, dernière erreur'))).toBe(false)
  })
})
