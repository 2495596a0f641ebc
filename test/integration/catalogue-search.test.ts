/**
 * GET /search of the reference server through the app's HTTP backend and loader: ranked answers,
 * accents ignored, the limit kept, what a viewer may not see left out, and a failing server
 * reported as a failure (the screen says so) rather than as "no result".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { CatalogueErrorCode } from '../../src/catalogue/errors'
import type { Title } from '../../src/catalogue/schema'
import { searchableBy } from '../../src/search/offered'
import embedded from '../../static/catalogue/titles.json'
import { startCatalogueServerProcess, type CatalogueServerProcess } from './support/catalogueServer'
import { makeLoader, readyState } from './support/loader'

let dir: string
let server: CatalogueServerProcess

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-search-'))
  await writeFile(path.join(dir, 'catalogue.json'), JSON.stringify(embedded))
  // One page holds the whole catalogue: no background page request takes a fault meant for /search.
  server = await startCatalogueServerProcess({ dir, pageSize: 200 })
})

afterAll(async () => {
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
})

async function loaded() {
  const run = makeLoader({ backend: 'http', url: server.url })
  await run.loader.reload()
  readyState(run.last())
  return run
}

const ids = (result: { status: string; titles?: Title[] }) => result.titles?.map((t) => t.id) ?? []

describe('GET /search through the HTTP backend', () => {
  test('finds an accented title typed without accents, first, and sends the limit', async () => {
    const run = await loaded()
    const result = await run.loader.search('heros', new AbortController().signal, 5)
    expect(result.status).toBe('ok')
    expect(ids(result)[0]).toBe('toto-le-heros')
    const asked = (await server.requests()).filter((r) => r.path.startsWith('/search'))
    expect(asked.at(-1)).toMatchObject({ path: '/search?q=heros&limit=5', status: 200 })
  })

  test('ranks a title prefix before people and genres, and keeps to the limit', async () => {
    const run = await loaded()
    const result = await run.loader.search('le', new AbortController().signal, 3)
    expect(ids(result)).toHaveLength(3)
    for (const title of result.status === 'ok' ? result.titles : []) {
      const names = Object.values(title.title).map((n) => n.toLowerCase())
      expect(names.some((name) => name.startsWith('le'))).toBe(true)
    }
  })

  test('finds genres by a Dutch name and brands', async () => {
    const run = await loaded()
    const crime = (embedded.titles as { id: string; genres: string[] }[])
      .filter((t) => t.genres.includes('crime'))
      .map((t) => t.id)
    const byGenre = await run.loader.search('misdaad', new AbortController().signal, 100)
    expect(ids(byGenre)).toEqual(expect.arrayContaining(crime))
    const byBrand = await run.loader.search('rtbf', new AbortController().signal, 100)
    expect(ids(byBrand).length).toBeGreaterThan(0)
  })

  test('leaves out what a kids profile may not see', async () => {
    const run = await loaded()
    const kids = searchableBy({ kids: true, maxAge: 10 }, Date.now(), 'hide')
    const result = await run.loader.search('toto', new AbortController().signal, 10, kids)
    expect(result).toEqual({ status: 'ok', titles: [] })
  })

  test('keeps found titles, so their details need no other request', async () => {
    const run = await loaded()
    await run.loader.search('heros', new AbortController().signal, 5)
    const before = (await server.requests()).length
    expect((await run.loader.findTitle('toto-le-heros')).status).toBe('found')
    expect((await server.requests()).length).toBe(before)
  })

  test('reports a failing server as a failure, not as no result', async () => {
    const run = await loaded()
    await server.setFault('error', 1)
    const result = await run.loader.search('heros', new AbortController().signal, 5)
    expect(result).toMatchObject({
      status: 'failed',
      problem: { code: CatalogueErrorCode.HTTP_STATUS },
    })
  })

  test('an aborted search resolves as aborted', async () => {
    const run = await loaded()
    await server.setFault('hang', 1)
    const controller = new AbortController()
    const pending = run.loader.search('heros', controller.signal, 5)
    controller.abort()
    expect(await pending).toMatchObject({
      status: 'failed',
      problem: { code: CatalogueErrorCode.ABORTED },
    })
    await server.setFault('none')
  })
})
