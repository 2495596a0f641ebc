/**
 * A Roku Direct Publisher feed whose film is a progressive MP4 file with sidecar subtitle files
 * (test/fixtures/feeds/direct-publisher-mp4.json), served by the reference catalogue server; the
 * files are the generated demo-mp4 sample (scripts/lib/streams.mjs) on the app's own server.
 * Shaka plays the file through the <video> itself (src=) and adds the subtitle files as tracks.
 * The items are rated G (MPAA), so no parental PIN stands in the way: this file is about MP4.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import {
  startCatalogueServerProcess,
  type CatalogueServerProcess,
} from '../integration/support/catalogueServer'
import {
  appBaseUrl,
  openApp,
  press,
  routeAppSettings,
  screenshot,
  snapshot,
  unrouteAppSettings,
  waitForApp,
} from './support/browser'
import { startServerProcess, type ServerProcess } from '../harness/serverProcess'
import { ROOT } from './support/environment'
import { backFromError, player, stopPlayback, waitPlayer } from './support/player'

const FIXTURE = path.join(ROOT, 'test/fixtures/feeds/direct-publisher-mp4.json')
/** Feed ids become lowercase slugs. */
const FILM = 'sambre-mp4-001'
const MISSING = 'sambre-mp4-002'

/** The fixture with its example hosts replaced by the app server's media and artwork. */
function localFeed(): unknown {
  const app = appBaseUrl()
  const text = readFileSync(FIXTURE, 'utf8')
    .replace(/https:\/\/media\.example\.be\//g, `${app}media/streams/`)
    .replace(/https:\/\/img\.example\.be\/[^"]+/g, `${app}static/artwork/backdrops/amelie.jpg`)
  return JSON.parse(text) as unknown
}

/** What the <video> shows now: its source, time, and the words of the cues on screen. */
const videoState = (page: Page) =>
  page.evaluate(() => {
    const video = document.querySelector('video')
    const showing = [...(video?.textTracks ?? [])].filter((t) => t.mode === 'showing')
    return {
      src: video?.currentSrc ?? '',
      currentTime: video?.currentTime ?? 0,
      paused: video?.paused ?? true,
      cues: showing.flatMap((t) => [...(t.activeCues ?? [])].map((c) => (c as VTTCue).text)),
    }
  })

async function waitCue(page: Page, words: string): Promise<string> {
  const handle = await page.waitForFunction(
    (text) => {
      const tracks = [...(document.querySelector('video')?.textTracks ?? [])]
      for (const track of tracks.filter((t) => t.mode === 'showing')) {
        for (const cue of [...(track.activeCues ?? [])] as VTTCue[]) {
          if (cue.text.includes(text)) return cue.text
        }
      }
      return false
    },
    words,
    { timeout: 10_000, polling: 100 },
  )
  return (await handle.jsonValue()) as string
}

/** A cue's own "mm:ss" (the time it starts at) against the video's time: it must be the current one. */
async function expectCueInTime(page: Page, cue: string): Promise<void> {
  const [, mm, ss] = /(\d\d):(\d\d)/.exec(cue) ?? []
  const { currentTime } = await videoState(page)
  const drift = currentTime - (Number(mm) * 60 + Number(ss))
  expect(drift).toBeGreaterThanOrEqual(-0.5)
  expect(drift).toBeLessThanOrEqual(4.5)
}

/** Play on the details shown ends on the player's error `code`, with words for the household. */
async function playsToError(page: Page, code: number): Promise<void> {
  await waitForApp(page)
  await press(page, 'Enter')
  const state = await waitPlayer(page, 'p.errorCode !== undefined', 30_000)
  expect(state.errorCode).toBe(code)
  expect(state.format).toBe('mp4')
  expect(state.errorMessage).toMatch(/\S/)
  expect(state.errorMessage).not.toMatch(/^player\.error/)
}

describe('player: a progressive MP4 file and its sidecar subtitles, from a Direct Publisher feed', () => {
  let dir: string
  let server: CatalogueServerProcess
  let page: Page
  const warnings: string[] = []

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-e2e-mp4-'))
    await writeFile(path.join(dir, 'feed.json'), JSON.stringify(localFeed()))
    server = await startCatalogueServerProcess({ dir })
    await routeAppSettings(
      (settings) =>
        (settings.catalogue = { backend: 'directpublisher', url: `${server.url}feed.json` }),
    )
    page = await openApp(`#details/${FILM}`)
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text())
    })
    await waitForApp(page)
  })

  afterAll(async () => {
    await unrouteAppSettings()
    await server?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('Play starts the MP4 file: the picture moves and the overlay shows', async () => {
    const state = await snapshot(page)
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 2 })
    expect(state.route).toBe(`details/${FILM}`)
    await press(page, 'Enter')
    const playing = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 0.5")
    expect(playing).toMatchObject({ id: FILM, format: 'mp4', overlayVisible: true })
    expect(playing.url).toMatch(/\/media\/streams\/demo-mp4\/video\.mp4$/)
    expect(playing.duration).toBeCloseTo(30, 0)
    // src= playback: the element plays the file itself, not a MediaSource blob.
    const before = await videoState(page)
    expect(before.src).toBe(playing.url)
    await page.waitForFunction(
      (t) => document.querySelector('video')!.currentTime > t + 1.5,
      before.currentTime,
    )
    await waitPlayer(page, `p.currentTime > ${before.currentTime + 1.5}`)
    await screenshot(page, 'player-mp4')
  })

  it('lists the French SRT and Dutch WebVTT files; the missing German file is skipped', async () => {
    const state = await waitPlayer(
      page,
      "p.tracks.text.includes('fr') && p.tracks.text.includes('nl:sdh')",
    )
    // The feed marks the Dutch file CLOSED_CAPTION: subtitles for the deaf and hard of hearing.
    expect(state.tracks.text).toEqual(['off', 'fr', 'nl:sdh'])
    expect(state.textLanguage).toBeNull()
    expect(state.state).toBe('playing')
    // The files that loaded are offered without waiting for the German one's retries to end.
    const skipped = /subs-de\.vtt \(de\) skipped: .*404/
    for (let waited = 0; waited < 20_000 && !skipped.test(warnings.join('\n')); waited += 200)
      await page.waitForTimeout(200)
    expect(warnings.join('\n')).toMatch(skipped)
  })

  it('seeks +10 s, pauses and plays again', async () => {
    const start = (await player(page)).currentTime
    await press(page, 'ArrowRight')
    const after = await waitPlayer(
      page,
      `p.seekTarget === undefined && p.currentTime >= ${start + 8} && p.state === 'playing'`,
    )
    expect(after.currentTime).toBeLessThan(30)
    // The overlay shows after the seek: OK pauses.
    await press(page, 'Enter')
    if ((await player(page)).state !== 'paused') await press(page, 'Enter')
    const paused = await waitPlayer(page, "p.state === 'paused'")
    await page.waitForTimeout(500)
    expect((await videoState(page)).paused).toBe(true)
    expect((await player(page)).currentTime).toBeCloseTo(paused.currentTime, 1)
    await press(page, 'Enter')
    await waitPlayer(page, `p.state === 'playing' && p.currentTime > ${paused.currentTime + 0.5}`)
  })

  it('saves the position on stop, and Resume starts the file there', async () => {
    // Resumable between 10 s and 15 s before the end of the 30 s clip.
    // Back 10 s when past that window's start, then stop as soon as it plays past 10 s.
    if ((await player(page)).currentTime > 11) await press(page, 'ArrowLeft')
    await waitPlayer(
      page,
      'p.seekTarget === undefined && p.currentTime >= 10 && p.currentTime < 12',
    )
    await stopPlayback(page)
    const details = await snapshot(page)
    expect(details.route).toBe(`details/${FILM}`)
    expect(details.page).toMatchObject({ action: 'resume' })
    await press(page, 'Enter')
    const resumed = await waitPlayer(page, "p.state === 'playing'")
    expect(resumed.startPosition).toBeGreaterThanOrEqual(10)
    expect(resumed.currentTime).toBeGreaterThanOrEqual(resumed.startPosition - 1)
  })

  it('French subtitles chosen in the menu show on the video, in time', async () => {
    await waitPlayer(page, "p.tracks.text.includes('fr')")
    await press(page, 'ArrowDown')
    let state = await player(page)
    expect(state.menuOpen).toBe(true)
    // No audio column: the element lists no audio track for a plain file.
    expect(state.menuItems.map((item) => item.key)).toEqual(['text:off', 'text:fr', 'text:nl:sdh'])
    expect(state.menuFocus).toBe('text:off')
    await press(page, 'ArrowDown')
    expect((await player(page)).menuFocus).toBe('text:fr')
    await press(page, 'Enter')
    state = await waitPlayer(page, "p.activeText?.language === 'fr'")
    expect(state.textLanguage).toBe('fr')
    await press(page, 'Backspace')
    expect((await player(page)).menuOpen).toBe(false)
    const cue = await waitCue(page, 'Sous-titre FR')
    expect(cue).toContain('demo-mp4')
    await expectCueInTime(page, cue)
    await screenshot(page, 'player-mp4-subtitles-fr')
  })

  it('the choice is remembered: the next start shows French subtitles again', async () => {
    await stopPlayback(page)
    await page.goto(page.url().replace(/#.*$/, '') + `#play/${FILM}`)
    await waitForApp(page)
    await waitPlayer(page, "p.state === 'playing' && p.textLanguage === 'fr'")
    await expectCueInTime(page, await waitCue(page, 'Sous-titre FR'))
    await stopPlayback(page)
  })

  it('a missing MP4 file (404) says the video is not found, with Retry and Back', async () => {
    const asked: string[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/missing.mp4')) asked.push(request.method())
    })
    await page.goto(page.url().replace(/#.*$/, '') + `#details/${MISSING}`)
    await playsToError(page, 2007)
    await screenshot(page, 'player-mp4-404')
    // The element asked for the file, then the player asked the server why it failed.
    expect(asked).toContain('HEAD')
    // Retry asks again (still missing), then Back returns to the details.
    const before = asked.length
    await press(page, 'Enter')
    for (let i = 0; i < 100 && asked.length === before; i++) await page.waitForTimeout(100)
    expect(asked.length).toBeGreaterThan(before)
    await waitPlayer(page, 'p.errorCode === 2007', 30_000)
    await backFromError(page, `details/${MISSING}`)
  })
})

/** Opens the feed's film and presses Play, keeping the warnings the app logs. */
async function playFilmFromDetails(): Promise<{ page: Page; warnings: string[] }> {
  const page = await openApp(`#details/${FILM}`)
  const warnings: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text())
  })
  await waitForApp(page)
  await press(page, 'Enter')
  return { page, warnings }
}

describe('player: the other sources a feed lists are tried when one fails before it plays', () => {
  let dir: string | undefined
  let server: CatalogueServerProcess | undefined

  afterEach(async () => {
    await unrouteAppSettings()
    await server?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
    server = undefined
    dir = undefined
  })

  /**
   * The feed's film with these videos listed before its own MP4, served as a Direct Publisher
   * feed; the film is started from its details. Returns the page and the warnings it logs.
   */
  async function startWithVideos(videos: { url: string; videoType: string }[]) {
    const feed = localFeed() as { movies: { content: { videos: unknown[] } }[] }
    const film = feed.movies[0]!
    film.content.videos = [
      ...videos.map((video) => ({ ...video, quality: 'HD' })),
      ...film.content.videos,
    ]
    feed.movies = [film]
    dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-e2e-fallback-'))
    await writeFile(path.join(dir, 'feed.json'), JSON.stringify(feed))
    const started = await startCatalogueServerProcess({ dir })
    server = started
    await routeAppSettings(
      (settings) =>
        (settings.catalogue = { backend: 'directpublisher', url: `${started.url}feed.json` }),
    )
    const { page, warnings } = await playFilmFromDetails()
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 0.5", 30_000)
    return { page, state, warnings: warnings.join('\n') }
  }

  it('an HLS manifest missing from the server: the MP4 plays instead of an error', async () => {
    const streams = `${appBaseUrl()}media/streams/`
    const { page, state, warnings } = await startWithVideos([
      { url: `${streams}demo-mp4/missing.m3u8`, videoType: 'HLS' },
    ])
    expect(state).toMatchObject({ format: 'mp4', error: undefined })
    expect(state.url).toMatch(/\/demo-mp4\/video\.mp4$/)
    expect(warnings).toMatch(/missing\.m3u8 failed \(2007: .*\); playing .*video\.mp4/)
    await page.close()
  })

  it('a DASH manifest missing from the server: its HLS export plays, not the MP4', async () => {
    const streams = `${appBaseUrl()}media/streams/`
    const { page, state, warnings } = await startWithVideos([
      { url: `${streams}demo-a/missing.mpd`, videoType: 'DASH' },
      { url: `${streams}demo-a/master.m3u8`, videoType: 'HLS' },
    ])
    expect(state).toMatchObject({ format: 'hls', error: undefined })
    expect(state.url).toMatch(/\/demo-a\/master\.m3u8$/)
    expect(warnings).toMatch(/missing\.mpd failed \(\d+: .*\); playing .*master\.m3u8/)
    await page.close()
  })
})

describe('player: an MP4 file whose picture this device cannot decode', () => {
  let dir: string
  let media: ServerProcess
  let catalogue: CatalogueServerProcess

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-e2e-hevc-'))
    await mkdir(path.join(dir, 'media'))
    // HEVC picture and AAC sound, moov after the media data (no faststart), as an export leaves it:
    // Chromium plays the sound over a black screen and reports no error.
    try {
      execFileSync('ffmpeg', [
        ...['-hide_banner', '-loglevel', 'error', '-y'],
        ...['-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=25'],
        ...['-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '8'],
        ...['-c:v', 'libx265', '-x265-params', 'log-level=error', '-tag:v', 'hvc1'],
        ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', path.join(dir, 'media', 'hevc.mp4')],
      ])
    } catch (error) {
      // The project's lib is ES2020: no Error options there, so the cause is set by hand.
      throw Object.assign(
        new Error(
          "this test makes an HEVC file with ffmpeg's libx265 encoder, which failed: install Debian's ffmpeg (apt-get install ffmpeg), which has it",
        ),
        { cause: error },
      )
    }
    media = await startServerProcess({ buildDir: dir, mediaDir: path.join(dir, 'media') })
    const feed = localFeed() as { movies: { content: { videos: unknown[] } }[] }
    const film = feed.movies[0]!
    film.content.videos = [{ url: `${media.url}media/hevc.mp4`, quality: 'UHD', videoType: 'MP4' }]
    feed.movies = [film]
    await writeFile(path.join(dir, 'feed.json'), JSON.stringify(feed))
    catalogue = await startCatalogueServerProcess({ dir })
    await routeAppSettings(
      (settings) =>
        (settings.catalogue = { backend: 'directpublisher', url: `${catalogue.url}feed.json` }),
    )
  })

  afterAll(async () => {
    await unrouteAppSettings()
    await catalogue?.stop()
    await media?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('says the format is not supported instead of playing sound over black', async () => {
    const page = await openApp(`#details/${FILM}`)
    const logged: string[] = []
    page.on('console', (message) => logged.push(message.text()))
    await playsToError(page, 2009)
    // The sound stops with the message; the operator's log names the codec.
    await page.waitForFunction(() => document.querySelector('video')?.paused !== false)
    expect(logged.join('\n')).toMatch(/HEVC \(hvc1\./)
    await screenshot(page, 'player-mp4-hevc')
    await backFromError(page, `details/${FILM}`)
    await page.close()
  })

  it('with an H.264 file of lower quality beside it, that one plays: the picture moves, no error', async () => {
    const feed = localFeed() as { movies: { content: { videos: unknown[] } }[] }
    const film = feed.movies[0]!
    film.content.videos = [
      { url: `${media.url}media/hevc.mp4`, quality: 'FHD', videoType: 'MP4' },
      { url: `${appBaseUrl()}media/streams/demo-mp4/video.mp4`, quality: 'HD', videoType: 'MP4' },
    ]
    feed.movies = [film]
    await writeFile(path.join(dir, 'feed-two-files.json'), JSON.stringify(feed))
    await routeAppSettings(
      (settings) =>
        (settings.catalogue = {
          backend: 'directpublisher',
          url: `${catalogue.url}feed-two-files.json`,
        }),
    )
    const { page, warnings } = await playFilmFromDetails()
    const state = await waitPlayer(
      page,
      "p.state === 'playing' && p.currentTime > 1 && /demo-mp4/.test(p.url)",
      30_000,
    )
    expect(state.error).toBeUndefined()
    expect(await page.evaluate(() => document.querySelector('video')?.videoWidth)).toBeGreaterThan(
      0,
    )
    expect(warnings.join('\n')).toMatch(/hevc\.mp4 failed \(2009: .*\); playing .*video\.mp4/)
    await page.close()
  })
})
