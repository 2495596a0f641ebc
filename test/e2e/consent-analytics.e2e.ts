/**
 * Consent and analytics in Chromium, against the reference collector
 * (scripts/lib/analytics-collector.mjs) on 127.0.0.1: the consent question at first start,
 * refusing in one press (nothing reaches the collector), accepting (screen views and a playback's
 * quality report arrive), and a withdrawal in Settings (the queue is dropped, nothing more sent).
 */
import type { Page } from 'playwright-core'
import type { ConsentOverlaySnapshot } from '../../src/app/ConsentOverlay'
import type { SettingsSnapshot } from '../../src/screens/Settings'
import {
  startAnalyticsCollectorProcess,
  type AnalyticsCollectorProcess,
} from '../integration/support/analyticsCollector'
import {
  consoleErrors,
  openApp,
  press,
  routeAppSettings,
  screenshot,
  snapshot,
  unrouteAppSettings,
  waitForApp,
  waitRoute,
} from './support/browser'
import { playFromDetails, stopPlayback, waitPlayer } from './support/player'

let collector: AnalyticsCollectorProcess

const useCollector = (batchSize: number, flushSeconds: number, cmcd = false) =>
  routeAppSettings((appSettings) => {
    appSettings.analytics = { collector: 'http', url: collector.url, batchSize, flushSeconds, cmcd }
  })

const consentOf = async (page: Page) =>
  ((await snapshot(page)) as unknown as { consent: ConsentOverlaySnapshot | null }).consent

const waitConsent = (page: Page, test: string) =>
  page.waitForFunction(
    `(() => { const c = window.__belgica?.snapshot().consent; return Boolean(${test}) })()`,
    null,
    { timeout: 20_000, polling: 50 },
  )

const storedQueue = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('analytics-queue') ?? '[]') as unknown[])

/** Waits until the collector holds an event matching `test`, or fails after `timeoutMs`. */
async function arrived(test: (event: Record<string, unknown>) => boolean, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const { events } = await collector.received()
    const found = (events as unknown as Record<string, unknown>[]).find(test)
    if (found) return found
    if (Date.now() > until) throw new Error(`not received: ${JSON.stringify(events)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('consent and analytics', () => {
  beforeAll(async () => {
    collector = await startAnalyticsCollectorProcess()
  })
  // In the describe block: support/browser.ts closes the browser in a top-level afterAll.
  afterAll(async () => {
    try {
      await unrouteAppSettings()
    } finally {
      await collector.stop()
    }
  })

  it('asks at first start; refusing is one press and nothing reaches the collector', async () => {
    await collector.reset()
    await useCollector(1, 1)
    const page = await openApp('', { askConsent: true, firstStart: true })
    await waitForApp(page)
    // One question at a time: the parental PIN first, then consent.
    await page.waitForFunction(() => {
      const s = window.__belgica?.snapshot() as { pin?: { step?: string } | null } | undefined
      return s?.pin?.step === 'choose'
    })
    expect(await consentOf(page)).toBeNull()
    for (const digit of '24682468') await press(page, digit)
    await waitConsent(page, "c && c.step === 'choice' && c.focused === 'refuse-all'")
    expect((await consentOf(page))?.buttons).toEqual([
      'Tout accepter',
      'Tout refuser',
      'Personnaliser',
    ])
    await screenshot(page, 'consent-first-start')
    await press(page, 'Enter')
    expect(await consentOf(page)).toBeNull()

    // Screens change; with everything refused nothing is queued or sent.
    await page.evaluate(() => (location.hash = '#details/rosetta'))
    await waitRoute(page, 'details/rosetta')
    await press(page, 'Backspace')
    await sleep(2500)
    expect(await storedQueue(page)).toEqual([])
    expect(await collector.requests()).toEqual([])
    expect(consoleErrors(page)).toEqual([])
  })

  it('a deep link to play waits for the answer: nothing plays behind the question', async () => {
    const page = await openApp('#play/rosetta', { askConsent: true })
    const media: string[] = []
    page.on('request', (request) => {
      if (/\.(mpd|m3u8|m4s|mp4)(\?|$)/.test(request.url())) media.push(request.url())
    })
    await waitForApp(page)
    await waitConsent(page, "c && c.step === 'choice'")
    await sleep(3000)
    expect(media).toEqual([])
    expect(
      await page.evaluate(() => [...document.querySelectorAll('video')].some((v) => !v.paused)),
    ).toBe(false)
    await press(page, 'Enter')
    expect(await consentOf(page)).toBeNull()
    await waitPlayer(page, "p.state === 'playing'", 30_000)
    expect(media.length).toBeGreaterThan(0)
    await stopPlayback(page)
  })

  it('accepting sends screen views and a playback quality report; a withdrawal drops the queue', async () => {
    await collector.reset()
    // CMCD on: Shaka adds Common Media Client Data to the segment requests.
    await useCollector(1, 1, true)
    const page = await openApp('', { askConsent: true })
    const segments: string[] = []
    page.on('request', (request) => {
      if (/\.(m4s|mp4)(\?|$)/.test(request.url())) segments.push(request.url())
    })
    await waitForApp(page)
    await waitConsent(page, "c && c.step === 'choice'")
    await press(page, 'ArrowLeft')
    expect((await consentOf(page))?.focused).toBe('accept-all')
    await press(page, 'Enter')
    expect(await consentOf(page)).toBeNull()

    await playFromDetails(page, 'rosetta')
    await waitPlayer(page, "p.state === 'playing'")
    await sleep(3000)
    await stopPlayback(page)

    await arrived(
      (e) => e.type === 'screen_view' && e.screen === 'details' && e.itemId === 'rosetta',
    )
    await arrived((e) => e.type === 'title_started' && e.itemId === 'rosetta')
    const quality = await arrived((e) => e.type === 'playback_quality' && e.itemId === 'rosetta')
    expect(quality).toMatchObject({ purpose: 'quality', kind: 'vod', outcome: 'stopped' })
    expect(quality.startupMs).toEqual(expect.any(Number))
    expect(quality.playedSeconds as number).toBeGreaterThan(1)
    // From Shaka's stats, sampled each second while playing.
    expect(quality.averageBitrateKbps as number).toBeGreaterThan(0)
    expect(quality.droppedFrames).toEqual(expect.any(Number))
    expect(segments.some((url) => url.includes('CMCD='))).toBe(true)
    const { batches, duplicates } = await collector.received()
    expect(new Set(batches.map((b) => b.installId)).size).toBe(1)
    expect(duplicates).toBe(0)

    // Batches now wait an hour: what is recorded stays queued on the box.
    await useCollector(100, 3600)
    const later = await openApp('#home', { keepStorage: true })
    await waitForApp(later)
    await later.evaluate(() => (location.hash = '#details/la-treve'))
    await waitRoute(later, 'details/la-treve')
    await press(later, 'Backspace')
    await waitRoute(later, 'home')
    const queued = await storedQueue(later)
    expect(queued.length).toBeGreaterThan(0)
    const sentBefore = (await collector.received()).events.length

    // Settings > Privacy > Manage my choices: audience and quality off, saved.
    await press(later, 'Alt')
    await waitRoute(later, 'settings')
    await press(later, 'ArrowDown', 2)
    expect(((await snapshot(later)).page as SettingsSnapshot).area).toBe('privacy')
    await press(later, 'Enter')
    await waitConsent(later, "c && c.step === 'customise' && c.mode === 'settings'")
    await press(later, 'ArrowDown')
    await press(later, 'Enter')
    await press(later, 'ArrowDown')
    await press(later, 'Enter')
    await press(later, 'ArrowDown')
    expect((await consentOf(later))?.draft).toEqual({ ads: true, audience: false, quality: false })
    await screenshot(later, 'consent-settings-withdraw')
    await press(later, 'Enter')
    expect(await consentOf(later)).toBeNull()

    expect(await storedQueue(later)).toEqual([])
    expect(((await snapshot(later)).page as SettingsSnapshot).privacy).toContain(
      "mesure d'audience : non",
    )
    await press(later, 'Backspace')
    await waitRoute(later, 'home')
    await sleep(1500)
    expect(await storedQueue(later)).toEqual([])
    expect((await collector.received()).events.length).toBe(sentBefore)
    expect(consoleErrors(later)).toEqual([])
  })
})
