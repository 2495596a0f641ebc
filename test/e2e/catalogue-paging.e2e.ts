/**
 * A long operator rail served page by page by the reference catalogue server (HTTP backend): home
 * starts with the first page only, the rail grows as the viewer moves along it, and titles on no
 * loaded page are fetched on their own for a deep link, or reported as unreachable in an outage.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import {
  startCatalogueServerProcess,
  type CatalogueServerProcess,
} from '../integration/support/catalogueServer'
import {
  openApp,
  press,
  routeAppSettings,
  screenshot,
  snapshot,
  waitForApp,
} from './support/browser'
import { ROOT } from './support/environment'

const PAGE_SIZE = 10

interface HomeSnapshot {
  index: number
  itemId: string
  rails: { id: string; count: number; rendered: number; complete: boolean }[]
}

interface MissingSnapshot {
  screen: string
  reason?: string
}

const embedded = JSON.parse(
  readFileSync(path.join(ROOT, 'static/catalogue/titles.json'), 'utf8'),
) as { titles: { id: string }[] }
const ids = embedded.titles.map((title) => title.id)
/** A title on the rail's last page, which home never loads unless the viewer goes that far. */
const deepId = ids[ids.length - 1]!

let dir: string
let server: CatalogueServerProcess

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-e2e-paging-'))
  await writeFile(
    path.join(dir, 'catalogue.json'),
    JSON.stringify({
      version: 1,
      titles: embedded.titles,
      rails: [{ id: 'everything', name: { fr: 'Tout', en: 'Everything' }, itemIds: ids }],
    }),
  )
  server = await startCatalogueServerProcess({
    dir,
    pageSize: PAGE_SIZE,
    mounts: { '/static/': path.join(ROOT, 'static'), '/media/': path.join(ROOT, 'media') },
  })
  await routeAppSettings(
    (settings) => (settings.catalogue = { backend: 'http', url: server.url, retries: 0 }),
  )
}, 30_000)

// No unroute here: the browser (and its routes) closes with the file; asking for the context in an
// afterAll would launch a new browser that nothing closes, and jest would never exit.
afterAll(async () => {
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
})

const home = async (page: Page) => (await snapshot(page)).page as HomeSnapshot

/** A deep link to a title on no loaded page shows once the backend answered: wait for its screen. */
async function openDeepLink(path: string, options?: { keepStorage: boolean }): Promise<Page> {
  const page = await openApp(path, options)
  await waitForApp(page)
  await page.waitForFunction(() => window.__belgica?.snapshot().page !== null)
  return page
}
const railRequests = async () =>
  (await server.requests()).filter((request) => request.path.startsWith('/rails/'))
const titleRequests = async () =>
  (await server.requests()).filter((request) => request.path.startsWith('/titles/'))

describe('a long operator rail, paged', () => {
  it('starts with the first page only and grows ahead of the viewer, focus unmoved', async () => {
    const page = await openApp()
    await waitForApp(page)
    expect((await home(page)).rails[0]).toMatchObject({ count: PAGE_SIZE, complete: false })
    expect(await railRequests()).toEqual([])

    await press(page, 'ArrowRight', 3)
    await page.waitForFunction(
      (n) => (window.__belgica?.snapshot().page as HomeSnapshot).rails[0]!.count === n,
      PAGE_SIZE * 2,
    )
    expect((await railRequests()).map((request) => request.path)).toEqual([
      `/rails/everything?cursor=${PAGE_SIZE}`,
    ])
    expect(await home(page)).toMatchObject({ index: 3, itemId: ids[3] })

    // Far along the rail: every page on the way was asked for once, and the tiles stay virtualised.
    await press(page, 'ArrowRight', 25)
    await page.waitForFunction(
      (n) => (window.__belgica?.snapshot().page as HomeSnapshot).rails[0]!.count >= n,
      PAGE_SIZE * 4,
    )
    const state = await home(page)
    expect(state.itemId).toBe(ids[28])
    expect(state.rails[0]!.rendered).toBeLessThan(16)
    const asked = (await railRequests()).map((request) => request.path)
    expect(new Set(asked).size).toBe(asked.length)
    await screenshot(page, 'catalogue-paged-rail')
  })

  it('a deep link to a title on no loaded page fetches that title and shows its details', async () => {
    const page = await openDeepLink(`#details/${deepId}`)
    const state = await snapshot(page)
    expect(state.route).toBe(`details/${deepId}`)
    expect((state.page as { id?: string }).id).toBe(deepId)
    expect((await titleRequests()).map((request) => request.path)).toContain(`/titles/${deepId}`)
  })

  it('a deep link to an id the server does not have says "not found"', async () => {
    const page = await openDeepLink('#details/no-such-title')
    expect((await snapshot(page)).page as MissingSnapshot).toMatchObject({
      screen: 'not-found',
      reason: 'missing',
    })
  })

  it('with the server down, a title not kept on the box says the catalogue is unreachable; Retry opens it once the server is back', async () => {
    const first = await openApp()
    await waitForApp(first)
    await server.setFault('error', 1_000)
    const page = await openDeepLink(`#details/${deepId}`, { keepStorage: true })
    expect((await snapshot(page)).page as MissingSnapshot).toMatchObject({
      screen: 'not-found',
      reason: 'unavailable',
    })
    await screenshot(page, 'catalogue-title-unavailable')

    await server.setFault('none')
    await press(page, 'Enter')
    await page.waitForFunction(
      (id) => (window.__belgica?.snapshot().page as { id?: string }).id === id,
      deepId,
    )
  })
})
