/**
 * The operator's packages, not the development build: `npm run dist` for es6 and es5 engines,
 * served as they would be on a box (their own folder, sample media beside them) and driven in
 * Chromium from the outside only, as a household would: a release has no test hook, so these
 * tests read the drawn frame, the address bar (the Router's hash) and the <video> element. The
 * es5 package is also checked with an ES5 parser. E2E_SKIP_DIST_BUILD=1 reuses dist/.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'acorn'
import type { Page } from 'playwright-core'
import { startServerProcess, type ServerProcess } from '../harness/serverProcess'
import { browserContext, consoleErrors, openApp, press, screenshot } from './support/browser'
import { grabFrame, regionStats } from './support/visual'

const ROOT = path.resolve(__dirname, '../..')
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isParenthesised } = require('../../scripts/lib/parenthesised-iife.cjs') as {
  isParenthesised: (code: string) => boolean
}
const TARGETS = ['es6', 'es5'] as const
type Target = (typeof TARGETS)[number]
const distDir = (target: Target) => path.join(ROOT, 'dist', target)
const bundleName = (target: Target) => (target === 'es6' ? 'appBundle.js' : 'appBundle.es5.js')

/** Every script of a package, with where it comes from: files and index.html's inline code. */
function scripts(dir: string): { where: string; code: string }[] {
  const found: { where: string; code: string }[] = []
  for (const sub of ['js', 'lib']) {
    for (const name of readdirSync(path.join(dir, sub)).filter((file) => file.endsWith('.js')))
      found.push({ where: `${sub}/${name}`, code: readFileSync(path.join(dir, sub, name), 'utf8') })
  }
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8')
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g))
    found.push({ where: 'index.html (inline)', code: match[1]! })
  return found
}

/** The route the app shows, as the address bar has it: the Router keeps it in the hash. */
const route = (page: Page) => page.evaluate(() => window.location.hash.replace(/^#/, ''))

/**
 * Home is drawn with its artwork: a picture has hundreds of colours, a page of fills a handful
 * (fewer, `minColours`, when home is dimmed behind a dialog).
 */
async function waitForArtwork(page: Page, timeoutMs = 30_000, minColours = 300): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const frame = await grabFrame(page)
    const { colours } = regionStats(frame, { x: 0, y: 0, w: frame.width, h: frame.height })
    if (colours > minColours) return
    if (Date.now() > until) throw new Error(`home not drawn with artwork (${colours} colours)`)
    await page.waitForTimeout(250)
  }
}

async function waitForRoute(page: Page, pattern: RegExp, what: string): Promise<void> {
  await page
    .waitForFunction(
      (source) => new RegExp(source).test(window.location.hash.slice(1)),
      pattern.source,
      {
        timeout: 15_000,
      },
    )
    .catch(async () => {
      throw new Error(`expected ${what}, the app shows "${await route(page)}"`)
    })
}

/**
 * What a 2013-2017 box's engine lacks of the built-ins the app and its libraries call, taken away
 * before the page's scripts run (syntax is the ES5 parser's check above): the es5 package must
 * bring them itself (src/polyfills, then the SDK's polyfills.js for fetch). Serialised into the
 * page, so it names everything itself.
 */
function withoutLaterBuiltIns(): void {
  const drop = (owner: object, names: string[]) => {
    for (const name of names) Reflect.deleteProperty(owner, name)
  }
  drop(Object, ['fromEntries', 'entries', 'values'])
  drop(Array.prototype, ['flat', 'flatMap', 'includes', 'at'])
  drop(String.prototype, ['padStart', 'padEnd', 'matchAll', 'includes', 'replaceAll'])
  drop(Promise.prototype, ['finally'])
  drop(window, ['AbortController', 'AbortSignal', 'createImageBitmap', 'fetch', 'globalThis'])
}

beforeAll(() => {
  if (
    process.env.E2E_SKIP_DIST_BUILD === '1' &&
    TARGETS.every((target) => existsSync(path.join(distDir(target), 'index.html')))
  )
    return
  const built = spawnSync(process.execPath, ['scripts/dist.mjs', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 900_000,
  })
  if (built.status !== 0) throw new Error(`npm run dist failed:\n${built.stdout}${built.stderr}`)
}, 960_000)

describe.each(TARGETS)('the %s package', (target) => {
  let server: ServerProcess
  let page: Page

  beforeAll(async () => {
    server = await startServerProcess({
      buildDir: distDir(target),
      mediaDir: path.join(ROOT, 'media'),
    })
  })

  afterAll(async () => {
    await server?.stop()
  })

  it('carries no test hook', () => {
    const bundle = readFileSync(path.join(distDir(target), 'js', bundleName(target)), 'utf8')
    expect(bundle).not.toContain('__belgica')
    expect(bundle).not.toContain('homeArtwork')
  })

  it('carries no source map: they are kept beside the package', () => {
    const files = ['js', 'lib'].flatMap((sub) => readdirSync(path.join(distDir(target), sub)))
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([])
    const bundle = readFileSync(path.join(distDir(target), 'js', bundleName(target)), 'utf8')
    expect(bundle).not.toMatch(/sourceMappingURL/)
    expect(readdirSync(path.join(distDir(target), '..', 'sourcemaps', target, 'js'))).toContain(
      `${bundleName(target)}.map`,
    )
  })

  it('has its outer function parenthesised, so V8 compiles it off the main thread', () => {
    const bundle = readFileSync(path.join(distDir(target), 'js', bundleName(target)), 'utf8')
    expect(isParenthesised(bundle)).toBe(true)
  })

  if (target === 'es5') {
    it('is ES5 in every script it loads, Lightning and Shaka included', () => {
      const found = scripts(distDir(target))
      expect(found.map((script) => script.where)).toEqual(
        expect.arrayContaining([`js/${bundleName(target)}`, 'js/lightning.es5.min.js']),
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
  }

  it('makes the engine throw nothing while its bundle loads', async () => {
    // With a debugger attached (DevTools, a test harness, an operator's certification tools),
    // every error made while the bundle's top-level function runs has V8 reparse that whole
    // function for its source positions: 0.6-0.9 s of a start at CPU x4 (src/polyfills).
    const context = await browserContext()
    const probe = await context.newPage()
    const cdp = await context.newCDPSession(probe)
    const scriptUrls = new Map<string, string>()
    const thrown: string[] = []
    cdp.on('Debugger.scriptParsed', (event) => scriptUrls.set(event.scriptId, event.url))
    cdp.on('Debugger.paused', (event) => {
      const outermost = event.callFrames[event.callFrames.length - 1]
      const url = outermost ? (scriptUrls.get(outermost.location.scriptId) ?? '') : ''
      if (url.endsWith(`/${bundleName(target)}`) && outermost?.functionName === '') {
        const description = (event.data as { description?: string } | undefined)?.description
        thrown.push((description ?? event.reason).split('\n')[0]!)
      }
      void cdp.send('Debugger.resume').catch(() => undefined)
    })
    await cdp.send('Debugger.enable')
    await cdp.send('Debugger.setPauseOnExceptions', { state: 'all' })
    await probe.goto(server.url, { waitUntil: 'load' })
    await probe.waitForFunction(() => document.querySelector('canvas') !== null)
    await cdp.send('Debugger.disable')
    await probe.close()
    expect(thrown).toEqual([])
  })

  /** The package opened with its index.html as an operator edited it after the build. */
  async function openEdited(html: string, edit: (html: string) => string): Promise<Page> {
    const edited = edit(html)
    expect(edited).not.toBe(html)
    const probe = await (await browserContext()).newPage()
    await probe.route(
      (url) => url.pathname === '/' || url.pathname.endsWith('/index.html'),
      (request) => request.fulfill({ body: edited, contentType: 'text/html' }),
    )
    await probe.goto(server.url)
    return probe
  }

  it('carries its settings checked at build, and still validates settings edited after it', async () => {
    const html = readFileSync(path.join(distDir(target), 'index.html'), 'utf8')
    expect(html).toContain('var BELGICA_CHECKED_SETTINGS = {')
    // An operator edits the package's settings after the build: the typo must still stop the
    // start with the settings error, which loads no catalogue (src/config/checkedAtBuild.ts).
    const probe = await openEdited(html, (text) =>
      text.replace(/(appSettings = \{)/, '$1\n  "catalogu": {},'),
    )
    await probe.waitForFunction(() => document.querySelector('canvas') !== null)
    await probe.waitForTimeout(3000)
    const catalogueRequests = await probe.evaluate(
      () =>
        performance.getEntriesByType('resource').filter((entry) => /\/catalogue\//.test(entry.name))
          .length,
    )
    await probe.close()
    expect(catalogueRequests).toBe(0)
  })

  it('names settings that are null on its settings screen, not as a start-up crash', async () => {
    const html = readFileSync(path.join(distDir(target), 'index.html'), 'utf8')
    const probe = await openEdited(html, (text) =>
      text.replace(/appSettings = \{/, 'appSettings = null\n            const edited = {'),
    )
    await probe.waitForFunction(() => document.querySelector('canvas') !== null)
    await probe.waitForTimeout(2000)
    const crashed = await probe.locator('#belgica-boot-error').count()
    const catalogueRequests = await probe.evaluate(
      () =>
        performance.getEntriesByType('resource').filter((entry) => /\/catalogue\//.test(entry.name))
          .length,
    )
    await probe.close()
    // The app's own configuration screen ("appSettings: expected an object, got null") is drawn
    // in the canvas; the boot guard's page-level message is for a start that threw.
    expect(crashed).toBe(0)
    expect(catalogueRequests).toBe(0)
  })

  it('says on screen that it cannot start when its inlined settings do not parse', async () => {
    const html = readFileSync(path.join(distDir(target), 'index.html'), 'utf8')
    // A trailing comma is JSON's error, but JavaScript accepts it: a stray brace is not.
    const probe = await openEdited(html, (text) =>
      text.replace(/(appSettings = \{)/, '$1\n  "catalogue": { "backend": "http" }},'),
    )
    const message = probe.locator('#belgica-boot-error')
    await message.waitFor({ timeout: 10_000 })
    expect(await message.innerText()).toContain('Settings could not be read (settings.json)')
    await probe.close()
  })

  it("is black while its scripts load, not the browser's white", async () => {
    const probe = await (await browserContext()).newPage()
    // Scripts that take their time, as on a slow box: the page as it shows before they run.
    await probe.route(/\.js(\?|$)/, () => undefined)
    await probe.goto(server.url, { waitUntil: 'commit' })
    // The parser waits at the first script it must fetch: all that comes before it is in.
    await probe.waitForFunction(() => document.querySelector('script[src]') !== null)
    const background = await probe.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    )
    await probe.close()
    expect(background).toBe('rgb(0, 0, 0)')
  })

  // An impatient household presses Back at a slow box's loading screen. Before the App existed
  // the SDK took it as closing the app, destroying the stage the App was then built on: black.
  it('ignores Back pressed while it starts, and then draws its first screen', async () => {
    const context = await browserContext()
    const probe = await context.newPage()
    const errors: string[] = []
    probe.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    const cdp = await context.newCDPSession(probe)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await probe.goto(server.url, { waitUntil: 'commit' })
    const until = Date.now() + 1500
    while (Date.now() < until) {
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'rawKeyDown',
        windowsVirtualKeyCode: 8,
        key: 'Backspace',
      })
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        windowsVirtualKeyCode: 8,
        key: 'Backspace',
      })
      await probe.waitForTimeout(20)
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await cdp.detach()
    // A first start: the parental PIN is asked over home, which is drawn dimmed behind it: 90 to
    // 110 colours on this machine, by the titles on show that day (the package of the session
    // before read 90 too). A black stage stays at a handful however long it is given.
    await waitForArtwork(probe, 20_000, 40)
    expect(errors.filter((error) => /renderState/.test(error))).toEqual([])
    await probe.close()
  })

  it('starts on home with its artwork drawn, and the remote opens the title it moved to', async () => {
    // The es5 package is for old engines: it runs as on one, without their missing built-ins.
    page = await openApp(server.url, target === 'es5' ? { initScript: withoutLaterBuiltIns } : {})
    if (target === 'es5')
      expect(await page.evaluate(() => typeof Object.fromEntries)).toBe('function')
    await waitForArtwork(page)
    expect(await page.evaluate(() => '__belgica' in window)).toBe(false)
    await screenshot(page, `dist-${target}-home`)
    // Artwork is fetched and decoded by the decode worker where the engine has createImageBitmap
    // (the page's own request list then holds none of it), by Lightning's loader where it has not.
    const artworkOnPage = await page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => /\/artwork\/(posters|backdrops)\//.test(entry.name)).length,
    )
    if (target === 'es6') {
      expect(page.workers().map((worker) => worker.url())).toContainEqual(
        expect.stringMatching(/^blob:/),
      )
      expect(artworkOnPage).toBe(0)
    } else {
      expect(artworkOnPage).toBeGreaterThan(0)
    }

    await press(page, 'Enter')
    await waitForRoute(page, /^details\//, 'a title open')
    const first = await route(page)
    await press(page, 'Backspace')
    await waitForRoute(page, /^(home)?$/, 'home again')
    await press(page, 'ArrowRight', 2)
    await press(page, 'Enter')
    await waitForRoute(page, /^details\//, 'a title open')
    expect(await route(page)).not.toBe(first)
  })

  it('opens a title from a link and plays it', async () => {
    await page.evaluate(() => {
      window.location.hash = '#details/panique-au-village'
    })
    await waitForRoute(page, /^details\/panique-au-village$/, 'the title')
    await press(page, 'Enter')
    await page.waitForFunction(
      () => (document.querySelector('video')?.currentTime ?? 0) > 1,
      null,
      {
        timeout: 30_000,
      },
    )
    await screenshot(page, `dist-${target}-playing`)
    expect(consoleErrors(page)).toEqual([])
  })
})
