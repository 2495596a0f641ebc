/**
 * The operator's package, not the development build: `npm run dist` for es5 engines, checked
 * with an ES5 parser, served as it would be on a box (its own folder, sample media beside it)
 * and driven in Chromium: home drawn with its artwork, the remote moves the focus, details open
 * and a film plays. E2E_SKIP_DIST_BUILD=1 reuses dist/es5.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'acorn'
import type { Page } from 'playwright-core'
import { startServerProcess, type ServerProcess } from '../harness/serverProcess'
import { openApp, press, screenshot, snapshot, waitForApp } from './support/browser'
import { grabFrame, regionStats } from './support/visual'

const ROOT = path.resolve(__dirname, '../..')
const DIST = path.join(ROOT, 'dist/es5')

/** Every script of the package, with where it comes from: files and index.html's inline code. */
function scripts(): { where: string; code: string }[] {
  const found: { where: string; code: string }[] = []
  for (const sub of ['js', 'lib']) {
    for (const name of readdirSync(path.join(DIST, sub)).filter((file) => file.endsWith('.js')))
      found.push({
        where: `${sub}/${name}`,
        code: readFileSync(path.join(DIST, sub, name), 'utf8'),
      })
  }
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8')
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g))
    found.push({ where: 'index.html (inline)', code: match[1]! })
  return found
}

describe('the es5 package', () => {
  let server: ServerProcess
  let page: Page

  beforeAll(async () => {
    if (process.env.E2E_SKIP_DIST_BUILD !== '1' || !existsSync(path.join(DIST, 'index.html'))) {
      const built = spawnSync(process.execPath, ['scripts/dist.mjs', '--es5', '--quiet'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 600_000,
      })
      if (built.status !== 0) throw new Error(`npm run dist -- --es5 failed:\n${built.stderr}`)
    }
    server = await startServerProcess({ buildDir: DIST, mediaDir: path.join(ROOT, 'media') })
  }, 660_000)

  afterAll(async () => {
    await server?.stop()
  })

  it('is ES5 in every script it loads, Lightning and Shaka included', () => {
    const found = scripts()
    expect(found.map((script) => script.where)).toEqual(
      expect.arrayContaining(['js/appBundle.es5.js', 'js/lightning.es5.min.js', 'js/polyfills.js']),
    )
    const later = found.flatMap(({ where, code }) => {
      try {
        parse(code, { ecmaVersion: 5, sourceType: 'script' })
        return []
      } catch (error) {
        return [`${where}: ${(error as Error).message}`]
      }
    })
    expect(later).toEqual([])
  })

  it('starts on home with its artwork drawn, and the remote moves through it', async () => {
    page = await openApp(server.url)
    await waitForApp(page)
    await page.waitForFunction(
      () => window.__belgica?.snapshot().marks.homeArtwork !== undefined,
      null,
      {
        timeout: 30_000,
      },
    )
    const frame = await grabFrame(page)
    expect(
      regionStats(frame, { x: 0, y: 0, w: frame.width, h: frame.height }).colours,
    ).toBeGreaterThan(300)
    await screenshot(page, 'dist-es5-home')
    const before = (await snapshot(page)).focusBox
    await press(page, 'ArrowRight')
    await page.waitForFunction(
      (x) => (window.__belgica?.snapshot().focusBox?.x ?? 0) > x,
      before?.x ?? 0,
    )
    await press(page, 'ArrowDown')
    await page.waitForFunction(
      () => (window.__belgica?.snapshot().page as { railIndex?: number } | null)?.railIndex === 1,
    )
  })

  it('opens a title and plays it', async () => {
    await page.evaluate(() => {
      window.location.hash = '#details/panique-au-village'
    })
    await page.waitForFunction(
      () => window.__belgica?.snapshot().route === 'details/panique-au-village',
    )
    await press(page, 'Enter')
    await page.waitForFunction(
      () => (document.querySelector('video')?.currentTime ?? 0) > 1,
      null,
      {
        timeout: 30_000,
      },
    )
    await screenshot(page, 'dist-es5-playing')
  })
})
