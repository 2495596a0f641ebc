/**
 * The live TV simulator (scripts/lib/live-sim.mjs, served by the e2e app server) played by Shaka
 * in Chromium, with no app around it: live at the edge, 1 h back in the timeshift window, and a
 * catch-up window of a past programme. Each picture carries its frame's index within the loop as
 * a row of boxes (live-sim.mjs); the test reads it off a canvas, so it knows the bytes on screen
 * are the ones for the time the player says it is at, not merely that something plays.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { appBaseUrl, browserContext } from './support/browser'
import { ROOT } from './support/environment'

const SHAKA = path.join(ROOT, 'node_modules/shaka-player/dist/shaka-player.compiled.js')
const SEGMENT = 1.92
const LOOP = 32 * SEGMENT
const FPS = 25
/** live-sim.mjs CODE: white box, 11 bits, black box, 24 px apart, 20 px wide, at y 322. */
const CODE = { x: 16, y: 322, box: 20, step: 24, bits: 11 }

/** The little of Shaka's API used page-side (the compiled build, loaded as a script). */
interface PageShaka {
  shaka: { polyfill: { installAll(): void }; Player: new () => PagePlayer }
  player: PagePlayer
}
interface PagePlayer {
  configure(config: object): void
  attach(video: HTMLMediaElement): Promise<void>
  load(url: string, startTime: number | null): Promise<void>
  seekRange(): { start: number; end: number }
  isLive(): boolean
  getPlayheadTimeAsDate(): Date | null
}

interface Shown {
  currentTime: number
  /** Frame index in the loop read off the picture; null when the markers are not there. */
  frame: number | null
  live: boolean
  seekStart: number
  seekEnd: number
  /** Wall-clock ms of the playhead (live), from the manifest's availabilityStartTime. */
  playheadDate: number | null
  duration: number
}

async function openShakaPage(): Promise<Page> {
  const context = await browserContext()
  const page = await context.newPage()
  // A page of the server's origin, so manifests and segments are same-origin requests.
  await page.goto(`${appBaseUrl()}live/ardenne-1/blank`)
  await page.setContent(
    '<!doctype html><body style="margin:0;background:#000">' +
      '<video id="v" muted playsinline width="640" height="360"></video></body>',
  )
  await page.addScriptTag({ path: SHAKA })
  await page.evaluate(() => {
    const w = window as unknown as PageShaka
    w.shaka.polyfill.installAll()
    w.player = new w.shaka.Player()
    w.player.configure({ streaming: { bufferingGoal: 6, rebufferingGoal: 1 } })
  })
  return page
}

async function load(page: Page, url: string, startTime?: number): Promise<void> {
  await page.evaluate(
    async ({ url, startTime }) => {
      const w = window as unknown as PageShaka
      const video = document.getElementById('v') as HTMLVideoElement
      await w.player.attach(video)
      await w.player.load(url, startTime ?? null)
      await video.play()
    },
    { url, startTime },
  )
}

/** What is on screen now: the player's position and the frame code painted in the picture. */
function shown(page: Page): Promise<Shown> {
  return page.evaluate((code) => {
    const w = window as unknown as PageShaka
    const video = document.getElementById('v') as HTMLVideoElement
    const canvas = document.createElement('canvas')
    canvas.width = 640
    canvas.height = 360
    const context = canvas.getContext('2d', { willReadFrequently: true })!
    const currentTime = video.currentTime
    context.drawImage(video, 0, 0, 640, 360)
    const lit = (i: number) => {
      const x = code.x + code.step * i + code.box / 2
      const [r, g, b] = context.getImageData(x, code.y + code.box / 2, 1, 1).data
      return (r! + g! + b!) / 3 > 128
    }
    let frame: number | null = null
    if (lit(0) && !lit(code.bits + 1)) {
      frame = 0
      for (let i = 1; i <= code.bits; i++) frame = frame * 2 + (lit(i) ? 1 : 0)
    }
    const range = w.player.seekRange()
    const date = w.player.isLive() ? w.player.getPlayheadTimeAsDate() : null
    return {
      currentTime,
      frame,
      live: w.player.isLive(),
      seekStart: range.start,
      seekEnd: range.end,
      playheadDate: date ? date.getTime() : null,
      duration: video.duration,
    }
  }, CODE)
}

/** Waits until the playhead is `seconds` past `from` (and not far beyond it) while playing. */
async function playsPast(page: Page, from: number, seconds = 2): Promise<void> {
  await page.waitForFunction(
    ({ from, seconds }) => {
      const video = document.getElementById('v') as HTMLVideoElement
      const t = video.currentTime
      return !video.paused && video.readyState >= 3 && t > from + seconds && t < from + 120
    },
    { from, seconds },
    { timeout: 20_000, polling: 100 },
  )
}

/** Distance between two positions in the loop, wrapping around. */
const loopDistance = (a: number, b: number) => {
  const d = Math.abs(a - b) % LOOP
  return Math.min(d, LOOP - d)
}

/** The frame on screen is the one for `mediaSeconds` since 1970 (within two frames). */
function expectFrameAt(state: Shown, mediaSeconds: number) {
  expect(state.frame).not.toBeNull()
  expect(loopDistance(state.frame! / FPS, mediaSeconds % LOOP)).toBeLessThan(0.1)
}

describe('live simulator in Chromium with Shaka', () => {
  let page: Page

  beforeAll(async () => {
    page = await openShakaPage()
  }, 30_000)

  afterAll(() => page?.close())

  it('plays a channel live at the edge, with a timeshift window of 3 h', async () => {
    await load(page, `${appBaseUrl()}live/ardenne-1/manifest.mpd`)
    const start = await shown(page)
    await playsPast(page, start.currentTime)
    const state = await shown(page)
    expect(state.live).toBe(true)
    expect(state.seekEnd - state.seekStart).toBeGreaterThan(2 * 3600)
    expect(state.seekEnd - state.currentTime).toBeLessThan(15)
    // Presentation time is seconds since 1970 here: the playhead is at the wall clock.
    expect(Math.abs(state.playheadDate! - Date.now())).toBeLessThan(20_000)
    expectFrameAt(state, state.currentTime)
  })

  it('seeks back 1 h in the timeshift window and plays the picture of that time', async () => {
    const before = await shown(page)
    const target = before.seekEnd - 3600
    await page.evaluate((t) => {
      ;(document.getElementById('v') as HTMLVideoElement).currentTime = t
    }, target)
    await playsPast(page, target, 1.5)
    const state = await shown(page)
    expect(state.currentTime).toBeLessThan(before.seekEnd - 3500)
    expect(Math.abs(state.playheadDate! - (Date.now() - 3600_000))).toBeLessThan(30_000)
    expectFrameAt(state, state.currentTime)
  })

  it('plays a catch-up window of a programme two hours ago, as a 10-minute VOD', async () => {
    const now = Math.floor(Date.now() / 1000)
    const startS = now - 7200
    const endS = startS + 600
    await load(page, `${appBaseUrl()}live/ardenne-1/catchup.mpd?start=${startS}&end=${endS}`, 300)
    await playsPast(page, 300, 1.5)
    const state = await shown(page)
    expect(state.live).toBe(false)
    expect(state.duration).toBeGreaterThanOrEqual(600)
    expect(state.duration).toBeLessThan(600 + 2 * SEGMENT)
    // Catch-up time 0 is the first segment of the window.
    const first = Math.floor(startS / SEGMENT) * SEGMENT
    expectFrameAt(state, first + state.currentTime)
  })

  it('serves the same channel as live HLS', async () => {
    await load(page, `${appBaseUrl()}live/kadee/master.m3u8`)
    const start = await shown(page)
    await playsPast(page, start.currentTime, 1.5)
    const state = await shown(page)
    expect(state.live).toBe(true)
    expect(state.frame).not.toBeNull()
  })
})
