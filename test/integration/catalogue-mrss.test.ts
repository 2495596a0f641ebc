/**
 * The MRSS backend through the app's loader, against the real reference server
 * (scripts/lib/catalogue-server.mjs) on 127.0.0.1, with Node's fetch. Node has no DOMParser, so
 * jsdom's stands in for the browser's (the one the backend uses on a box).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import { CatalogueErrorCode } from '../../src/catalogue/errors'
import { FULL_FEED, MINIMAL_FEED, UNDECLARED_FEED } from '../unit/catalogue/mrssFixture'
import { startCatalogueServerProcess, type CatalogueServerProcess } from './support/catalogueServer'
import { makeLoader as startLoader, readyState, type LoaderRun } from './support/loader'

let dir: string
let server: CatalogueServerProcess
const dom = new JSDOM('')
const runs: LoaderRun[] = []

/** Availability windows arm a timer in the loader: every loader is stopped after its test. */
const makeLoader = (...args: Parameters<typeof startLoader>): LoaderRun => {
  const run = startLoader(...args)
  runs.push(run)
  return run
}

beforeAll(async () => {
  ;(globalThis as { DOMParser?: unknown }).DOMParser = dom.window.DOMParser
  dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-mrss-'))
  await writeFile(path.join(dir, 'feed.xml'), FULL_FEED)
  await writeFile(path.join(dir, 'undeclared.xml'), UNDECLARED_FEED)
  await writeFile(path.join(dir, 'broken.xml'), '{"not": "xml"}')
  // An export in ISO-8859-1 that says so in its prolog only (the server names no charset).
  const latin1 = MINIMAL_FEED.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
  await writeFile(path.join(dir, 'latin1.xml'), Buffer.from(latin1, 'latin1'))
  server = await startCatalogueServerProcess({ dir })
})

afterEach(() => {
  for (const run of runs.splice(0)) run.loader.stop()
})

afterAll(async () => {
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
  delete (globalThis as { DOMParser?: unknown }).DOMParser
  dom.window.close()
})

describe('MRSS feed served over HTTP', () => {
  test('the feed becomes films and derived rails; unmappable items are reported; a second start revalidates (304)', async () => {
    const url = `${server.url}feed.xml`
    const head = await fetch(url, { method: 'HEAD' })
    expect(head.headers.get('content-type')).toMatch(/^application\/xml/)

    const run = makeLoader({ backend: 'mrss', url })
    await run.loader.reload()
    const state = readyState(run.last())
    expect(state.source).toBe('network')
    expect(state.catalogue.titles.map((t) => t.id)).toEqual([
      'https-cms-example-be-videos-grand-format-1',
      'enc-002',
      'dash-003',
      'adult-004',
      'simple-005',
      // No guid (optional in RSS 2.0): named after its video.
      '006-t5xgsg',
    ])
    expect(state.catalogue.rails.length).toBeGreaterThan(0)
    expect(state.catalogue.problems.map((p) => [p.itemId, p.reason ?? p.leftOut?.reason])).toEqual([
      ['SMOOTH-007', 'no-playable-video'],
      ['IMAGE-008', 'no-playable-video'],
      ['NOTITLE-009', 'missing-field'],
      // Kept, without its "Lighting" credit, which no screen shows.
      ['https://cms.example.be/videos/Grand Format 1', 'credit-role'],
    ])
    expect(
      state.catalogue.title('https-cms-example-be-videos-grand-format-1')?.artwork.backdrop,
    ).toBe(`${server.url}art/gf1-1920.jpg`)

    const again = makeLoader({ backend: 'mrss', url }, run.storage)
    await again.loader.reload()
    expect(readyState(again.last()).catalogue.titles).toHaveLength(6)
    // A streamed file's status is only recorded once the server has flushed it: the first GET's
    // 200 is what the first load shows, the 304 is what matters here.
    const requests = (await server.requests()).filter((r) => r.path === '/feed.xml')
    expect(requests.map((r) => r.method)).toEqual(['HEAD', 'GET', 'GET'])
    expect(requests[2]?.status).toBe(304)
  })

  test('a feed with undeclared namespace prefixes loads, and the repair is logged', async () => {
    const run = makeLoader({ backend: 'mrss', url: `${server.url}undeclared.xml` })
    await run.loader.reload()
    expect(readyState(run.last()).catalogue.titles.map((t) => t.id)).toEqual(['noord-1'])
    expect(run.logs).toContainEqual(expect.stringMatching(/undeclared namespace prefixes/))
  })

  test('a feed in ISO-8859-1 keeps its accents (read in the encoding its prolog names)', async () => {
    const run = makeLoader({ backend: 'mrss', url: `${server.url}latin1.xml` })
    await run.loader.reload()
    const titles = readyState(run.last()).catalogue.titles
    expect(titles.map((t) => t.title.fr ?? Object.values(t.title)[0])).toEqual(['Le Pont de Liège'])
  })

  test('a document that is not XML is a NOT_XML error screen, never an empty home', async () => {
    const run = makeLoader({ backend: 'mrss', url: `${server.url}broken.xml` })
    await run.loader.reload()
    expect(run.last()).toMatchObject({
      status: 'error',
      problem: { code: CatalogueErrorCode.NOT_XML },
    })
  })
})
