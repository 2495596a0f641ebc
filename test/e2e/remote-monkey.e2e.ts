/**
 * Random remote keys, as a child with the remote would press them: arrows, OK, Back, Menu, digits,
 * media and colour keys and codes no keymap knows, on the embedded home and on a feed whose items
 * are all unusable (empty home, Settings, diagnostics). The app must never throw, and must still
 * answer: a deep link to home afterwards shows home. The sequence is seeded, so a failure replays.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import {
  startCatalogueServerProcess,
  type CatalogueServerProcess,
} from '../integration/support/catalogueServer'
import {
  consoleErrors,
  openApp,
  pressCode,
  routeAppSettings,
  snapshot,
  unrouteAppSettings,
  waitForApp,
  waitRoute,
} from './support/browser'

/** Key names Playwright presses (the browser keymap) and raw codes of other remotes. */
const NAMES = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', 'Backspace', 'Escape']
const CODES = [27, 33, 34, 48, 53, 57, 403, 404, 405, 406, 412, 415, 417, 457, 461, 10009, 999]

/** A small deterministic generator (mulberry32), so a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Presses `count` random keys. OK on the exit question would leave the app (the SDK destroys it),
 * which the exit tests cover; here that OK becomes Back, so the keys keep reaching the app.
 */
async function mash(page: Page, seed: number, count: number): Promise<Page> {
  const next = random(seed)
  const current = page
  for (let i = 0; i < count; i++) {
    const roll = next()
    if (roll < 0.75) {
      let name = NAMES[Math.floor(next() * NAMES.length)]!
      if (name === 'Enter' && (await snapshot(current)).overlay === 'exit') name = 'Backspace'
      await current.keyboard.press(name)
    } else {
      await pressCode(current, CODES[Math.floor(next() * CODES.length)]!)
    }
    // Sometimes as fast as a held key, sometimes a pause for screens and video to react.
    await current.waitForTimeout(next() < 0.8 ? 30 : 250)
  }
  return current
}

async function stillAnswers(page: Page): Promise<void> {
  expect(consoleErrors(page).filter((line) => line.startsWith('uncaught'))).toEqual([])
  await page.evaluate(() => (window.location.hash = '#home'))
  await page.waitForFunction(
    () => (window.__belgica?.snapshot().page as { screen?: string } | null)?.screen === 'home',
  )
  expect((await snapshot(page)).catalogue.status).toBe('ready')
}

describe('random remote keys', () => {
  let dir: string
  let server: CatalogueServerProcess | undefined

  afterAll(async () => {
    await unrouteAppSettings()
    await server?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it.each([1, 2])(
    'embedded catalogue, seed %i: no error, and the app still answers',
    async (seed) => {
      await unrouteAppSettings()
      const page = await openApp()
      await waitForApp(page)
      const after = await mash(page, seed, 120)
      if (!after.isClosed()) await stillAnswers(after)
    },
  )

  it('Back then OK within one task (a busy box catching up): each navigation is read with its own address', async () => {
    await unrouteAppSettings()
    const page = await openApp()
    await waitForApp(page)
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { hashesSeen: string[] }).hashesSeen = seen
      window.addEventListener('hashchange', () => seen.push(window.location.hash))
    })
    for (const codes of [
      [8, 13],
      [13, 8],
    ]) {
      await page.evaluate(() => (window.location.hash = '#home'))
      await waitRoute(page, 'home')
      await page.keyboard.press('Enter')
      await page.waitForFunction(() => window.__belgica?.snapshot().route.startsWith('details/'))
      const id = (await snapshot(page)).route.slice('details/'.length)
      const expected = codes.map((code) => (code === 8 ? '#home' : `#play/${id}`))
      await page.evaluate(
        () => ((window as unknown as { hashesSeen: string[] }).hashesSeen.length = 0),
      )
      // Both keys in one task, as a busy box delivers the ones queued while it drew. The
      // browser's own events, dispatched later, both read the second address: the Router built
      // that screen twice and kept the first request queued, and under a stream of keys it then
      // threw on a later change ("Cannot set properties of undefined (setting 'hash')").
      await page.evaluate((keys) => {
        for (const code of keys) {
          for (const type of ['keydown', 'keyup']) {
            const event = new KeyboardEvent(type, { bubbles: true })
            Object.defineProperty(event, 'keyCode', { value: code })
            window.dispatchEvent(event)
          }
        }
      }, codes)
      await page.waitForFunction(() => !window.__belgica?.snapshot().navigating)
      expect(
        await page.evaluate(() => (window as unknown as { hashesSeen: string[] }).hashesSeen),
      ).toEqual(expected)
      const shown = await snapshot(page)
      expect(`#${shown.route}`).toBe(await page.evaluate(() => window.location.hash))
    }
    expect(consoleErrors(page).filter((line) => /TypeError|Router/.test(line))).toEqual([])
    await stillAnswers(page)
  })

  it('a feed with nothing to show: empty home, Settings and diagnostics under random keys', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-e2e-monkey-'))
    const smooth = { url: 'x.ism/manifest', quality: 'HD', videoType: 'SMOOTH' }
    await writeFile(
      path.join(dir, 'feed.json'),
      JSON.stringify({
        providerName: 'Vide',
        language: 'fr',
        movies: [1, 2, 3].map((n) => ({
          id: `S${n}`,
          title: `Smooth ${n}`,
          content: { dateAdded: '2026-01-01T00:00:00Z', duration: 60, videos: [smooth] },
          genres: ['drama'],
          thumbnail: 'x.jpg',
          releaseDate: '2026-01-01',
          shortDescription: 'x',
        })),
      }),
    )
    server = await startCatalogueServerProcess({ dir })
    const url = `${server.url}feed.json`
    await routeAppSettings(
      (settings) => (settings.catalogue = { backend: 'directpublisher', url, retries: 0 }),
    )
    const page = await openApp('#settings/diagnostics')
    await waitForApp(page)
    await stillAnswers(await mash(page, 7, 120))
  })
})
