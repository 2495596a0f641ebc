/**
 * GET <url>/guide on the reference server (scripts/lib/catalogue-server.mjs), read by the app's
 * 'catalogue' guide source over the http backend, with Node's fetch: the query the app sends, the
 * window and channel filtering, real exports' deviations read, malformed programmes reported.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { httpBackend } from '../../src/catalogue/httpBackend'
import { BackendRegistry } from '../../src/catalogue/registry'
import { createGuideSource } from '../../src/guide/sources'
import { startCatalogueServerProcess, type CatalogueServerProcess } from './support/catalogueServer'

const guide = [
  {
    channel: 'ardenne-1',
    start: '2026-12-02T19:30:00+01:00',
    end: '2026-12-02T20:15:00+01:00',
    title: { fr: 'Le Journal de 19h30' },
    ratings: [{ system: 'CSA', value: 'TP' }],
    restart: true,
    replay: true,
  },
  // Deviations: "stop", a plain-string title, season as a string, a single rating object,
  // booleans as strings, no end on the next one (ends at the programme after it).
  {
    channel: 'ardenne-1',
    start: '2026-12-02T20:15:00+01:00',
    stop: '2026-12-02T20:25:00+01:00',
    title: 'Météo',
    season: '3',
    episode: 12,
    rating: { system: 'CSA', value: '-12' },
    replay: 'false',
  },
  { channel: 'ardenne-1', start: '2026-12-02T20:25:00+01:00', title: { fr: 'Film' } },
  { channel: 'ardenne-1', start: '2026-12-02T22:15:00+01:00', title: { fr: 'Nuit' } },
  // Malformed: no title; a start that is not a time. A field of the backend's own is ignored.
  { channel: 'ardenne-1', start: '2026-12-02T23:00:00+01:00', end: '2026-12-02T23:30:00+01:00' },
  {
    channel: 'kadee',
    start: '2026-12-02T19:00:00+01:00',
    end: '2026-12-02T20:00:00+01:00',
    title: { nl: 'Bollie' },
    colour: 'red',
  },
  { channel: 'kadee', start: 'tonight', end: '2026-12-02T21:00:00+01:00', title: { nl: 'Billie' } },
  // Outside the window, and another channel.
  {
    channel: 'ardenne-1',
    start: '2026-12-01T19:30:00+01:00',
    end: '2026-12-01T20:15:00+01:00',
    title: { fr: 'Hier' },
  },
  {
    channel: 'brabant-tv',
    start: '2026-12-02T19:00:00+01:00',
    end: '2026-12-02T21:00:00+01:00',
    title: { fr: 'Autre' },
  },
]

let dir: string
let server: CatalogueServerProcess

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-guide-'))
  await writeFile(
    path.join(dir, 'catalogue.json'),
    JSON.stringify({ version: 1, titles: [], guide }),
  )
  server = await startCatalogueServerProcess({ dir })
}, 30_000)

afterAll(async () => {
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
})

function source(url: string) {
  const backends = new BackendRegistry()
  backends.register('http', httpBackend)
  return createGuideSource(
    { source: 'catalogue', url: '' },
    {
      fetch: (...args) => fetch(...args),
      log: () => undefined,
      asset: (p) => p,
      baseUrl: url,
      catalogue: { backend: 'http', url, retries: 0 },
      catalogueBackends: backends,
      xmlParser: () => {
        throw new Error('not used')
      },
    },
  )
}

const at = (iso: string) => Date.parse(iso)

test('the app asks for its window and channels, and gets the programmes meeting it', async () => {
  const guideSource = source(server.url)
  const from = at('2026-12-02T19:00:00+01:00')
  const to = at('2026-12-02T23:59:00+01:00')
  const load = await guideSource.guide(['ardenne-1', 'kadee'], from, to, {
    signal: new AbortController().signal,
  })
  const requests = await server.requests()
  expect(requests.at(-1)).toMatchObject({
    path: `/guide?from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}&channels=ardenne-1,kadee`,
    status: 200,
  })
  expect(load.programmes.map((p) => [p.channelId, p.title.fr ?? p.title.nl])).toEqual([
    ['ardenne-1', 'Le Journal de 19h30'],
    ['ardenne-1', 'Météo'],
    ['ardenne-1', 'Film'],
    // No end and nothing placeable after it: kept as what is on air (3 h).
    ['ardenne-1', 'Nuit'],
    ['kadee', 'Bollie'],
  ])
  const [, meteo, film] = load.programmes
  expect(meteo).toMatchObject({
    episode: { season: 3, episode: 12 },
    replay: false,
    restart: false,
  })
  expect(meteo!.classification.csa).toBe('12')
  expect(film!.end).toBe(at('2026-12-02T22:15:00+01:00'))
  // Each skipped programme with its reason: those the schema refuses, then those that cannot be
  // placed in the schedule.
  expect(load.problems.map((p) => [p.itemId, p.message])).toEqual([
    [
      'ardenne-1@2026-12-02T22:00:00.000Z',
      'title: Invalid input: expected object, received undefined',
    ],
    ['kadee@tonight', 'start: Invalid ISO datetime'],
  ])
  guideSource.dispose()
})

test('a server without a guide is no programmes; a bad window is a 400 from the server', async () => {
  const empty = await mkdtemp(path.join(dir, 'empty-'))
  await writeFile(path.join(empty, 'catalogue.json'), JSON.stringify({ version: 1, titles: [] }))
  const bare = await startCatalogueServerProcess({ dir: empty })
  try {
    const load = await source(bare.url).guide(['kadee'], 0, 1000, {
      signal: new AbortController().signal,
    })
    expect(load).toEqual({ programmes: [], problems: [] })
    const answer = await fetch(`${server.url}guide?from=x&to=y&channels=kadee`)
    expect(answer.status).toBe(400)
  } finally {
    await bare.stop()
  }
})
