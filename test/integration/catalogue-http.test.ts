/**
 * The HTTP and Direct Publisher backends, through the app's loader, against the real reference
 * server (scripts/lib/catalogue-server.mjs) on 127.0.0.1, with Node's fetch.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { CatalogueErrorCode } from '../../src/catalogue/errors'
import fixture from '../fixtures/catalogue-small.json'
import { directPublisherFeed } from '../unit/catalogue/feedFixture'
import { MALFORMED_ITEMS } from '../unit/catalogue/malformed'
import { startCatalogueServerProcess, type CatalogueServerProcess } from './support/catalogueServer'
import { makeLoader, readyState } from './support/loader'

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

let dir: string
const servers: CatalogueServerProcess[] = []

async function serve(document: unknown, options: { pageSize?: number; feed?: unknown } = {}) {
  const folder = await mkdtemp(path.join(dir, 'catalogue-'))
  await writeFile(path.join(folder, 'catalogue.json'), JSON.stringify(document))
  if (options.feed) await writeFile(path.join(folder, 'feed.json'), JSON.stringify(options.feed))
  const server = await startCatalogueServerProcess({
    dir: folder,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  })
  servers.push(server)
  return { server, folder }
}

const withRails = () => ({
  ...copy(fixture),
  rails: [
    {
      id: 'new',
      name: { fr: 'Nouveautés', en: 'New' },
      itemIds: ['rosetta', 'rundskop', 'amelie'],
    },
    { id: 'series', name: { fr: 'Séries' }, itemIds: ['la-treve'] },
  ],
})

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-integration-'))
})

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('HTTP backend against the reference server', () => {
  test('loads the first page of each served rail, grows a rail on request, and revalidates with a 304', async () => {
    const { server } = await serve(withRails(), { pageSize: 2 })
    const run = makeLoader({ backend: 'http', url: server.url })
    await run.loader.reload()
    await run.loader.idle()
    const state = readyState(run.last())
    expect(state.source).toBe('network')
    expect(state.catalogue.rails.map((r) => [r.id, r.items.map((t) => t.id)])).toEqual([
      ['new', ['rosetta', 'rundskop']],
      ['series', ['la-treve']],
    ])
    expect(await run.loader.moreOf('new')).toBe(1)
    expect(state.catalogue.rail('new')?.items.map((t) => t.id)).toEqual([
      'rosetta',
      'rundskop',
      'amelie',
    ])
    expect(state.catalogue.title('rosetta')?.artwork.poster).toBe(
      `${server.url}static/artwork/posters/rosetta.jpg`,
    )

    // A second start with the same device storage: If-None-Match, 304, the kept catalogue.
    const again = makeLoader({ backend: 'http', url: server.url }, run.storage)
    await again.loader.reload()
    expect(readyState(again.last())).toMatchObject({ source: 'network' })
    // The device keeps home as it first came: the first page of each rail.
    expect(readyState(again.last()).catalogue.titles).toHaveLength(3)
    const requests = await server.requests()
    expect(requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/home 200',
      '/rails/new?cursor=2 200',
      '/home 304',
    ])
  })

  test('a server that hangs: the request times out (TIMEOUT) instead of waiting forever', async () => {
    const { server } = await serve(withRails())
    await server.setFault('hang')
    const run = makeLoader({ backend: 'http', url: server.url, timeoutMs: 300, retries: 1 })
    const started = Date.now()
    await run.loader.reload()
    const state = run.last()
    expect(state).toMatchObject({ status: 'error', problem: { code: CatalogueErrorCode.TIMEOUT } })
    expect(Date.now() - started).toBeLessThan(3000)
    expect((await server.requests()).filter((r) => r.path === '/home')).toHaveLength(2)
  })

  test('a server that answers 500 twice then recovers: the retries get the catalogue', async () => {
    const { server } = await serve(withRails())
    await server.setFault('error', 2)
    const run = makeLoader({ backend: 'http', url: server.url, retries: 2 })
    await run.loader.reload()
    expect(readyState(run.last()).catalogue.titles).toHaveLength(4)
    expect((await server.requests()).map((r) => r.status)).toEqual([500, 500, 200])
  })

  test('a server that dies after a first good load: the next start shows the last good catalogue, marked cache', async () => {
    const { server } = await serve(withRails())
    const storage = new Map<string, unknown>()
    const first = makeLoader({ backend: 'http', url: server.url }, storage)
    await first.loader.reload()
    const loadedAt = Date.now()
    await server.stop()

    const second = makeLoader({ backend: 'http', url: server.url, retries: 1 }, storage)
    const started = Date.now()
    await second.loader.reload()
    const state = readyState(second.last())
    expect(state.source).toBe('cache')
    expect(state.cachedAt).toBeGreaterThanOrEqual(loadedAt - 1000)
    expect(state.catalogue.rails.map((r) => r.id)).toEqual(['new', 'series'])
    expect(Date.now() - started).toBeLessThan(2500)
    second.loader.stop()
  })

  test('while offline on the last good catalogue, home is refreshed as soon as the server answers again', async () => {
    const { server } = await serve(withRails())
    const storage = new Map<string, unknown>()
    const first = makeLoader({ backend: 'http', url: server.url }, storage)
    await first.loader.reload()

    await server.setFault('error', 2)
    const second = makeLoader(
      { backend: 'http', url: server.url, retries: 0, offlineRetryMs: 200 },
      storage,
    )
    await second.loader.reload()
    expect(readyState(second.last()).source).toBe('cache')
    const deadline = Date.now() + 5000
    while (readyState(second.last()).source === 'cache' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(readyState(second.last()).source).toBe('network')
    expect((await server.requests()).map((r) => `${r.path} ${r.status}`)).toEqual([
      '/home 200',
      '/home 500',
      '/home 500',
      '/home 304',
    ])
    second.loader.stop()
  })

  test('malformed items are skipped and reported; the rest of the catalogue shows', async () => {
    const document = copy(fixture) as { version: number; titles: unknown[] }
    document.titles.splice(1, 0, ...MALFORMED_ITEMS.map((m) => m.item))
    const { server } = await serve(document, { pageSize: 4 })
    const run = makeLoader({ backend: 'http', url: server.url })
    await run.loader.reload()
    await run.loader.idle()
    const state = readyState(run.last())
    expect(state.catalogue.titles.map((t) => t.id).sort()).toEqual([
      'amelie',
      'dikkenek',
      'la-treve',
      'rosetta',
      'rundskop',
    ])
    expect(state.catalogue.problems).toHaveLength(MALFORMED_ITEMS.length)
    expect(run.logs.filter((l) => l.startsWith('catalogue[http]: skipped'))).toHaveLength(
      MALFORMED_ITEMS.length,
    )
    expect(state.catalogue.rails.length).toBeGreaterThan(0)
  })

  test("ids with capitals, '_' and '.' are the CMS's keys: shown, and looked up as written", async () => {
    const document = withRails() as { titles: { id: string }[]; rails: { itemIds: string[] }[] }
    document.titles.find((t) => t.id === 'rosetta')!.id = 'MOV_0042'
    document.rails[0]!.itemIds[0] = 'MOV_0042'
    // Not on a rail: only a lookup (a deep link, a saved position) finds it.
    document.titles.find((t) => t.id === 'dikkenek')!.id = 'Film.Dikkenek'
    const { server } = await serve(document)
    const run = makeLoader({ backend: 'http', url: server.url })
    await run.loader.reload()
    await run.loader.idle()
    const state = readyState(run.last())
    expect(state.catalogue.rails[0]!.items.map((t) => t.id)).toContain('MOV_0042')
    expect(state.catalogue.problems).toEqual([])
    const found = await run.loader.findTitle('Film.Dikkenek')
    expect(found).toMatchObject({ status: 'found', title: { id: 'Film.Dikkenek' } })
  })

  test('a response that is not JSON is a clear NOT_JSON error, never an empty home', async () => {
    const { server } = await serve(withRails())
    await server.setFault('garbage')
    const run = makeLoader({ backend: 'http', url: server.url })
    await run.loader.reload()
    expect(run.last()).toMatchObject({
      status: 'error',
      problem: { code: CatalogueErrorCode.NOT_JSON },
    })
  })
})

describe('Direct Publisher feed served over HTTP', () => {
  test("a start on the kept copy (the feed answered 304) has the feed's live channels without fetching it again", async () => {
    const feed = {
      ...directPublisherFeed(),
      liveFeeds: [
        {
          id: 'LIVE-INFO',
          title: 'Canal Escaut Info',
          content: { videos: [{ url: 'live/info.m3u8', quality: 'HD', videoType: 'HLS' }] },
          thumbnail: 'logos/info.png',
          shortDescription: 'Les nouvelles de la région.',
        },
      ],
    }
    const { server } = await serve(withRails(), { feed })
    const url = `${server.url}feed.json`
    const storage = new Map<string, unknown>()
    const first = makeLoader({ backend: 'directpublisher', url }, storage)
    await first.loader.reload()
    readyState(first.last())
    const again = makeLoader({ backend: 'directpublisher', url }, storage)
    await again.loader.reload()
    readyState(again.last())
    const live = await again.loader.liveChannels()
    expect(live.status === 'ok' && live.channels.map((channel) => channel.id)).toEqual([
      'live-info',
    ])
    const feedRequests = (await server.requests()).filter((r) => r.path.startsWith('/feed.json'))
    expect(feedRequests.map((r) => r.status)).toEqual([200, 304])
  })

  test('the feed becomes titles and rails; unmappable items are reported', async () => {
    const { server } = await serve(withRails(), { feed: directPublisherFeed() })
    const run = makeLoader({ backend: 'directpublisher', url: `${server.url}feed.json` })
    await run.loader.reload()
    const state = readyState(run.last())
    // MP4-only and unrated items are kept; only the Smooth-only one cannot be played.
    expect(state.catalogue.titles).toHaveLength(8)
    expect(state.catalogue.rails.map((r) => r.id)).toEqual(['a-la-une', 'belgique'])
    expect(state.catalogue.problems.map((p) => [p.itemId, p.reason])).toEqual([
      ['MOV-SMOOTH', 'no-playable-video'],
      // The feed's category that matches nothing, said for the operator (not a skipped item).
      ['category Vide', undefined],
    ])
  })
})
