/**
 * The app pointed at an operator's catalogue (settings.json appSettings.catalogue, as `npm start`
 * with CATALOGUE_URL/CATALOGUE_BACKEND writes it): the reference catalogue server on 127.0.0.1
 * serves the HTTP contract and a Direct Publisher feed; the embedded artwork is mounted on it.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  startCatalogueServerProcess,
  type CatalogueServerProcess,
} from '../integration/support/catalogueServer'
import { directPublisherFeed } from '../unit/catalogue/feedFixture'
import {
  openApp,
  press,
  routeAppSettings,
  screenshot,
  snapshot,
  unrouteAppSettings,
  waitForApp,
  waitRoute,
} from './support/browser'
import { ROOT } from './support/environment'

interface HomeSnapshot {
  rails: { id: string; label: string; count: number }[]
}

const embedded = JSON.parse(
  readFileSync(path.join(ROOT, 'static/catalogue/titles.json'), 'utf8'),
) as { titles: { id: string; kind: string }[] }

/** Six embedded titles in two named rails, and one malformed item the app must skip. */
function servedCatalogue() {
  const titles: unknown[] = embedded.titles.slice(0, 6)
  titles.push({ id: 'broken-item', kind: 'film', title: { fr: 'x'.repeat(100_000) } })
  const ids = embedded.titles.slice(0, 6).map((t) => t.id)
  return {
    version: 1,
    titles,
    rails: [
      {
        id: 'served',
        name: { fr: 'Servi par le serveur', nl: 'Van de server', en: 'From the server' },
        itemIds: [...ids.slice(0, 4), 'broken-item'],
      },
      { id: 'more', name: { fr: 'Encore', en: 'More' }, itemIds: ids.slice(4) },
    ],
  }
}

/** The test feed with every URL on this machine: thumbnails from the mounted artwork. */
function localFeed(serverUrl: string) {
  const text = JSON.stringify(directPublisherFeed())
    .replace(/https:\/\/img\.example\.be\/[^"]+/g, 'static/artwork/posters/rosetta.jpg')
    .replace(/art\/mov-001\.jpg/g, 'static/artwork/posters/amelie.jpg')
    .replace(/https:\/\/cdn\.example\.be\//g, `${serverUrl}media/`)
  return JSON.parse(text) as unknown
}

let dir: string
let server: CatalogueServerProcess | undefined

async function startServer(): Promise<CatalogueServerProcess> {
  server = await startCatalogueServerProcess({
    dir,
    mounts: { '/static/': path.join(ROOT, 'static'), '/media/': path.join(ROOT, 'media') },
  })
  return server
}

const pointAppAt = (catalogue: Record<string, unknown>) =>
  routeAppSettings((settings) => (settings.catalogue = catalogue))

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-e2e-catalogue-'))
  await writeFile(path.join(dir, 'catalogue.json'), JSON.stringify(servedCatalogue()))
})

afterEach(async () => {
  await unrouteAppSettings()
  await server?.stop()
  server = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('operator catalogue backends', () => {
  it('started with a catalogue URL, home shows the served catalogue and its rails', async () => {
    const { url } = await startServer()
    await pointAppAt({ backend: 'http', url })
    const page = await openApp()
    await waitForApp(page)
    const state = await snapshot(page)
    expect(state.overlay).toBeNull()
    expect(state.catalogue).toMatchObject({
      status: 'ready',
      titles: 6,
      skipped: 1,
      source: 'network',
      notice: '',
    })
    const home = state.page as HomeSnapshot
    expect(home.rails.map((r) => [r.id, r.label, r.count])).toEqual([
      ['served', 'Servi par le serveur', 4],
      ['more', 'Encore', 2],
    ])
    await page.waitForFunction(() => (window.__belgica?.snapshot().render.postersLoaded ?? 0) >= 4)
    await screenshot(page, 'catalogue-http')
  })

  it('with a Direct Publisher feed, home shows the feed categories as rails', async () => {
    const { url } = await startServer()
    await writeFile(path.join(dir, 'feed.json'), JSON.stringify(localFeed(url)))
    await pointAppAt({ backend: 'directpublisher', url: `${url}feed.json` })
    const page = await openApp()
    await waitForApp(page)
    const state = await snapshot(page)
    // MP4-only and unrated items are kept; only the Smooth-only one is skipped.
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 8, skipped: 1 })
    const home = state.page as HomeSnapshot
    expect(home.rails.map((r) => [r.id, r.label, r.count])).toEqual([
      ['a-la-une', 'À la une', 4],
      ['belgique', 'Belgique', 3],
    ])
    await screenshot(page, 'catalogue-feed')
  })

  it('a server answering something that is not the contract gives the error screen; Retry brings home', async () => {
    const served = await startServer()
    await served.setFault('garbage')
    await pointAppAt({ backend: 'http', url: served.url, retries: 0 })
    const page = await openApp()
    await waitForApp(page)
    const failed = await snapshot(page)
    expect(failed.overlay).toBe('catalogue-error')
    expect(failed.catalogue).toMatchObject({ status: 'error' })
    expect(failed.catalogue.problem).toMatch(/is not JSON/)
    // The title on two lines and the technical detail below it each push the next part down.
    await page.waitForFunction(() => {
      const boxes = window.__belgica?.snapshot().overlayBoxes
      return Boolean(boxes?.title?.h && boxes.message?.h)
    })
    const { panel, title, message, buttons } = (await snapshot(page)).overlayBoxes!
    expect(title!.h).toBeGreaterThan(60)
    expect(title!.y + title!.h).toBeLessThanOrEqual(message!.y)
    expect(message!.y + message!.h).toBeLessThanOrEqual(buttons!.y)
    expect(buttons!.y + buttons!.h).toBeLessThanOrEqual(panel!.y + panel!.h)
    await screenshot(page, 'catalogue-error')

    // The second button shows what failed, for the operator's support.
    await press(page, 'ArrowRight')
    await press(page, 'Enter')
    await waitRoute(page, 'settings/diagnostics')
    expect((await snapshot(page)).overlay).toBeNull()
    await screenshot(page, 'catalogue-error-diagnostics')
    await page.reload()
    await page.waitForFunction(() => window.__belgica?.snapshot().overlay === 'catalogue-error')

    await served.setFault('none')
    await press(page, 'Enter')
    await page.waitForFunction(() => window.__belgica?.snapshot().catalogue.status === 'ready')
    const state = await snapshot(page)
    expect(state.overlay).toBeNull()
    expect(state.catalogue).toMatchObject({ titles: 6, source: 'network' })
  })

  it('a server that says it is busy for two minutes (503, Retry-After): no hammering, the dialog says busy', async () => {
    const served = await startServer()
    await served.setFault('busy')
    await pointAppAt({ backend: 'http', url: served.url, retries: 2 })
    const page = await openApp()
    await page.waitForFunction(() => window.__belgica?.snapshot().overlay === 'catalogue-error')
    const { overlayText, catalogue } = await snapshot(page)
    expect(catalogue.problem).toMatch(/answered 503/)
    expect(overlayText!.message).toMatch(/^Le service de votre opérateur est surchargé/)
    // Asked once: the retries would not be answered within the wait the server asked for.
    expect((await served.requests()).filter((r) => r.status === 503)).toHaveLength(1)
    await screenshot(page, 'catalogue-busy')

    await served.setFault('none')
    await press(page, 'Enter')
    await page.waitForFunction(() => window.__belgica?.snapshot().catalogue.status === 'ready')
    expect((await snapshot(page)).overlay).toBeNull()
  })

  it('a server that never answers: the screen says it is loading, then that it tries again, then why it failed', async () => {
    const served = await startServer()
    await served.setFault('hang')
    await pointAppAt({ backend: 'http', url: served.url, timeoutMs: 2500, retries: 1 })
    const page = await openApp()
    const loadingSays = (text: string) =>
      page.waitForFunction((expected) => {
        return window.__belgica?.snapshot().catalogue.loading === expected
      }, text)
    await loadingSays('Chargement…')
    expect((await snapshot(page)).catalogue.status).toBe('loading')
    await screenshot(page, 'catalogue-loading')
    await loadingSays('Le catalogue tarde à répondre. Nouvel essai en cours…')
    await page.waitForFunction(
      () => window.__belgica?.snapshot().overlay === 'catalogue-error',
      null,
      {
        timeout: 15_000,
      },
    )
    expect((await snapshot(page)).catalogue.loading).toBe('')
    await served.setFault('none')
  })

  it('with the server stopped after a first good load, a reload still shows home, with the date of what it shows', async () => {
    const first = await startServer()
    await pointAppAt({ backend: 'http', url: first.url })
    const page = await openApp()
    await waitForApp(page)
    expect((await snapshot(page)).catalogue).toMatchObject({ status: 'ready', source: 'network' })
    await page.waitForFunction(() => (window.__belgica?.snapshot().render.postersLoaded ?? 0) >= 4)
    await first.stop()

    const started = Date.now()
    const again = await openApp('', { keepStorage: true })
    await waitForApp(again)
    const elapsed = Date.now() - started
    const state = await snapshot(again)
    expect(state.overlay).toBeNull()
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 6, source: 'cache' })
    expect(state.catalogue.notice).toMatch(
      /^Contenu du \d\d\/\d\d à \d\d:\d\d : il ne peut pas être mis à jour pour l'instant$/,
    )
    expect((state.page as HomeSnapshot).rails.map((r) => r.id)).toEqual(['served', 'more'])
    expect(elapsed).toBeLessThan(10_000)
    await screenshot(again, 'catalogue-offline')
  })
})
