/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const LIVE_SIM = pathToFileURL(path.resolve(__dirname, '../../../scripts/lib/live-sim.mjs')).href

const NOW = Date.UTC(2026, 11, 2, 19, 30, 0, 500)
const SEGMENT = 1.92
const NEWEST = Math.floor(NOW / 1000 / SEGMENT) - 1
const codecs = { videoCodec: 'avc1.42c01e', audioCodec: 'mp4a.40.2' }

/** The simulator is an ES module jest cannot import: `expression` runs in a child Node process. */
function sim<T = string>(expression: string): T {
  const code = `
    import { liveMpd, liveWindow, hlsMedia } from ${JSON.stringify(LIVE_SIM)}
    const codecs = ${JSON.stringify(codecs)}
    process.stdout.write(JSON.stringify(${expression}))
  `
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', code]).toString(),
  ) as T
}

const attr = (xml: string, name: string) => new RegExp(` ${name}="([^"]+)"`).exec(xml)?.[1]

describe('the live simulator with an end (scripts/lib/live-sim.mjs, ?endsAt=)', () => {
  // The broadcast ends 10 segments after the newest one at NOW.
  const endSegment = NEWEST + 11
  const endsAtS = endSegment * SEGMENT + 0.5
  const after = (endSegment + 3) * SEGMENT * 1000

  test('before its end the MPD is the live one; no segment past the end is listed', () => {
    const mpd = sim(`liveMpd({ codecs, lang: 'fr', nowMs: ${NOW}, endsAtS: ${endsAtS} })`)
    expect(attr(mpd, 'type')).toBe('dynamic')
    expect(attr(mpd, 'minimumUpdatePeriod')).toBe('PT4S')
    expect(attr(mpd, 'mediaPresentationDuration')).toBeUndefined()
    expect(sim<{ end: number; ended: boolean }>(`liveWindow(${after}, ${endsAtS})`)).toMatchObject({
      end: endSegment,
      ended: true,
    })
  }, 30_000)

  test('after it the MPD is static with its duration (DASH-IF IOP), or dynamic with it on request', () => {
    const duration = `PT${Number((endSegment * SEGMENT).toFixed(3))}S`
    const ended = sim(`liveMpd({ codecs, lang: 'fr', nowMs: ${after}, endsAtS: ${endsAtS} })`)
    expect(attr(ended, 'type')).toBe('static')
    expect(attr(ended, 'mediaPresentationDuration')).toBe(duration)
    expect(attr(ended, 'minimumUpdatePeriod')).toBeUndefined()
    const dynamic = sim(
      `liveMpd({ codecs, lang: 'fr', nowMs: ${after}, endsAtS: ${endsAtS}, endsAs: 'dynamic' })`,
    )
    expect(attr(dynamic, 'type')).toBe('dynamic')
    expect(attr(dynamic, 'mediaPresentationDuration')).toBe(duration)
    expect(attr(dynamic, 'minimumUpdatePeriod')).toBeUndefined()
    expect(dynamic).toContain(`<Period id="p0" start="PT0S" duration="${duration}">`)
  }, 30_000)

  test('the HLS media playlist gains #EXT-X-ENDLIST once it has ended, and not before', () => {
    const playlist = (nowMs: number) =>
      sim(`hlsMedia({ kind: 'v', ...liveWindow(${nowMs}, ${endsAtS}), live: true })`).trim()
    expect(playlist(NOW)).not.toContain('#EXT-X-ENDLIST')
    const ended = playlist(after).split('\n')
    expect(ended.slice(-2)).toEqual([`v-${endSegment - 1}.m4s`, '#EXT-X-ENDLIST'])
    expect(ended).not.toContain('#EXT-X-PLAYLIST-TYPE:VOD')
  }, 30_000)
})
