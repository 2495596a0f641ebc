/**
 * The reference ad server (scripts/lib/ad-server.mjs) and the app's VAST/VMAP resolution
 * (src/ads/resolve.ts) against it, over real HTTP on 127.0.0.1: wrapper chains with their
 * tracking merged, faults ending in no ad within the operator's timeout, and the beacons the
 * server records.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import { resolveAdTag, resolveVmap, type ResolveDeps } from '../../src/ads/resolve'
import { fillMacros } from '../../src/ads/macros'
import { startServerProcess } from '../harness/serverProcess'
import { startAdServerProcess, type AdServerProcess } from './support/adServer'

const { DOMParser } = new JSDOM('').window

let server: AdServerProcess
let dir: string

beforeAll(async () => {
  // No creatives needed: nothing here plays them; /creatives answers 404 for a missing file.
  dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-ads-'))
  server = await startAdServerProcess(dir)
})
afterAll(async () => {
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
})
beforeEach(() => server.clearBeacons())

const fired: Promise<unknown>[] = []
const deps = (timeoutMs = 2000): ResolveDeps => ({
  fetchText: async (url, signal) => {
    const response = await fetch(url, { signal })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    return response.text()
  },
  parseXml: (text) => new DOMParser().parseFromString(text, 'application/xml'),
  beacon: (url) => {
    fired.push(fetch(url).catch(() => undefined))
  },
  now: () => Date.now(),
  timeoutMs,
})
const settle = async () => {
  await Promise.all(fired.splice(0))
}

test('a VAST 4 pod: two ads in sequence, skip offset, tracking with macros to fill', async () => {
  const { ads, problems } = await resolveAdTag(
    `${server.url}vast?ads=pub-frites,pub-velo&skip=5`,
    deps(),
  )
  expect(problems).toEqual([])
  expect(ads.map((a) => [a.id, a.duration, a.skipOffset])).toEqual([
    ['pub-frites', 7, 5],
    ['pub-velo', 6, 5],
  ])
  expect(ads[0]?.mediaUrl).toBe(`${server.url}creatives/pub-frites.mp4`)
  expect(ads[0]?.tracking.firstQuartile[0]).toMatch(/cb=\[CACHEBUSTING\]&ts=\[TIMESTAMP\]$/)
})

test('a wrapper chain of three: every level’s impression reaches the inline ad', async () => {
  const { ads } = await resolveAdTag(`${server.url}wrapper?depth=3&ads=pub-velo`, deps())
  expect(ads).toHaveLength(1)
  const impressions = ads[0]!.tracking.impression.map((u) => new URL(u).searchParams.get('ad'))
  expect(impressions).toEqual(['wrapper-3', 'wrapper-2', 'wrapper-1', 'pub-velo'])
})

test('a chain deeper than five levels gives no ad and error 302 to the wrappers', async () => {
  const { ads, problems } = await resolveAdTag(`${server.url}wrapper?depth=6`, deps())
  expect(ads).toEqual([])
  expect(problems.join()).toMatch(/more than 5 wrappers/)
  await settle()
  const errors = (await server.beacons()).filter((b) => b.event === 'error')
  expect(errors.map((b) => b.query.code)).toEqual(Array(6).fill('302'))
})

test('faults end in no ad, never an exception, the slow one within the timeout', async () => {
  for (const fault of ['404', 'broken', 'empty']) {
    const { ads, problems } = await resolveAdTag(`${server.url}vast?fault=${fault}`, deps())
    expect(ads).toEqual([])
    expect(problems.length).toBeGreaterThan(0)
  }
  const started = Date.now()
  const slow = await resolveAdTag(`${server.url}vast?fault=slow&delayMs=4000`, deps(300))
  expect(Date.now() - started).toBeLessThan(1500)
  expect(slow.problems.join()).toMatch(/timed out after 300 ms/)
  await settle()
  // The empty VAST's own <Error> was told 303 ("no ads"), the macro filled.
  expect((await server.beacons()).map((b) => [b.event, b.ad, b.query.code])).toEqual([
    ['error', 'none', '303'],
  ])
})

test('a VMAP: pre-roll, two mid-rolls and a post-roll, each a tag of the server', async () => {
  const vmap = await resolveVmap(
    `${server.url}vmap?pre=pub-frites&mid=30:pub-velo,60:pub-chocolat&post=pub-velo&skip=5`,
    120,
    deps(),
  )
  expect(vmap.breaks.map((b) => b.offset)).toEqual(['start', 30, 60, 'end'])
  const mid = await resolveAdTag(vmap.breaks[2]!.tagUrl, deps())
  expect(mid.ads.map((a) => [a.id, a.skipOffset])).toEqual([['pub-chocolat', 5]])
})

test('beacons are recorded once per request with their filled macros', async () => {
  const { ads } = await resolveAdTag(`${server.url}vast?ads=pub-frites`, deps())
  const url = fillMacros(ads[0]!.tracking.impression[0]!, { now: Date.UTC(2026, 0, 1) })
  await fetch(url)
  const [beacon, ...rest] = await server.beacons()
  expect(rest).toEqual([])
  expect(beacon).toMatchObject({ event: 'impression', ad: 'pub-frites', method: 'GET' })
  expect(beacon?.query.cb).toMatch(/^\d{8}$/)
  expect(beacon?.query.ts).toBe('2026-01-01T00:00:00.000Z')
})

test('creatives: a missing one is a 404; the unplayable fault serves a file that is no video', async () => {
  expect((await fetch(`${server.url}creatives/pub-frites.mp4`)).status).toBe(404)
  const { ads } = await resolveAdTag(`${server.url}vast?fault=unplayable`, deps())
  const response = await fetch(ads[0]!.mediaUrl)
  expect(response.status).toBe(200)
  expect(await response.text()).toMatch(/not a video/)
})

describe('mounted on the app server (npm start): /ads/', () => {
  let app: Awaited<ReturnType<typeof startServerProcess>>
  let root: string

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'belgica-app-ads-'))
    await mkdir(path.join(root, 'build'))
    await mkdir(path.join(root, 'media', 'ads'), { recursive: true })
    await writeFile(path.join(root, 'media', 'ads', 'pub-velo.mp4'), Buffer.alloc(1000, 1))
    app = await startServerProcess({
      buildDir: path.join(root, 'build'),
      mediaDir: path.join(root, 'media'),
    })
  })
  afterAll(async () => {
    await app?.stop()
    await rm(root, { recursive: true, force: true })
  })

  test('a VMAP whose tags, creatives and beacons are under the same /ads/ of the app', async () => {
    const base = `${app.url}ads/`
    const vmap = await resolveVmap(`${base}vmap?pre=pub-velo`, 60, deps())
    expect(vmap.breaks[0]?.tagUrl).toMatch(new RegExp(`^${base}vast\\?`))
    const { ads } = await resolveAdTag(vmap.breaks[0]!.tagUrl, deps())
    expect(ads[0]?.mediaUrl).toBe(`${base}creatives/pub-velo.mp4`)
    const range = await fetch(ads[0]!.mediaUrl, { headers: { range: 'bytes=0-99' } })
    expect(range.status).toBe(206)
    expect((await range.arrayBuffer()).byteLength).toBe(100)
    await fetch(fillMacros(ads[0]!.tracking.start[0]!, { now: 0 }))
    const beacons = (await (await fetch(`${base}beacons`)).json()) as { event: string }[]
    expect(beacons.map((b) => b.event)).toEqual(['start'])
  })

  test('midstall: the creative stops half-way, its connection held open and silent', async () => {
    const base = `${app.url}ads/`
    const { ads } = await resolveAdTag(`${base}vast?ads=pub-velo&fault=midstall`, deps())
    expect(ads[0]?.mediaUrl).toBe(`${base}creatives/stalling/pub-velo.mp4`)
    const abort = new AbortController()
    const response = await fetch(ads[0]!.mediaUrl, { signal: abort.signal })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe('1000')
    const reader = response.body!.getReader()
    let received = 0
    const more = async (): Promise<void> => {
      const { value, done } = await reader.read()
      if (done) throw new Error('the response ended')
      received += value.byteLength
      return more()
    }
    // Whatever arrives in a second: the first half, and the response neither ends nor goes on.
    await Promise.race([more(), new Promise((resolve) => setTimeout(resolve, 1000))])
    expect(received).toBe(500)
    abort.abort()
    await reader.cancel().catch(() => undefined)
  })
})
