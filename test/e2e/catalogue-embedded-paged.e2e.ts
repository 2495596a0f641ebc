/**
 * A 10,000-title catalogue shipped as the embedded one: split into pages by the build's own step
 * (scripts/lib/page-catalogue.mjs, run on a copy, as `npm run build` and `npm run dist` run it on
 * theirs) and served in place of the build's static/catalogue/. The app boots holding home's first
 * pages only, opens a deep link to a title at the end of a rail, and search finds a title that is
 * on no page it has read.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BrowserContext, Page } from 'playwright-core'
import type { SearchSnapshot } from '../../src/screens/Search'
import { browserContext, openApp, snapshot, waitForApp } from './support/browser'
import { ROOT } from './support/environment'

const COUNT = 10_000
const CATALOGUE_ROUTE = '**/static/catalogue/**'

/** Generates the catalogue and splits it with the build's step, in a child Node (ES modules). */
function splitLargeCatalogue(dir: string): void {
  const module = (file: string) => JSON.stringify(pathToFileURL(path.join(ROOT, file)).href)
  const code = `
    import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
    import { generateLargeCatalogue } from ${module('scripts/lib/large-catalogue.mjs')}
    import { pageEmbeddedCatalogue } from ${module('scripts/lib/page-catalogue.mjs')}
    const baseCatalogue = JSON.parse(readFileSync(${JSON.stringify(path.join(ROOT, 'static/catalogue/titles.json'))}, 'utf8'))
    const document = generateLargeCatalogue({ count: ${COUNT}, baseCatalogue })
    mkdirSync(${JSON.stringify(path.join(dir, 'catalogue'))}, { recursive: true })
    writeFileSync(${JSON.stringify(path.join(dir, 'catalogue/titles.json'))}, JSON.stringify(document))
    const result = await pageEmbeddedCatalogue(${JSON.stringify(dir)})
    if (!result.paged) throw new Error('not split: ' + result.reason)
  `
  execFileSync(process.execPath, ['--input-type=module', '-e', code], { stdio: 'inherit' })
}

const until = (page: Page, test: string, timeout = 30_000) =>
  page.waitForFunction(
    `(() => { const s = window.__belgica?.snapshot(); return Boolean(s && (${test})) })()`,
    null,
    { timeout, polling: 50 },
  )

interface PageFile {
  ids: string[]
  next: string | null
}

describe('a 10,000-title embedded catalogue, split into pages', () => {
  let dir: string
  let context: BrowserContext

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'belgica-paged-'))
    splitLargeCatalogue(dir)
    context = await browserContext()
    await context.route(CATALOGUE_ROUTE, async (route) => {
      const relative = new URL(route.request().url()).pathname.split('/static/')[1] ?? ''
      const file = path.join(dir, relative)
      // The build's other catalogue files (live channels) are served as they are.
      if (!relative.startsWith('catalogue/') || !existsSync(file)) return route.fallback()
      await route.fulfill({ path: file, contentType: 'application/json' })
    })
  }, 180_000)

  afterAll(async () => {
    await context?.unroute(CATALOGUE_ROUTE)
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  /** The last page of a rail, as the build wrote it. */
  const lastPage = (railId: string): PageFile => {
    const files = path.join(dir, 'catalogue/paged/rails', railId)
    let page = 2
    while (existsSync(path.join(files, `${page + 1}.json`))) page++
    return JSON.parse(readFileSync(path.join(files, `${page}.json`), 'utf8')) as PageFile
  }

  it('boots holding the first pages of home, not the catalogue', async () => {
    const page = await openApp()
    await waitForApp(page, 60_000)
    await until(page, "s.route === 'home' && s.page?.screen === 'home'")
    const state = await snapshot(page)
    expect(state.catalogue.titles).toBeGreaterThan(0)
    expect(state.catalogue.titles).toBeLessThan(1000)
  })

  it('opens a deep link to the last title of a rail', async () => {
    const target = lastPage('foreign').ids.at(-1)!
    const page = await openApp(`#details/${target}`)
    await waitForApp(page, 60_000)
    await until(
      page,
      `s.route === 'details/${target}' && s.page?.screen === 'details' && s.page.id === '${target}'`,
    )
  })

  it('finds by search a title on no page read so far', async () => {
    const id = lastPage('films').ids.at(-1)!
    const title = JSON.parse(
      readFileSync(path.join(dir, `catalogue/paged/titles/${id}.json`), 'utf8'),
    ) as { title: Record<string, string> }
    const name = title.title.fr ?? Object.values(title.title)[0]!
    const page = await openApp(`#search/${encodeURIComponent(name)}`)
    await waitForApp(page, 60_000)
    await until(page, "s.page?.screen === 'search' && s.page.status === 'results'")
    const found = (await snapshot(page)).page as SearchSnapshot
    expect(found.ids).toContain(id)
  })
})
