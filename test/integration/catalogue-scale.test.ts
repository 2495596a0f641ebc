/**
 * A 10,000-title catalogue (scripts/lib/large-catalogue.mjs) served by the reference server and
 * loaded through the HTTP backend: paged, validated, indexed once.
 */
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  ROOT,
  startCatalogueServerProcess,
  type CatalogueServerProcess,
} from './support/catalogueServer'
import { CACHE_MAX_TITLES } from '../../src/catalogue/cache'
import { makeLoader, readyState } from './support/loader'

// The generator belongs to the benchmark; without it there is nothing to load.
const hasGenerator = existsSync(path.join(ROOT, 'scripts/lib/large-catalogue.mjs'))
const testWithGenerator = hasGenerator ? test : test.skip

let server: CatalogueServerProcess | undefined
let railServer: CatalogueServerProcess | undefined

beforeAll(async () => {
  if (!hasGenerator) return
  ;[server, railServer] = await Promise.all([
    startCatalogueServerProcess({ dir: os.tmpdir(), largeCount: 10_000, pageSize: 500 }),
    startCatalogueServerProcess({
      dir: os.tmpdir(),
      largeCount: 10_000,
      largeRails: true,
      pageSize: 50,
    }),
  ])
}, 60_000)

afterAll(async () => {
  await Promise.all([server?.stop(), railServer?.stop()])
})

testWithGenerator(
  '10,000 titles with a rail layout: start holds only the first page of each rail, rails grow on request, any title is reachable',
  async () => {
    const run = makeLoader({ backend: 'http', url: railServer!.url, maxPages: 40 })
    await run.loader.reload()
    await run.loader.idle()
    const shown = readyState(run.last())
    const rails = shown.catalogue.rails
    expect(rails.length).toBeGreaterThan(5)
    expect(rails.every((rail) => rail.items.length <= 50)).toBe(true)
    expect(shown.catalogue.size).toBeLessThanOrEqual(rails.length * 50)
    expect(run.states).toHaveLength(1)
    const requests = await railServer!.requests()
    expect(requests.map((request) => request.path)).toEqual(['/home'])

    const films = rails.find((rail) => rail.id === 'films')!
    expect(films.next).toBeTruthy()
    expect(await run.loader.moreOf('films')).toBe(50)
    expect(films.items).toHaveLength(100)

    // A title no loaded rail page holds, as a deep link would ask for it.
    const far = 'rosetta-c120'
    expect(shown.catalogue.title(far)).toBeUndefined()
    const found = await run.loader.findTitle(far)
    expect(found.status === 'found' && found.title.id).toBe(far)
    expect(shown.catalogue.title(far)?.id).toBe(far)
    expect(await run.loader.findTitle('no-such-title')).toEqual({ status: 'missing' })
    console.log(
      `10k titles with rails: ${shown.catalogue.size} titles held after start, ${rails.length} rails`,
    )
  },
  60_000,
)

testWithGenerator(
  '10,000 titles as a flat list (no layout) load page by page in the background and are all reachable by id',
  async () => {
    const run = makeLoader({ backend: 'http', url: server!.url, maxPages: 40 })
    const started = Date.now()
    await run.loader.reload()
    const firstShown = Date.now() - started
    const first = readyState(run.last())
    expect(first.catalogue.titles).toHaveLength(500)
    await run.loader.idle()
    const complete = readyState(run.last())
    const total = Date.now() - started
    expect(complete.catalogue.titles).toHaveLength(10_000)
    expect(complete.catalogue.problems).toEqual([])
    expect(complete.catalogue.title('rosetta-c19')?.id).toBe('rosetta-c19')
    expect(complete.catalogue.rails.length).toBeGreaterThan(3)
    // Only two states reach the screen: the first page, then the complete catalogue.
    expect(run.states).toHaveLength(2)
    // The device keeps the head of the catalogue, small enough for localStorage (~5M characters).
    const [stored] = [...run.storage.values()] as string[]
    expect(stored!.length).toBeLessThan(4_000_000)
    expect((JSON.parse(stored!) as { titles: unknown[] }).titles).toHaveLength(CACHE_MAX_TITLES)
    console.log(`device copy: ${(stored!.length / 1e6).toFixed(1)}M characters`)
    console.log(`10k titles: first page shown after ${firstShown} ms, complete after ${total} ms`)
  },
  60_000,
)
