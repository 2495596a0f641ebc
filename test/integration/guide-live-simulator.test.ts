/**
 * The live simulator's manifests and segments (scripts/lib/live-sim.mjs behind
 * scripts/lib/server.mjs) at a pinned wall clock: segment numbers derive from the time, the
 * window is 3 h deep, catch-up windows are static, segments carry the decode time of their number.
 * The loop is a hand-made one of tiny fragments, so no ffmpeg is needed here.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  startServerProcess,
  type ServerOptions,
  type ServerProcess,
} from '../harness/serverProcess'

const NOW = Date.UTC(2026, 11, 2, 19, 30, 0, 500) // 20:30:00.5 in Brussels
const SEGMENT = 1.92
/** Segment n covers [n, n + 1) * 1.92 s since 1970; the newest complete one ends before NOW. */
const NEWEST = Math.floor(NOW / 1000 / SEGMENT) - 1
const WINDOW = Math.floor((3 * 3600) / SEGMENT)

const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.writeUInt32BE(8 + body.length)
  head.write(type, 4, 'latin1')
  return Buffer.concat([head, body])
}

/** A fragment with a v1 tfdt of 0 and its loop index in the mdat. */
function fragment(index: number): Buffer {
  const tfdt = box('tfdt', Buffer.from([1, 0, 0, 0]), Buffer.alloc(8))
  const mfhd = box('mfhd', Buffer.alloc(8))
  return Buffer.concat([
    box('moof', mfhd, box('traf', box('tfhd', Buffer.alloc(8)), tfdt)),
    box('mdat', Buffer.from(`loop-${index}`)),
  ])
}

let dir: string
let server: ServerProcess

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-live-sim-'))
  const channel = path.join(dir, 'live-sim', 'ardenne-1')
  await mkdir(channel, { recursive: true })
  await writeFile(path.join(channel, 'loop.json'), '{}')
  await writeFile(
    path.join(channel, 'codecs.json'),
    JSON.stringify({ videoCodec: 'avc1.42c01e', audioCodec: 'mp4a.40.2' }),
  )
  await writeFile(path.join(channel, 'init-v.mp4'), box('ftyp', Buffer.from('iso6')))
  for (let k = 0; k < 32; k++) {
    await writeFile(path.join(channel, `v-${k}.m4s`), fragment(k))
    await writeFile(path.join(channel, `a-${k}.m4s`), fragment(k))
  }
  await mkdir(path.join(dir, 'build'))
  server = await startServerProcess({
    buildDir: path.join(dir, 'build'),
    mediaDir: dir,
    liveNowMs: NOW,
  } as ServerOptions)
}, 30_000)

afterAll(async () => {
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
})

const get = (p: string) => fetch(`${server.url}${p}`)
const attr = (xml: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(xml)?.[1]

test('the live MPD at a given time: dynamic, 3 h deep, the timeline ending at the newest segment', async () => {
  const response = await get('live/ardenne-1/manifest.mpd')
  expect(response.headers.get('content-type')).toBe('application/dash+xml')
  const mpd = await response.text()
  expect(attr(mpd, 'type')).toBe('dynamic')
  expect(attr(mpd, 'availabilityStartTime')).toBe('1970-01-01T00:00:00Z')
  expect(attr(mpd, 'timeShiftBufferDepth')).toBe('PT10800S')
  expect(attr(mpd, 'publishTime')).toBe('2026-12-02T19:30:00Z')
  // Video: 12800 ticks a second, 24576 a segment; the window's first segment starts the timeline.
  const first = NEWEST + 1 - WINDOW
  expect(mpd).toContain(
    `<SegmentTemplate timescale="12800" startNumber="${first}" initialization="init-v.mp4" media="v-$Number$.m4s">`,
  )
  expect(mpd).toContain(`<S t="${first * 24576}" d="24576" r="${WINDOW - 1}"/>`)
  expect(mpd).toContain(`<S t="${first * 92160}" d="92160" r="${WINDOW - 1}"/>`)
  // The last segment in the timeline ends at or before the clock, less than a segment before it.
  const lastEnd = (first + WINDOW) * SEGMENT * 1000
  expect(lastEnd).toBeLessThanOrEqual(NOW)
  expect(NOW - lastEnd).toBeLessThan(SEGMENT * 1000)
  expect(mpd).toContain('lang="fr"')
})

test('a segment is the loop segment (n mod 32) with tfdt n * duration and sequence n + 1', async () => {
  const response = await get(`live/ardenne-1/v-${NEWEST}.m4s`)
  expect(response.status).toBe(200)
  const body = Buffer.from(await response.arrayBuffer())
  expect(body.toString('latin1')).toContain(`loop-${NEWEST % 32}`)
  // moof(8) mfhd(8 + version/flags 4) -> sequence at 20; traf(8) tfhd(16) tfdt(8 + 4) -> time at 60.
  expect(body.readUInt32BE(20)).toBe(NEWEST + 1)
  expect(body.readBigUInt64BE(60)).toBe(BigInt(NEWEST) * BigInt(24576))
  const audio = Buffer.from(await (await get(`live/ardenne-1/a-${NEWEST}.m4s`)).arrayBuffer())
  expect(audio.readBigUInt64BE(60)).toBe(BigInt(NEWEST) * BigInt(92160))
})

test('segments not yet on the air, or older than 30 days, are 404', async () => {
  expect((await get(`live/ardenne-1/v-${NEWEST + 1}.m4s`)).status).toBe(404)
  const old = Math.floor((NOW - 31 * 86_400_000) / 1000 / SEGMENT)
  expect((await get(`live/ardenne-1/v-${old}.m4s`)).status).toBe(404)
  expect((await get(`live/ardenne-1/v-${old + (2 * 86_400) / SEGMENT}.m4s`)).status).toBe(200)
  expect((await get('live/nowhere/manifest.mpd')).status).toBe(404)
})

test('catch-up: a static MPD of a past window, numbered from its start, time 0 at its start', async () => {
  const start = NOW / 1000 - 2 * 86_400 // two days ago
  const startS = Math.floor(start)
  const endS = startS + 45 * 60
  const mpd = await (await get(`live/ardenne-1/catchup.mpd?start=${startS}&end=${endS}`)).text()
  const first = Math.floor(startS / SEGMENT)
  const end = Math.ceil(endS / SEGMENT)
  expect(attr(mpd, 'type')).toBe('static')
  expect(attr(mpd, 'mediaPresentationDuration')).toBe(
    `PT${Number(((end - first) * SEGMENT).toFixed(3))}S`,
  )
  expect(mpd).toContain(`startNumber="${first}" presentationTimeOffset="${first * 24576}"`)
  expect(mpd).toContain('duration="24576"')
  const hls = await (await get(`live/ardenne-1/video.m3u8?start=${startS}&end=${endS}`)).text()
  expect(hls).toContain(`#EXT-X-MEDIA-SEQUENCE:${first}`)
  expect(hls).toContain('#EXT-X-ENDLIST')
  expect(hls.match(/^v-\d+\.m4s$/gm)).toHaveLength(end - first)
})

test.each([
  ['a window not over yet', NOW / 1000 - 60, NOW / 1000 + 60],
  ['a window older than 30 days', NOW / 1000 - 31 * 86_400, NOW / 1000 - 31 * 86_400 + 600],
  ['end before start', NOW / 1000 - 600, NOW / 1000 - 1200],
  ['a window of a whole day', NOW / 1000 - 2 * 86_400, NOW / 1000 - 86_400],
])('catch-up refuses %s with a 400 that says why', async (_what, start, end) => {
  const response = await get(
    `live/ardenne-1/catchup.mpd?start=${Math.floor(start)}&end=${Math.floor(end)}`,
  )
  expect(response.status).toBe(400)
  expect((await response.text()).length).toBeGreaterThan(10)
})

test('live HLS: the same 3 h window as a sliding playlist', async () => {
  const playlist = await (await get('live/ardenne-1/audio.m3u8')).text()
  expect(playlist).toContain(`#EXT-X-MEDIA-SEQUENCE:${NEWEST + 1 - WINDOW}`)
  expect(playlist).not.toContain('#EXT-X-ENDLIST')
  expect(playlist.trim().split('\n').at(-1)).toBe(`a-${NEWEST}.m4s`)
  const master = await (await get('live/ardenne-1/master.m3u8')).text()
  expect(master).toContain('CODECS="avc1.42c01e,mp4a.40.2"')
})
