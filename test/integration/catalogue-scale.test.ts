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

beforeAll(async () => {
  if (!hasGenerator) return
  server = await startCatalogueServerProcess({
    dir: os.tmpdir(),
    largeCount: 10_000,
    pageSize: 500,
  })
}, 60_000)

afterAll(() => server?.stop())

testWithGenerator(
  '10,000 titles load page by page in the background and are all reachable by id',
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
