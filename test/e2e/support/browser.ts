/**
 * Drives the built app in Debian's Chromium through playwright-core (never `playwright install`).
 *
 * One browser per test file, started on the first `openApp()` with a fresh profile in a temporary
 * directory; it is closed and the directory removed after the file's tests (an `afterAll` hook
 * registered here). The app's URL comes from the global setup (see global-setup.ts).
 *
 *   const page = await openApp('#details/rosetta')  // new page, clean storage, app loaded
 *   await waitForApp(page)                          // until window.__belgica.ready
 *   await press(page, 'ArrowRight', 3)              // real key presses, one frame after each
 *   expect((await snapshot(page)).route).toBe('details/rosetta')
 *   await screenshot(page, 'details')               // test-output/screenshots/details.png
 *   expect(consoleErrors(page)).toEqual([])
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  chromium,
  type APIResponse,
  type BrowserContext,
  type Page,
  type Route,
} from 'playwright-core'
import type { AppSnapshot } from '../../../src/app/testHook'
import type { HomeSnapshot } from '../../../src/screens/Home/Home'
import chromiumSettings from '../../../scripts/lib/chromium.json'
import { chromiumPath, SCREENSHOT_DIR, SERVER_INFO_FILE, URL_ENV } from './environment'
import { webcrypto } from 'node:crypto'
import { hashPin, type PinRecord } from '../../../src/parental/pin'

export { chromiumPath } from './environment'

export const VIEWPORT = { width: 1920, height: 1080 } as const
export const CHROMIUM_FLAGS = ['--headless', ...chromiumSettings.flags]

/** Base URL of the app under test, ending in '/'. */
export function appBaseUrl(): string {
  const fromEnv = process.env[URL_ENV]
  if (fromEnv) return fromEnv
  if (existsSync(SERVER_INFO_FILE)) {
    const info = JSON.parse(readFileSync(SERVER_INFO_FILE, 'utf8')) as { url?: string }
    if (info.url) return info.url
  }
  throw new Error('No app server for the e2e tests: run them with `npm run test:e2e`')
}

interface Session {
  context: BrowserContext
  profileDir: string
}

let session: Promise<Session> | null = null
let timezoneId: string | undefined
const pageErrors = new WeakMap<Page, string[]>()

async function launch(): Promise<Session> {
  const executablePath = chromiumPath()
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'belgica-e2e-profile-'))
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_FLAGS],
      viewport: VIEWPORT,
      screen: VIEWPORT,
      deviceScaleFactor: 1,
      timeout: 30_000,
      ...(timezoneId ? { timezoneId } : {}),
    })
    return { context, profileDir }
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true })
    throw error
  }
}

/**
 * The fixed-offset zone in which it is nearest noon right now ('Etc/GMT-5' is UTC+5: the IANA
 * names invert the sign). A file whose assertions name days ("Demain") runs in it, so a run that
 * starts near midnight does not see the day change under it.
 */
export function zoneNearNoon(now = new Date()): string {
  const hour = now.getUTCHours() + now.getUTCMinutes() / 60
  // 12 - hour lies in (-12, 12], and both Etc/GMT-12 and Etc/GMT+12 exist.
  const offset = Math.round(12 - hour)
  if (offset === 0) return 'Etc/UTC'
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`
}

/** Runs this file's browser in the given time zone; call before the first openApp(). */
export function useTimezone(zone: string): void {
  if (session) throw new Error('useTimezone() after the browser was launched')
  timezoneId = zone
}

/** Set once the file's browser is closed: a later launch would outlive the file and hang jest. */
let closed = false

/** The browser context of this test file, launched on first use. */
export function browserContext(): Promise<BrowserContext> {
  if (closed) {
    throw new Error(
      "browserContext() after this file's browser was closed (a top-level afterAll runs after " +
        'support/browser.ts closes it): clean up routes in afterEach or a describe block instead',
    )
  }
  session ??= launch()
  return session.then((s) => s.context)
}

const SETTINGS = '**/settings.json'

type SettingsChange = (appSettings: Record<string, unknown>) => void

/**
 * What every e2e page gets unless a test changes it: an operator that locks from -18 only, so
 * that tests about something else play the -12 and -16 sample titles whatever the hour of the
 * run (the CSA's -12 and -16 hours would make them depend on the clock). -18 and titles not
 * rated still ask for the PIN; parental-control tests set the CSA default back.
 */
const BASELINE: SettingsChange = (appSettings) => {
  const parental = (appSettings.parental ?? {}) as Record<string, unknown>
  appSettings.parental = { ...parental, lockFromAge: 18 }
}

/**
 * The server's answer to a routed request, asked again once when the connection was reset: the
 * app server closes an idle keep-alive connection after 5 s, and a request Playwright sends on it
 * at that moment fails with ECONNRESET ("socket hang up") though the server is up.
 */
export async function fetchOnce(route: Route): Promise<APIResponse> {
  try {
    return await route.fetch()
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error
    return route.fetch()
  }
}

let settingsChange: SettingsChange | null = null
const settingsServed = new WeakSet<BrowserContext>()

async function serveSettings(context: BrowserContext): Promise<void> {
  settingsServed.add(context)
  await context.unroute(SETTINGS)
  await context.route(SETTINGS, async (route) => {
    const response = await fetchOnce(route)
    const settings = (await response.json()) as { appSettings: Record<string, unknown> }
    BASELINE(settings.appSettings)
    settingsChange?.(settings.appSettings)
    await route.fulfill({ response, json: settings })
  })
}

/**
 * Serves the app's settings.json with `change` applied to its appSettings (as an operator's file
 * would have them, after the e2e baseline), for every page opened afterwards; replaces an
 * earlier change.
 */
export async function routeAppSettings(change: SettingsChange): Promise<void> {
  settingsChange = change
  await serveSettings(await browserContext())
}

/** Serves settings.json with the baseline only again. */
export async function unrouteAppSettings(): Promise<void> {
  settingsChange = null
  await serveSettings(await browserContext())
}

export async function closeBrowser(): Promise<void> {
  closed = true
  if (!session) return
  const current = session
  session = null
  const { context, profileDir } = await current.catch(() => ({ context: null, profileDir: null }))
  try {
    await context?.close()
  } finally {
    if (profileDir) await rm(profileDir, { recursive: true, force: true })
  }
}

afterAll(closeBrowser)

export interface OpenAppOptions {
  /** Keep pages opened earlier in this file (default: they are closed, stopping their video). */
  keepOtherPages?: boolean
  /** Keep the origin's localStorage and other storage from earlier pages (default: cleared). */
  keepStorage?: boolean
  /**
   * Start as a box that was never set up: the parental PIN is asked for at start. By default the
   * household chose its PINs already (E2E_PINS), so tests about something else start on home.
   */
  firstStart?: boolean
  /**
   * Ask every profile for its consent as on a new box. By default each profile without a stored
   * answer reads E2E_CONSENT (everything refused, the current text), so the consent question
   * does not stand in front of tests about something else.
   */
  askConsent?: boolean
  /** Runs in the page before the app's scripts on every load (e.g. to take built-ins away). */
  initScript?: () => void
  /** The page's window size, when a test is about another than the full-HD default. */
  viewport?: { width: number; height: number }
}

/** The consent a profile without its own answer has in e2e tests (src/consent/model.ts). */
export const E2E_CONSENT = {
  purposes: { ads: false, audience: false, quality: false },
  version: '1',
  at: 0,
} as const

/** The PINs of a household that went through first start, as tests type them. */
export const E2E_PINS = { parental: '1234', purchase: '5678' } as const

let pinRecords: Promise<Record<'parental' | 'purchase', PinRecord>> | undefined

/** Records as the app stores them; few iterations, as the check's cost is not under test here. */
function e2ePinRecords(): Promise<Record<'parental' | 'purchase', PinRecord>> {
  const crypto = {
    subtle: webcrypto.subtle as unknown as SubtleCrypto,
    random: <T extends Uint8Array>(bytes: T) => webcrypto.getRandomValues(bytes),
  }
  pinRecords ??= Promise.all([
    hashPin(E2E_PINS.parental, crypto, 1000),
    hashPin(E2E_PINS.purchase, crypto, 1000),
  ]).then(([parental, purchase]) => ({ parental, purchase }))
  return pinRecords
}

/**
 * Opens the app in a new page: `path` is appended to the base URL (e.g. '#details/rosetta' or
 * '?x=1#home'). Resolves once the page has loaded, not once the app is ready: see waitForApp().
 */
export async function openApp(appPath = '', options: OpenAppOptions = {}): Promise<Page> {
  const context = await browserContext()
  if (!settingsServed.has(context)) await serveSettings(context)
  if (!options.keepOtherPages) {
    await Promise.all(context.pages().map((page) => page.close()))
  }
  const base = appBaseUrl()
  const page = await context.newPage()
  const errors: string[] = []
  pageErrors.set(page, errors)
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url
      errors.push(where ? `${message.text()} (${where})` : message.text())
    }
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.stack ?? error.message}`))

  if (!options.keepStorage) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(base).origin,
      storageTypes: 'all',
    })
    await cdp.detach()
  }
  if (!options.firstStart) {
    const records = await e2ePinRecords()
    // Before the app's scripts, on every load of this page: only where no PIN is stored yet.
    await page.addInitScript(
      (pins) => {
        for (const [key, record] of Object.entries(pins)) {
          if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify(record))
        }
      },
      { 'parental-pin': records.parental, 'purchase-pin': records.purchase },
    )
  }
  if (!options.askConsent) {
    // Profiles get random ids as they are made, so no key can be written beforehand: a
    // profile's consent that is not stored reads as E2E_CONSENT; what the app stores wins.
    await page.addInitScript((record) => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with this below
      const read = Storage.prototype.getItem
      Storage.prototype.getItem = function (this: Storage, key: string) {
        const value = read.call(this, key)
        if (value !== null || !/(^|\.)profile:[^:]+:consent$/.test(key)) return value
        return JSON.stringify(record)
      }
    }, E2E_CONSENT)
  }
  if (options.initScript) await page.addInitScript(options.initScript)
  if (options.viewport) await page.setViewportSize(options.viewport)
  await page.goto(new URL(appPath, base).toString(), { waitUntil: 'load' })
  return page
}

/** Waits until the app says it is ready (`window.__belgica.ready === true`). */
export async function waitForApp(page: Page, timeoutMs = 30_000): Promise<void> {
  try {
    await page.waitForFunction(() => window.__belgica?.ready === true, null, {
      timeout: timeoutMs,
      polling: 50,
    })
  } catch (error) {
    // Say what the page reported: a timeout alone rarely tells why the app never got ready.
    if (error instanceof Error) {
      const errors = consoleErrors(page)
      const detail = errors.length ? `\nPage console errors:\n  ${errors.join('\n  ')}` : ''
      error.message =
        `The app did not become ready within ${timeoutMs} ms at ${page.url()}${detail}\n` +
        error.message
    }
    throw error
  }
}

/**
 * Waits until the app is on `route` (its hash path, e.g. 'details/rosetta'); a timeout says which
 * route it was on instead.
 */
export async function waitRoute(page: Page, route: string, timeoutMs = 30_000): Promise<void> {
  try {
    await page.waitForFunction(
      (expected) => window.__belgica?.snapshot().route === expected,
      route,
      { timeout: timeoutMs },
    )
  } catch (error) {
    if (error instanceof Error) {
      // The screen's own snapshot too: a film that never came back says where it stood and why.
      const at = await page
        .evaluate(() => {
          const snapshot = window.__belgica?.snapshot()
          return `${snapshot?.route}", screen ${JSON.stringify(snapshot?.page)}`
        })
        .catch(() => 'unknown (the page did not answer)"')
      error.message = `The app did not reach route "${route}" within ${timeoutMs} ms (on "${at})\n${error.message}`
    }
    throw error
  }
}

/**
 * Serves what the server answers at `url` through `edit`: a real stream or feed with one
 * deviation, as a packager or CMS writes it.
 */
export async function rewriteBody(
  page: Page,
  url: string | RegExp,
  edit: (body: string) => string,
): Promise<void> {
  await page.route(url, async (route) => {
    const response = await fetchOnce(route)
    await route.fulfill({ response, body: edit(await response.text()) })
  })
}

/** The app's own account of its state: `window.__belgica.snapshot()`. */
export function snapshot(page: Page): Promise<AppSnapshot> {
  return page.evaluate(() => {
    const hook = window.__belgica
    if (!hook) throw new Error('window.__belgica is not installed: is the app loaded?')
    return hook.snapshot()
  })
}

/** Waits for the next two animation frames, so a frame has been drawn after what just happened. */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  )
}

/**
 * Presses a key as a remote would (Playwright key names: 'ArrowRight', 'Enter', 'Backspace',
 * 'Escape', ...), `times` times, letting a frame pass after each press.
 */
export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key)
    await nextFrame(page)
  }
}

/**
 * Opens a top bar item from home as a household does (Up to the top bar, Left/Right to the item,
 * OK), reading where the focus is after each key rather than assuming the bar's order: Live TV
 * and the Guide join the bar only once the live channels are known.
 */
export async function openFromTopBar(page: Page, id: string): Promise<void> {
  const home = async () => (await snapshot(page)).page as HomeSnapshot
  for (let i = 0; i < 8 && (await home()).area !== 'topbar'; i++) await press(page, 'ArrowUp')
  for (let i = 0; i < 8; i++) {
    const { topBar, topBarIds } = await home()
    if (topBar === id) break
    const step = topBarIds.indexOf(id) - topBarIds.indexOf(topBar ?? '')
    await press(page, step < 0 ? 'ArrowLeft' : 'ArrowRight')
  }
  const { topBar } = await home()
  if (topBar !== id) throw new Error(`the top bar's ${id} could not be focused (on ${topBar})`)
  await press(page, 'Enter')
}

/**
 * Presses a remote key that has no keyboard name (colour keys 403-406, Info 457, Guide 458,
 * platform codes) by its keyCode, as a box's remote delivers it, then lets a frame pass.
 */
export async function pressCode(page: Page, keyCode: number): Promise<void> {
  await page.evaluate((code) => {
    for (const type of ['keydown', 'keyup']) {
      const event = new KeyboardEvent(type, { bubbles: true })
      Object.defineProperty(event, 'keyCode', { value: code })
      window.dispatchEvent(event)
    }
  }, keyCode)
  await nextFrame(page)
}

/** Saves a full-viewport PNG as test-output/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const safe = name.replace(/[^\w.-]+/g, '-')
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${safe}.png`)
  await page.screenshot({ path: file })
  return file
}

/** Console errors and uncaught exceptions the page reported since openApp(). */
export function consoleErrors(page: Page): string[] {
  return [...(pageErrors.get(page) ?? [])]
}
