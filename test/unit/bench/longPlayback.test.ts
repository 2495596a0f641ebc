/**
 * @jest-environment node
 */
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { lib, runModule as run } from './benchModule'

describe('bench options for the long playback and live zaps', () => {
  const parse = (argv: string[]) =>
    run<Record<string, unknown>>(
      `import { parseArgs } from ${lib('args.mjs')}
       process.stdout.write(JSON.stringify(parseArgs(${JSON.stringify(argv)})))`,
    )

  it('reads at 1 min and 10 min by default, at 4 s and 12 s in the smoke run', () => {
    expect(parse([])).toMatchObject({ longPlayMs: 600_000, longPlayEarlyMs: 60_000, zaps: 6 })
    expect(parse(['--smoke'])).toMatchObject({
      longPlayMs: 12_000,
      longPlayEarlyMs: 4_000,
      zaps: 2,
    })
    expect(parse(['--playback-soak', '30m'])).toMatchObject({ longPlayMs: 1_800_000 })
  })

  it('runs the weak box in normal mode and the 100-channel guide outside the smoke run only', () => {
    expect(parse([])).toMatchObject({ weakNormal: true, guide100: true })
    expect(parse(['--smoke'])).toMatchObject({ weakNormal: false, guide100: false })
  })

  it('skips the long playback and live when asked', () => {
    expect(parse(['--no-playback-soak'])).toMatchObject({ longPlayMs: 0 })
    expect(parse(['--no-playback'])).toMatchObject({ longPlayMs: 0, live: false })
    expect(parse(['--no-live'])).toMatchObject({ live: false, playback: true })
  })

  it('takes a reading each whole minute between the first and the last', () => {
    const times = run<number[]>(
      `import { readingTimes } from ${lib('longPlayback.mjs')}
       process.stdout.write(JSON.stringify(readingTimes(60000, 300000)))`,
    )
    expect(times).toEqual([60_000, 120_000, 180_000, 240_000, 300_000])
  })
})

describe('long film manifest', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-media-'))
    mkdirSync(path.join(dir, 'bench'))
    mkdirSync(path.join(dir, 'streams/film'), { recursive: true })
    writeFileSync(
      path.join(dir, 'streams/film/manifest.mpd'),
      '<MPD type="static" mediaPresentationDuration="PT1M0.0S">\n' +
        '<Period id="0" start="PT0.0S"><AdaptationSet/></Period>\n</MPD>\n',
    )
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('repeats the Period to outlast the playback, segments left where they are', () => {
    const result = run<{ url: string; seconds: number }>(
      `import { longFilmManifest } from ${lib('media.mjs')}
       const r = await longFilmManifest({ mediaDir: ${JSON.stringify(dir)}, manifest: 'media/streams/film/manifest.mpd', minSeconds: 150 })
       process.stdout.write(JSON.stringify(r))`,
    )
    expect(result).toEqual({ url: 'media/bench/long-3x-film.mpd', seconds: 180 })
    const xml = readFileSync(path.join(dir, 'bench/long-3x-film.mpd'), 'utf8')
    expect(xml).toContain('mediaPresentationDuration="PT180.0S"')
    expect(xml).toContain('<BaseURL>../streams/film/</BaseURL>')
    expect(xml.match(/<Period /g)).toHaveLength(3)
    expect(xml).toContain('<Period id="p2" start="PT120.0S" duration="PT60.0S">')
  })
})
