import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import {
  fetchOnce,
  browserContext,
  openApp,
  press,
  pressCode,
  routeAppSettings,
  screenshot,
  snapshot,
  unrouteAppSettings,
  waitForApp,
  waitRoute,
  rewriteBody,
} from './support/browser'
import { checkFfmpeg, ROOT } from './support/environment'
import {
  keepSourceBuffers,
  player,
  playFromDetails,
  recordPlayerStates,
  sourceBufferStarts,
  stopPlayback as stop,
  waitPlayer,
} from './support/player'
import { grabFrame, regionStats } from './support/visual'

/** In the sample's menu: French subtitles, shown, then Dutch ones (the 404s under test). */
async function chooseFrenchThenDutch(page: Page): Promise<void> {
  await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
  await press(page, 'ArrowDown')
  await press(page, 'ArrowRight')
  await press(page, 'ArrowDown')
  expect((await player(page)).menuFocus).toBe('text:fr')
  await press(page, 'Enter')
  await waitPlayer(page, "p.textLanguage === 'fr'")
  await press(page, 'ArrowDown')
  expect((await player(page)).menuFocus).toBe('text:nl')
  await press(page, 'Enter')
}

/**
 * Plays the film open in details: its audio menu lists French and French 5.1, and choosing the
 * 5.1 asks for its segments (`surroundSegment`), which nothing asked for before.
 */
async function expectSurroundChosen(page: Page, surroundSegment: RegExp): Promise<void> {
  const surround: string[] = []
  page.on('request', (request) => {
    if (surroundSegment.test(request.url())) surround.push(request.url())
  })
  await press(page, 'Enter')
  await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
  await press(page, 'ArrowDown')
  const audio = (await player(page)).menuItems.filter((item) => item.key.startsWith('audio:'))
  expect(audio.map((item) => item.label)).toEqual(['français', 'français (5.1)'])
  expect(surround).toEqual([])
  await press(page, 'ArrowDown')
  await press(page, 'Enter')
  await waitPlayer(page, "p.activeAudio?.label?.startsWith('belgica:layout:6/') === true")
  for (let i = 0; i < 50 && !surround.length; i++) await page.waitForTimeout(200)
  expect(surround.length).toBeGreaterThan(0)
}

function withSettings(change: (player: Record<string, unknown>) => void): Promise<void> {
  return routeAppSettings((settings) => {
    const playerSettings: Record<string, unknown> = {}
    change(playerSettings)
    settings.player = playerSettings
  })
}

/** ffmpeg's test picture and tone, the inputs of the films the tests below cut themselves. */
const PICTURE = '-f lavfi -i testsrc2=size=426x240:rate=25'
const TONE = '-f lavfi -i sine=frequency=440:sample_rate=48000'
/** H.264 as the sample streams have it: a key frame every 2 s, so 4 s segments cut cleanly. */
const X264 = '-preset veryfast -g 50 -pix_fmt yuv420p'
const H264_AAC = '-c:v libx264 -c:a aac'

/**
 * Serves `dir`'s files as demo-a/`folder`/, behind a master of their picture (`video`) and its
 * French sound rendition (`audio`).
 */
async function routeFilmWithSound(
  page: Page,
  dir: string,
  folder: string,
  audio: string,
  video = 'video.m3u8',
): Promise<void> {
  await page.route('**/demo-a/master.m3u8', (route) =>
    route.fulfill({
      contentType: 'application/vnd.apple.mpegurl',
      body:
        '#EXTM3U\n' +
        `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",LANGUAGE="fr",NAME="Français",DEFAULT=YES,AUTOSELECT=YES,URI="${folder}/${audio}"\n` +
        '#EXT-X-STREAM-INF:BANDWIDTH=600000,CODECS="avc1.640015,mp4a.40.2",AUDIO="a"\n' +
        `${folder}/${video}\n`,
    }),
  )
  await page.route(new RegExp(`/demo-a/${folder}/[\\w.-]+$`), (route) =>
    route.fulfill({
      path: path.join(dir, path.basename(new URL(route.request().url()).pathname)),
    }),
  )
}

/** Cuts `args`' film into 4 s HLS segments named `segments`, listed in `playlist`, in `dir`. */
function hlsFilm(dir: string, args: string, segments: string, playlist: string): void {
  const done = spawnSync(
    'ffmpeg',
    [
      ...`-hide_banner -loglevel error -y ${args} -f hls -hls_time 4 -hls_playlist_type vod`.split(
        ' ',
      ),
      ...['-hls_segment_filename', path.join(dir, segments), path.join(dir, playlist)],
    ],
    { stdio: 'inherit' },
  )
  if (done.status !== 0) throw new Error(`ffmpeg could not encode ${playlist}`)
}

describe('player: controls, tracks, resume', () => {
  let page: Page

  beforeAll(async () => {
    page = await openApp()
    await waitForApp(page)
  })

  it('plays DASH, hides the overlay after a few seconds, shows it again on a key', async () => {
    const toFirstFrame = await playFromDetails(page, 'rosetta')
    const state = await waitPlayer(page, "p.state === 'playing'")
    console.log(`OK on Play -> video moving: ${toFirstFrame} ms (app: ${state.startupMs} ms)`)
    expect(state.url).toMatch(/manifest\.mpd$/)
    expect(state.overlayVisible).toBe(true)
    await waitPlayer(page, 'p.overlayVisible === false', 8000)
    // The stage clears to the background on other screens: here the picture must show through.
    const picture = regionStats(await grabFrame(page), { x: 660, y: 340, w: 600, h: 400 })
    expect(picture.colours).toBeGreaterThan(40)
    // Info, the key a household presses to see where the film stands.
    await pressCode(page, 457)
    expect((await player(page)).overlayVisible).toBe(true)
    await waitPlayer(page, 'p.overlayVisible === false', 8000)
    await press(page, 'ArrowUp')
    await press(page, 'Backspace')
    expect((await player(page)).overlayVisible).toBe(true)
    // Channel down on a film: no channel to change, but like any key it brings the controls.
    await waitPlayer(page, 'p.overlayVisible === false', 8000)
    await press(page, 'PageDown')
    expect((await player(page)).overlayVisible).toBe(true)
    expect((await snapshot(page)).route).toBe('play/rosetta')
  })

  it('shows buffered range ahead of the position, and seeks +10 s / -10 s', async () => {
    const before = await waitPlayer(page, 'p.buffered > p.currentTime + 2')
    await press(page, 'ArrowRight')
    await press(page, 'ArrowRight')
    const pending = await player(page)
    expect(pending.seekTarget).toBeGreaterThanOrEqual(before.currentTime + 19)
    const after = await waitPlayer(page, `p.currentTime >= ${before.currentTime + 18}`)
    expect(after.seekTarget).toBeUndefined()
    await press(page, 'ArrowLeft')
    await waitPlayer(page, `p.currentTime < ${after.currentTime - 5}`)
    await screenshot(page, 'player-overlay')
  })

  it('pauses and resumes with OK', async () => {
    await press(page, 'Enter')
    if ((await player(page)).state !== 'paused') await press(page, 'Enter')
    const paused = await waitPlayer(page, "p.state === 'paused'")
    await page.waitForTimeout(500)
    expect((await player(page)).currentTime).toBeCloseTo(paused.currentTime, 1)
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing'")
  })

  it('switches audio to Dutch and subtitles to French from the track menu, then off', async () => {
    let state = await player(page)
    expect(state.tracks.audio).toEqual(['fr', 'nl'])
    expect(state.tracks.text).toEqual(['off', 'fr', 'nl'])
    expect(state.audioLanguage).toBe('fr')
    expect(state.textLanguage).toBeNull()
    await press(page, 'ArrowDown')
    expect((await player(page)).menuOpen).toBe(true)
    await press(page, 'ArrowDown')
    expect((await player(page)).menuFocus).toBe('audio:nl')
    await press(page, 'Enter')
    await waitPlayer(page, "p.audioLanguage === 'nl'")
    await press(page, 'ArrowRight')
    await press(page, 'ArrowDown')
    expect((await player(page)).menuFocus).toBe('text:fr')
    await press(page, 'Enter')
    state = await waitPlayer(page, "p.textLanguage === 'fr'")
    expect(state.state).not.toBe('error')
    await screenshot(page, 'player-tracks')
    // The cue is on the <video> (behind the canvas): a French cue becomes active.
    await page.waitForFunction(
      () => {
        const tracks = [...(document.querySelector('video')?.textTracks ?? [])]
        return tracks.some(
          (t) => t.mode === 'showing' && t.language.startsWith('fr') && (t.cues?.length ?? 0) > 0,
        )
      },
      null,
      { timeout: 10_000 },
    )
    await press(page, 'ArrowUp')
    await press(page, 'Enter')
    await waitPlayer(page, 'p.textLanguage === null')
    await press(page, 'ArrowDown')
    await press(page, 'Enter')
    await waitPlayer(page, "p.textLanguage === 'fr'")
    await press(page, 'Backspace')
    expect((await player(page)).menuOpen).toBe(false)
    expect((await snapshot(page)).route).toBe('play/rosetta')
  })

  it('saves the position on stop; details offer "Resume" and it survives a full reload', async () => {
    // Somewhere in the middle of the 60 s clip: past the first seconds, before the credits.
    const now = (await player(page)).currentTime
    if (now < 20) await press(page, 'ArrowRight', Math.ceil((22 - now) / 10))
    const at = await waitPlayer(
      page,
      "p.currentTime >= 20 && p.seekTarget === undefined && p.state === 'playing'",
    )
    expect(at.currentTime).toBeLessThan(44)
    await stop(page)
    let details = await snapshot(page)
    expect(details.route).toBe('details/rosetta')
    expect(details.page).toMatchObject({ action: 'resume' })
    await page.reload()
    await waitForApp(page)
    details = await snapshot(page)
    expect(details.page).toMatchObject({ screen: 'details', action: 'resume' })
    await screenshot(page, 'details-resume')
    const states = await recordPlayerStates(page)
    await press(page, 'Enter')
    const resumed = await waitPlayer(page, "p.state === 'playing'")
    expect(resumed.startPosition).toBeGreaterThanOrEqual(Math.floor(at.currentTime) - 1)
    expect(resumed.currentTime).toBeGreaterThanOrEqual(Math.floor(at.currentTime) - 2)
    // Never "playing" from the start while the element had not yet reached the resume point.
    const early = (await states.samples()).filter(
      (s) => s.state === 'playing' && s.currentTime < resumed.startPosition - 2,
    )
    expect(early).toEqual([])
    // The household's language choice was kept for the next title: Dutch audio, French subtitles.
    expect(resumed.audioLanguage).toBe('nl')
    await waitPlayer(page, "p.textLanguage === 'fr'")
    await stop(page)
  })

  it('"Start over" plays from 0 and keeps the saved position until then', async () => {
    await press(page, 'ArrowRight')
    expect((await snapshot(page)).page).toMatchObject({ action: 'startover' })
    await press(page, 'Enter')
    const state = await waitPlayer(page, "p.state === 'playing'")
    expect(state.startPosition).toBe(0)
    expect(state.currentTime).toBeLessThan(8)
    await stop(page)
  })

  it('shows "Continue watching" as the first rail on home', async () => {
    await press(page, 'Backspace')
    await waitRoute(page, 'home')
    const home = (await snapshot(page)).page as { rails: { id: string }[]; itemId: string }
    expect(home.rails[0]!.id).toBe('continue-watching')
    expect(home.itemId).toBe('rosetta')
    await screenshot(page, 'home-continue')
  })

  it('counts down to the next episode; Back cancels, OK plays it now', async () => {
    await page.goto(page.url().replace(/#.*$/, '') + '#play/la-treve-s1e1')
    await waitForApp(page)
    await waitPlayer(page, "p.state === 'playing' && p.duration > 0")
    expect((await player(page)).nextId).toBe('la-treve-s1e2')
    await press(page, 'ArrowRight', 3)
    await waitPlayer(page, "p.countdown.phase === 'counting'")
    await screenshot(page, 'player-next')
    await press(page, 'Backspace')
    expect((await player(page)).countdown.phase).toBe('cancelled')
    expect((await snapshot(page)).route).toBe('play/la-treve-s1e1')
    await press(page, 'ArrowLeft', 2)
    await waitPlayer(page, "p.countdown.phase === 'idle' && p.seekTarget === undefined")
    await waitPlayer(page, "p.countdown.phase === 'counting'", 30_000)
    await press(page, 'Enter')
    await waitRoute(page, 'play/la-treve-s1e2')
    await waitPlayer(page, "p.id === 'la-treve-s1e2' && p.state === 'playing'")
  })
})

describe('player: HLS', () => {
  afterAll(unrouteAppSettings)

  it('plays HLS and switches audio language', async () => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#play/rosetta')
    await waitForApp(page)
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
    expect(state.url).toMatch(/master\.m3u8$/)
    expect(state.tracks.audio).toEqual(['fr', 'nl'])
    await press(page, 'ArrowDown')
    await press(page, 'ArrowDown')
    await press(page, 'Enter')
    await waitPlayer(page, "p.audioLanguage === 'nl'")
    await press(page, 'ArrowRight')
    await press(page, 'ArrowDown', 2)
    await press(page, 'Enter')
    await waitPlayer(page, "p.textLanguage === 'nl'")
  })

  // A CDN that lost two of the three video renditions' playlists: the third plays.
  it("plays on the variant left when the others' media playlists are missing", async () => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#play/rosetta')
    await page.route(/video-(720p|480p)\.m3u8$/, (route) =>
      route.fulfill({ status: 404, body: '' }),
    )
    await waitForApp(page)
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1", 30_000)
    expect(state.errorCode).toBeUndefined()
    const height = await page.evaluate(() => document.querySelector('video')?.videoHeight)
    expect(height).toBe(240)
  })

  // An export that lists a Dutch rendition it never uploaded: the title must play on in French,
  // and the missing language must not become the profile's (every later Play would fail).
  it('plays on when a chosen audio rendition is missing, and when the profile prefers it', async () => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#play/rosetta')
    await page.route('**/audio-nl.m3u8', (route) => route.fulfill({ status: 404, body: '' }))
    await waitForApp(page)
    await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
    await press(page, 'ArrowDown')
    await press(page, 'ArrowDown')
    expect((await player(page)).menuFocus).toBe('audio:nl')
    const reloads: string[] = []
    page.on('request', (request) => {
      if (/master\.m3u8$/.test(request.url())) reloads.push(request.url())
    })
    await press(page, 'Enter')
    const before = (await player(page)).currentTime
    // Shaka gives the missing playlist its retries; the French sound plays on meanwhile.
    await page.waitForFunction(
      () => window.__belgica?.snapshot().toast.startsWith("Cette piste n'a pas pu"),
      null,
      { timeout: 30_000 },
    )
    const recovered = await waitPlayer(
      page,
      `p.state === 'playing' && p.audioLanguage === 'fr' && p.currentTime > ${before + 1}`,
    )
    expect(recovered.errorCode).toBeUndefined()
    // Never stopped: the title was not loaded again.
    expect(reloads).toEqual([])
    const stored = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.endsWith(':tracks'))
        .map((key) => localStorage.getItem(key)),
    )
    expect(stored.join()).not.toContain('"nl"')

    // A profile whose language is the missing one: the title starts in the stream's default.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage))
        if (key.endsWith(':tracks')) localStorage.setItem(key, JSON.stringify({ audio: 'nl' }))
    })
    await page.reload()
    await waitForApp(page)
    const started = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1", 30_000)
    expect(started.audioLanguage).toBe('fr')
    expect(started.errorCode).toBeUndefined()
  }, 120_000)

  // An export that lists Dutch subtitles whose playlist it never uploaded. Shaka read such a
  // playlist inside a switch nobody waited on: four 404s, then nothing at all, the menu ticking
  // Dutch and the French subtitles gone; and Dutch became the profile's language.
  it('keeps the subtitles from before when a chosen subtitle rendition is missing, and at the next load', async () => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#play/rosetta')
    let asked = 0
    await page.route('**/subs-nl.m3u8', (route) => {
      asked++
      return route.fulfill({ status: 404, body: '' })
    })
    await waitForApp(page)
    await chooseFrenchThenDutch(page)
    await page.waitForFunction(
      () => window.__belgica?.snapshot().toast.startsWith("Cette piste n'a pas pu"),
      null,
      { timeout: 30_000, polling: 100 },
    )
    expect(asked).toBeGreaterThan(0)
    const state = await player(page)
    expect(state.textLanguage).toBe('fr')
    expect(state.activeText?.language).toBe('fr')
    expect(state.errorCode).toBeUndefined()
    const stored = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.endsWith(':tracks'))
        .map((key) => localStorage.getItem(key)),
    )
    expect(stored.join()).toContain('"text":"fr"')
    expect(stored.join()).not.toContain('"nl"')

    // The next Play: French is the profile's language now, and the title lists it, but its
    // server lacks that playlist. Shaka chose the profile's language by itself during the load,
    // outside that check: four 404s, then the menu ticking French with nothing on screen, and no
    // word of it. It must go as a choice in the menu does, and the profile keep French.
    let askedFr = 0
    await page.route('**/subs-fr.m3u8', (route) => {
      askedFr++
      return route.fulfill({ status: 404, body: '' })
    })
    await page.reload()
    await waitForApp(page)
    await page.waitForFunction(
      () => window.__belgica?.snapshot().toast.startsWith("Cette piste n'a pas pu"),
      null,
      { timeout: 30_000, polling: 100 },
    )
    expect(askedFr).toBeGreaterThan(0)
    const next = await waitPlayer(page, "p.state === 'playing'")
    expect(next.textLanguage).toBeNull()
    expect(next.activeText).toBeNull()
    expect(next.errorCode).toBeUndefined()
    const showing = await page.evaluate(
      () =>
        [...(document.querySelector('video')?.textTracks ?? [])].filter((t) => t.mode === 'showing')
          .length,
    )
    expect(showing).toBe(0)
    // Shaka's own read failed too: that is not the film's failure, which plays on.
    const later = await waitPlayer(page, `p.currentTime > ${next.currentTime + 5}`)
    expect(later.errorCode).toBeUndefined()
    expect(later.textLanguage).toBeNull()
    // The household's French stays for the titles that have it.
    const kept = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.endsWith(':tracks'))
        .map((key) => localStorage.getItem(key)),
    )
    expect(kept.join()).toContain('"text":"fr"')
    await page.close()
  }, 90_000)
})

describe('player: subtitles that fail to load', () => {
  const TITLES = '**/catalogue/titles.json'

  afterAll(async () => {
    await (await browserContext()).unroute(TITLES)
    await unrouteAppSettings()
  })

  const storedTracks = (page: Page) =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.endsWith(':tracks'))
        .map((key) => localStorage.getItem(key))
        .join(),
    )

  // The Dutch WebVTT file of the sample's manifest is missing: the subtitles go off with a toast
  // (player-accessibility.e2e.ts), and Dutch must not become the profile's language, or the next
  // Play asks for the missing file again and shows the failure for subtitles nobody chose then.
  it("a chosen subtitle file that is missing is not kept as the profile's language", async () => {
    await withSettings((p) => (p.preferredFormat = 'dash'))
    const page = await openApp('#play/rosetta')
    await page.route('**/demo-a/subs-nl.vtt', (route) => route.fulfill({ status: 404, body: '' }))
    await waitForApp(page)
    await chooseFrenchThenDutch(page)
    await page.waitForFunction(
      () => window.__belgica?.snapshot().toast.startsWith('Ces sous-titres'),
      null,
      { timeout: 30_000, polling: 100 },
    )
    expect((await waitPlayer(page, 'p.textLanguage === null')).errorCode).toBeUndefined()
    expect(await storedTracks(page)).toContain('"text":"fr"')
    // The next Play starts with French, the profile's language from before.
    await page.reload()
    await waitForApp(page)
    const again = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
    expect(again.textLanguage).toBe('fr')
    await page.close()
  }, 60_000)

  // A title's own subtitle files: English answers at once, the German file's host never does.
  // The menu waited for every file, some 40 s (four tries of the request timeout) here.
  it('offers each sidecar file once it has loaded; a dead one keeps no other out', async () => {
    await withSettings((p) => (p.preferredFormat = 'dash'))
    await (
      await browserContext()
    ).route(TITLES, async (route) => {
      const response = await fetchOnce(route)
      const catalogue = (await response.json()) as { titles: { id: string; stream?: object }[] }
      const rosetta = catalogue.titles.find((title) => title.id === 'rosetta')!
      rosetta.stream = {
        ...rosetta.stream,
        subtitles: [
          { url: 'media/dead-host/subs-de.vtt', language: 'de', format: 'vtt' },
          { url: 'media/streams/demo-mp4/subs-nl.vtt', language: 'en', format: 'vtt' },
        ],
      }
      await route.fulfill({ response, json: catalogue })
    })
    const page = await openApp('#play/rosetta')
    // Never answered: the request waits for the player's timeout, then its retries.
    await page.route('**/dead-host/**', () => undefined)
    await waitForApp(page)
    await waitPlayer(page, "p.state === 'playing'", 20_000)
    const state = await waitPlayer(page, "p.tracks.text.includes('en')", 8_000)
    expect(state.tracks.text).toEqual(['off', 'fr', 'nl', 'en'])
    await page.close()
  }, 60_000)
})

describe('player: subtitles chosen once the rest of the title is buffered', () => {
  afterAll(unrouteAppSettings)

  // Shaka times a subtitle segment by the next picture it appends; with the whole title already
  // appended there was none, and the chosen subtitles never showed.
  it.each(['dash', 'hls'])('%s: the cues still arrive', async (format) => {
    await withSettings((p) => (p.preferredFormat = format))
    const page = await openApp('#play/rosetta')
    await waitForApp(page)
    const start = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
    expect(start.textLanguage).toBeNull()
    await press(page, 'ArrowRight', Math.max(0, Math.ceil((44 - start.currentTime) / 10)))
    await waitPlayer(page, 'p.currentTime > 40 && p.buffered > 59.5', 20_000)
    await press(page, 'ArrowDown')
    await press(page, 'ArrowRight')
    await press(page, 'ArrowDown')
    expect((await player(page)).menuFocus).toBe('text:fr')
    await press(page, 'Enter')
    await waitPlayer(page, "p.textLanguage === 'fr'")
    await page.waitForFunction(
      () =>
        [...(document.querySelector('video')?.textTracks ?? [])].some(
          (t) => t.mode === 'showing' && (t.cues?.length ?? 0) > 0,
        ),
      null,
      { timeout: 8_000 },
    )
    await page.close()
  })
})

describe('player: an HLS title that names its own start (EXT-X-START)', () => {
  afterAll(unrouteAppSettings)

  it('starts there when played from its beginning', async () => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#details/rosetta', { keepStorage: false })
    await waitForApp(page)
    await rewriteBody(page, '**/demo-a/master.m3u8', (body) =>
      body.replace('#EXTM3U', '#EXTM3U\n#EXT-X-START:TIME-OFFSET=30'),
    )
    await press(page, 'Enter')
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 0")
    expect(state.url).toMatch(/master\.m3u8$/)
    expect(state.currentTime).toBeGreaterThanOrEqual(29)
    expect(state.currentTime).toBeLessThan(40)
    await page.close()
  })
})

describe('player: HLS renditions with a NAME and no LANGUAGE', () => {
  afterAll(unrouteAppSettings)

  it('lists each by its name, and the second one can be chosen', async () => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    await rewriteBody(page, '**/demo-a/master.m3u8', (body) =>
      body.replace(/LANGUAGE="[a-z]+",/g, ''),
    )
    await press(page, 'Enter')
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
    expect(state.tracks.audio).toEqual(['und=Fran%C3%A7ais', 'und=Nederlands'])
    expect(state.tracks.text).toEqual(['off', 'und=Fran%C3%A7ais', 'und=Nederlands'])
    expect(state.activeAudio).toMatchObject({ label: 'Français' })
    await press(page, 'ArrowDown')
    await press(page, 'ArrowDown')
    await press(page, 'Enter')
    await waitPlayer(page, "p.activeAudio?.label === 'Nederlands'")
    await page.close()
  })
})

describe('player: HLS subtitles marked DEFAULT=YES', () => {
  afterAll(unrouteAppSettings)

  // RFC 8216: a DEFAULT=YES rendition plays unless the household said otherwise.
  it('shows them to a profile that never chose subtitles, and not once it chose off', async () => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#details/rosetta', { keepStorage: false })
    await waitForApp(page)
    await rewriteBody(page, '**/demo-a/master.m3u8', (body) =>
      body.replace(
        /(TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE="nl",[^\n]*)DEFAULT=NO/,
        '$1DEFAULT=YES',
      ),
    )
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
    await waitPlayer(page, "p.textLanguage === 'nl'")
    // Off, from the menu: remembered, and the stream's default no longer overrides it.
    await press(page, 'ArrowDown')
    await press(page, 'ArrowRight')
    for (let i = 0; i < 3 && (await player(page)).menuFocus !== 'text:off'; i++)
      await press(page, 'ArrowUp')
    expect((await player(page)).menuFocus).toBe('text:off')
    await press(page, 'Enter')
    await waitPlayer(page, 'p.textLanguage === null')
    await stop(page)
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
    expect((await player(page)).textLanguage).toBeNull()
    await stop(page)
    await page.close()
  })
})

describe('player: an HLS film exported as EVENT without ENDLIST', () => {
  afterAll(unrouteAppSettings)

  it('starts at its beginning, not at the live edge near its end', async () => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    await rewriteBody(page, /\/demo-a\/(video|audio)-[^/]*\.m3u8$/, (body) =>
      body
        .replace('#EXT-X-PLAYLIST-TYPE:VOD', '#EXT-X-PLAYLIST-TYPE:EVENT')
        .replace('#EXT-X-ENDLIST', ''),
    )
    await press(page, 'Enter')
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 0")
    expect(state.url).toMatch(/master\.m3u8$/)
    // The film is 60 s: Shaka's live edge would be about 50 s in.
    expect(state.currentTime).toBeLessThan(5)
    // Read as finished: a duration, so a progress bar and a resume point, and an end.
    expect(state.live).toBe(false)
    expect(state.duration).toBeGreaterThan(59)
    await press(page, 'ArrowRight', 5)
    await waitPlayer(page, 'p.currentTime > 50 && p.seekTarget === undefined')
    await waitRoute(page, 'details/rosetta', 40_000)
    await page.close()
  })
})

describe('player: an HLS film in one file per rendition, from an origin that ignores Range', () => {
  afterAll(unrouteAppSettings)

  it('plays it as long as it is, to its end', async () => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    // Each rendition's init and segments joined into one file, listed with EXT-X-BYTERANGE
    // (as `hls_flags single_file` exports it), and served whole with 200 whatever is asked.
    const files = new Map<string, Buffer>()
    await page.route(/\/demo-a\/(video|audio)-[^/]*\.m3u8$/, async (route) => {
      const name = /([^/]+)\.m3u8$/.exec(route.request().url())![1]
      const lines = (await (await fetchOnce(route)).text()).split('\n')
      const parts: Buffer[] = []
      let offset = 0
      const place = (file: string): string => {
        const bytes = readFileSync(path.join(ROOT, 'media/streams/demo-a', file))
        parts.push(bytes)
        offset += bytes.length
        return `${bytes.length}@${offset - bytes.length}`
      }
      const playlist = lines.map((line) => {
        const map = /^#EXT-X-MAP:URI="([^"]+)"/.exec(line)
        if (map) return `#EXT-X-MAP:URI="${name}.mp4",BYTERANGE="${place(map[1]!)}"`
        if (line && !line.startsWith('#')) return `#EXT-X-BYTERANGE:${place(line)}\n${name}.mp4`
        return line
      })
      files.set(name, Buffer.concat(parts))
      await route.fulfill({
        contentType: 'application/vnd.apple.mpegurl',
        body: playlist.join('\n').replace('#EXT-X-VERSION:6', '#EXT-X-VERSION:7'),
      })
    })
    await page.route(/\/demo-a\/(video|audio)-[^/]*\.mp4$/, (route) => {
      const name = /([^/]+)\.mp4$/.exec(route.request().url())![1]!
      return route.fulfill({ status: 200, contentType: 'video/mp4', body: files.get(name) })
    })
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing' && p.currentTime > 6", 40_000)
    // With the whole file appended in place of each segment, the film never came to its end.
    const state = await player(page)
    expect(state.duration).toBeGreaterThan(59)
    expect(state.duration).toBeLessThan(61)
    await press(page, 'ArrowRight', 5)
    await waitPlayer(page, 'p.currentTime > 50 && p.seekTarget === undefined')
    await waitRoute(page, 'details/rosetta', 20_000)
    await page.close()
  })
})

describe('player: HLS films in MPEG-2 TS segments with a bare master playlist', () => {
  // The most common HLS export: .ts segments (which Chromium's MSE does not take: Shaka
  // transmuxes them) and a master that names neither codecs nor audio groups (RFC 8216 makes
  // CODECS optional), with both picture and sound muxed, or only one of them.
  const cases = [
    { name: 'picture and sound', streams: '-c:v libx264 -c:a aac', picture: true, sound: true },
    { name: 'picture only', streams: '-c:v libx264 -an', picture: true, sound: false },
    { name: 'sound only', streams: '-vn -c:a aac', picture: false, sound: true },
    // Real masters' CODECS do not always match the segments (a template's defaults).
    {
      name: 'picture only, the master naming a sound too',
      streams: '-c:v libx264 -an',
      picture: true,
      sound: false,
      codecs: 'avc1.640015,mp4a.40.2',
    },
    {
      name: 'picture and sound, the master naming the picture only',
      streams: '-c:v libx264 -c:a aac',
      picture: true,
      sound: true,
      codecs: 'avc1.640015',
    },
  ] as { name: string; streams: string; picture: boolean; sound: boolean; codecs?: string }[]
  const dir = mkdtempSync(path.join(tmpdir(), 'belgica-ts-'))

  beforeAll(() => {
    checkFfmpeg()
    cases.forEach((sample, i) =>
      hlsFilm(
        dir,
        `${PICTURE} ${TONE} -t 16 ${X264} -b:a 64k ${sample.streams}`,
        `${i}-%03d.ts`,
        `${i}.m3u8`,
      ),
    )
  })
  afterAll(async () => {
    await unrouteAppSettings()
    rmSync(dir, { recursive: true, force: true })
  })

  it.each(cases.map((sample, i) => ({ ...sample, i })))(
    'with $name: plays it to its end',
    async ({ i, picture, sound, codecs }) => {
      await withSettings((p) => (p.preferredFormat = 'hls'))
      const page = await openApp('#details/rosetta')
      await waitForApp(page)
      const stated = codecs ? `,CODECS="${codecs}"` : ''
      await page.route('**/demo-a/master.m3u8', (route) =>
        route.fulfill({
          contentType: 'application/vnd.apple.mpegurl',
          body: `#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=500000${stated}\nts/${i}.m3u8\n`,
        }),
      )
      await page.route(/\/demo-a\/ts\/[\w.-]+$/, (route) =>
        route.fulfill({
          path: path.join(dir, path.basename(new URL(route.request().url()).pathname)),
        }),
      )
      await press(page, 'Enter')
      const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 2")
      expect(state.duration).toBeGreaterThan(15)
      expect(state.duration).toBeLessThan(17)
      const decoded = await page.evaluate(() => {
        const video = document.querySelector('video') as HTMLVideoElement & {
          webkitAudioDecodedByteCount?: number
        }
        return { width: video.videoWidth, audioBytes: video.webkitAudioDecodedByteCount ?? 0 }
      })
      expect(decoded.audioBytes > 0).toBe(sound)
      expect(decoded.width > 0).toBe(picture)
      if (picture) {
        await waitPlayer(page, 'p.overlayVisible === false', 15_000)
        // A busy box (the suite beside other work) may catch a frame in between: three tries.
        let colours = 0
        for (let tries = 0; tries < 3 && colours <= 40; tries++) {
          if (tries) await page.waitForTimeout(400)
          colours = regionStats(await grabFrame(page), { x: 660, y: 340, w: 600, h: 400 }).colours
        }
        expect(colours).toBeGreaterThan(40)
      }
      await press(page, 'ArrowRight')
      await waitRoute(page, 'details/rosetta', 30_000)
      await page.close()
    },
  )
})

describe('player: an HLS master whose main sound is in the variant, other languages beside it', () => {
  // RFC 8216 4.3.4.1: a rendition without URI is in the variant's own stream. French rides with
  // the picture; Dutch is a rendition of its own. Before, fMP4 showed no picture (3014), TS
  // without CODECS failed to load (4032, then the DASH film played), and TS offered Dutch, which
  // failed when chosen.
  const dir = mkdtempSync(path.join(tmpdir(), 'belgica-muxed-'))
  const fmp4 = (name: string) => `-hls_segment_type fmp4 -hls_fmp4_init_filename ${name}-init.mp4`
  const cases = [
    { name: 'TS segments and CODECS', film: 'mt', sound: 'nt', codecs: true },
    { name: 'fMP4 segments and CODECS', film: 'mf', sound: 'nf', codecs: true },
    { name: 'TS segments without CODECS', film: 'mt', sound: 'nt', codecs: false },
  ]

  beforeAll(() => {
    checkFfmpeg()
    const film = `${PICTURE} ${TONE} -t 12 ${X264} -b:a 64k ${H264_AAC}`
    const dutch = '-f lavfi -i sine=frequency=660:sample_rate=48000 -t 12 -vn -c:a aac -b:a 64k'
    hlsFilm(dir, film, 'mt-%03d.ts', 'mt.m3u8')
    hlsFilm(dir, dutch, 'nt-%03d.ts', 'nt.m3u8')
    hlsFilm(dir, `${film} ${fmp4('mf')}`, 'mf-%03d.m4s', 'mf.m3u8')
    hlsFilm(dir, `${dutch} ${fmp4('nf')}`, 'nf-%03d.m4s', 'nf.m3u8')
  })
  afterAll(async () => {
    await unrouteAppSettings()
    rmSync(dir, { recursive: true, force: true })
  })

  it.each(cases)('with $name: plays its picture and its main sound', async (sample) => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    const codecs = sample.codecs ? ',CODECS="avc1.640015,mp4a.40.2"' : ''
    await page.route('**/demo-a/master.m3u8', (route) =>
      route.fulfill({
        contentType: 'application/vnd.apple.mpegurl',
        body: [
          '#EXTM3U',
          '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",LANGUAGE="fr",NAME="Français",DEFAULT=YES,AUTOSELECT=YES',
          `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",LANGUAGE="nl",NAME="Nederlands",AUTOSELECT=YES,URI="muxed/${sample.sound}.m3u8"`,
          `#EXT-X-STREAM-INF:BANDWIDTH=500000${codecs},AUDIO="a"`,
          `muxed/${sample.film}.m3u8`,
          '',
        ].join('\n'),
      }),
    )
    await page.route(/\/demo-a\/muxed\/[\w.-]+$/, (route) =>
      route.fulfill({
        path: path.join(dir, path.basename(new URL(route.request().url()).pathname)),
      }),
    )
    await press(page, 'Enter')
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 2")
    const decoded = await page.evaluate(() => {
      const video = document.querySelector('video') as HTMLVideoElement & {
        webkitAudioDecodedByteCount?: number
      }
      return { width: video.videoWidth, audioBytes: video.webkitAudioDecodedByteCount ?? 0 }
    })
    expect(decoded.width).toBeGreaterThan(0)
    expect(decoded.audioBytes).toBeGreaterThan(0)
    // The HLS film, not the DASH one beside it; Dutch cannot be played beside a sound muxed
    // with the picture, so it is not offered.
    expect(state.url).toMatch(/master\.m3u8$/)
    expect(state.tracks.audio).toHaveLength(1)
    await page.close()
  })
})

describe('player: an HLS film whose sound is in .aac segments without the ID3 timestamp', () => {
  // RFC 8216 asks each packed audio segment for an ID3 PRIV timestamp; exports cut with a plain
  // segmenter carry none. The picture is TS; the sound a rendition of bare ADTS .aac segments.
  const dir = mkdtempSync(path.join(tmpdir(), 'belgica-aac-'))
  const quiet = '-hide_banner -loglevel error -y'
  const tone = '-f lavfi -i sine=frequency=440:sample_rate=48000 -t 16 -c:a aac -b:a 64k'
  const ffmpeg = (args: string, ...paths: string[]) => {
    const done = spawnSync('ffmpeg', [...`${quiet} ${args}`.split(' '), ...paths], {
      stdio: 'inherit',
    })
    if (done.status !== 0) throw new Error(`ffmpeg could not encode: ${args}`)
  }

  beforeAll(() => {
    checkFfmpeg()
    ffmpeg(
      '-f lavfi -i testsrc2=size=426x240:rate=25 -t 16 -c:v libx264 -preset veryfast -g 50 ' +
        '-pix_fmt yuv420p -an -f hls -hls_time 4 -hls_playlist_type vod -hls_segment_filename',
      path.join(dir, 'v-%03d.ts'),
      path.join(dir, 'video.m3u8'),
    )
    ffmpeg(
      `${tone} -f segment -segment_format adts -segment_time 4 -segment_list_type m3u8 -segment_list`,
      path.join(dir, 'adts.m3u8'),
      path.join(dir, 'adts-%03d.aac'),
    )
  })
  afterAll(async () => {
    await unrouteAppSettings()
    rmSync(dir, { recursive: true, force: true })
  })

  it('plays it with its sound from its first second, to its end', async () => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    await routeFilmWithSound(page, dir, 'aac', 'adts.m3u8')
    await press(page, 'Enter')
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 3")
    expect(state.duration).toBeGreaterThan(15)
    expect(state.duration).toBeLessThan(17)
    const sound = await page.evaluate(() => {
      const video = document.querySelector('video') as HTMLVideoElement & {
        webkitAudioDecodedByteCount?: number
      }
      return { bytes: video.webkitAudioDecodedByteCount ?? 0, from: video.buffered.start(0) }
    })
    expect(sound.bytes).toBeGreaterThan(0)
    // Undated, the sound landed one segment late and the player jumped over the start.
    expect(sound.from).toBeLessThan(0.5)
    // On to its last segments, dated like the first, and its end.
    await press(page, 'ArrowRight')
    await waitRoute(page, 'details/rosetta', 30_000)
    await page.close()
  })
})

/**
 * Copies the TS segments of `dir`'s `playlistName` as a packager that writes the program tables
 * once, in an EXT-X-MAP initialisation segment, would: `initName` holds the first PAT and PMT,
 * the segments (their names prefixed with m) no table at all, listed in `mappedName`.
 */
function tablesInMap(
  dir: string,
  playlistName: string,
  mappedName: string,
  initName: string,
): void {
  const pid = (bytes: Buffer, at: number) => ((bytes[at + 1]! & 0x1f) << 8) | bytes[at + 2]!
  const packetsOf = (bytes: Buffer) =>
    Array.from({ length: bytes.length / 188 }, (_, i) => bytes.subarray(i * 188, i * 188 + 188))
  // ffmpeg's PIDs: the PAT (0), its SDT (0x11) and its PMT (0x1000).
  const tables = new Set([0, 0x11, 0x1000])
  const playlist = readFileSync(path.join(dir, playlistName), 'utf8')
  const names = playlist.match(/^[^#\s].*$/gm) ?? []
  const first = packetsOf(readFileSync(path.join(dir, names[0]!)))
  const init = [0, 0x1000].map((table) => first.find((packet) => pid(packet, 0) === table)!)
  writeFileSync(path.join(dir, initName), Buffer.concat(init))
  for (const name of names) {
    const media = packetsOf(readFileSync(path.join(dir, name)))
    const kept = media.filter((packet) => !tables.has(pid(packet, 0)))
    expect(kept.length).toBeLessThan(media.length)
    writeFileSync(path.join(dir, `m${name}`), Buffer.concat(kept))
  }
  writeFileSync(
    path.join(dir, mappedName),
    playlist
      .replace(/^(#EXT-X-MEDIA-SEQUENCE:.*)$/m, `$1\n#EXT-X-MAP:URI="${initName}"`)
      .replace(/^([^#\s].*)$/gm, 'm$1'),
  )
}

describe('player: an HLS film whose .aac sound segments are written as MPEG-2 TS', () => {
  // Some packagers name an audio-only TS rendition as packed audio: `.aac` files holding TS
  // packets. Shaka reads them by their name; the picture is TS too, starting at ffmpeg's 1.4 s.
  const dir = mkdtempSync(path.join(tmpdir(), 'belgica-aacts-'))

  beforeAll(() => {
    checkFfmpeg()
    hlsFilm(dir, `${PICTURE} -t 12 -c:v libx264 ${X264} -an`, 'v%d.ts', 'video.m3u8')
    hlsFilm(dir, `${TONE} -t 12 -c:a aac -b:a 64k`, 'a%d.aac', 'audio.m3u8')
    const first = readFileSync(path.join(dir, 'a0.aac'))
    // What is under test: TS packets (a sync byte every 188 bytes) under the .aac name.
    expect([first[0], first[188], first[376]]).toEqual([0x47, 0x47, 0x47])
    tablesInMap(dir, 'audio.m3u8', 'mapped.m3u8', 'init.ts')
    tablesInMap(dir, 'video.m3u8', 'mapped-video.m3u8', 'init-video.ts')
  })
  afterAll(async () => {
    await unrouteAppSettings()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Plays the film with `audio` as its sound rendition; checks its sound plays with the picture. */
  async function playsWithSound(audio: string, video?: string): Promise<Page> {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#details/rosetta', { initScript: keepSourceBuffers })
    await waitForApp(page)
    // The film in HLS only: with its DASH export beside it, a failure before the first picture
    // gives way to the DASH (player-mp4.e2e.ts), which would hide what is under test.
    await page.route('**/catalogue/titles.json', async (route) => {
      const response = await fetchOnce(route)
      const catalogue = (await response.json()) as { titles: { id: string; stream?: object }[] }
      catalogue.titles.find((title) => title.id === 'rosetta')!.stream = {
        hls: 'media/streams/demo-a/master.m3u8',
      }
      await route.fulfill({ response, json: catalogue })
    })
    await page.reload()
    await waitForApp(page)
    await routeFilmWithSound(page, dir, 'aacts', audio, video)
    await press(page, 'Enter')
    // Read as bare ADTS, the first segment failed: "La vidéo ne peut pas être décodée".
    const state = await waitPlayer(
      page,
      "(p.state === 'playing' && p.currentTime > 2) || p.errorCode !== undefined",
    )
    expect(state.errorMessage).toBeUndefined()
    expect(state.tracks.audio).toEqual(['fr'])
    const decoded = await page.evaluate(
      () =>
        (
          document.querySelector('video') as HTMLVideoElement & {
            webkitAudioDecodedByteCount?: number
          }
        ).webkitAudioDecodedByteCount ?? 0,
    )
    expect(decoded).toBeGreaterThan(0)
    // Placed by the packets' own PTS, the sound started 1.4 s after the picture.
    const starts = await sourceBufferStarts(page)
    const audioStart = starts.find((b) => b.type.startsWith('audio/'))?.start
    const videoStart = starts.find((b) => b.type.startsWith('video/'))?.start
    expect(audioStart).toBeDefined()
    expect(videoStart).toBeDefined()
    expect(Math.abs(audioStart! - videoStart!)).toBeLessThan(0.15)
    return page
  }

  it('plays it with its sound in time with the picture, to its end', async () => {
    const page = await playsWithSound('audio.m3u8')
    await press(page, 'ArrowRight')
    await waitRoute(page, 'details/rosetta', 30_000)
    await page.close()
  })

  it('plays it with its sound when the program tables are only in its EXT-X-MAP', async () => {
    const page = await playsWithSound('mapped.m3u8')
    await page.close()
  })

  it("plays its picture when the picture's program tables are only in its EXT-X-MAP too", async () => {
    const page = await playsWithSound('mapped.m3u8', 'mapped-video.m3u8')
    expect(await page.evaluate(() => document.querySelector('video')?.videoWidth)).toBe(426)
    await page.close()
  })
})

describe('player: HLS subtitles served as text/plain beside a master without CODECS', () => {
  // Many servers know no .vtt type. Without CODECS, Shaka reads each rendition's first segment to
  // learn its format, and took the server's type for the subtitles' own.
  const dir = mkdtempSync(path.join(tmpdir(), 'belgica-vttplain-'))

  beforeAll(() => {
    checkFfmpeg()
    hlsFilm(dir, `${PICTURE} ${TONE} -t 12 ${X264} -b:a 64k ${H264_AAC}`, 's%d.ts', 'film.m3u8')
  })
  afterAll(async () => {
    await unrouteAppSettings()
    rmSync(dir, { recursive: true, force: true })
  })

  it('plays with the subtitles the stream shows by default, instead of an unexpected error', async () => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    await page.route('**/demo-a/master.m3u8', (route) =>
      route.fulfill({
        contentType: 'application/vnd.apple.mpegurl',
        body:
          '#EXTM3U\n' +
          '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="s",LANGUAGE="fr",NAME="Français",DEFAULT=YES,AUTOSELECT=YES,URI="plain/subs.m3u8"\n' +
          '#EXT-X-STREAM-INF:BANDWIDTH=600000,SUBTITLES="s"\n' +
          'plain/film.m3u8\n',
      }),
    )
    await page.route('**/demo-a/plain/subs.m3u8', (route) =>
      route.fulfill({
        contentType: 'application/vnd.apple.mpegurl',
        body: '#EXTM3U\n#EXT-X-TARGETDURATION:12\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:12.0,\nsubs.vtt\n#EXT-X-ENDLIST\n',
      }),
    )
    await page.route('**/demo-a/plain/subs.vtt', (route) =>
      route.fulfill({
        contentType: 'text/plain',
        body: 'WEBVTT\n\n00:00:02.000 --> 00:00:10.000\nBonjour\n',
      }),
    )
    await page.route(/\/demo-a\/plain\/(film\.m3u8|s\d+\.ts)$/, (route) =>
      route.fulfill({
        path: path.join(dir, path.basename(new URL(route.request().url()).pathname)),
      }),
    )
    await press(page, 'Enter')
    const state = await waitPlayer(
      page,
      "(p.state === 'playing' && p.currentTime > 2) || p.errorCode !== undefined",
    )
    expect(state.errorMessage).toBeUndefined()
    expect(state.tracks.text).toEqual(['off', 'fr'])
    await waitPlayer(page, "p.textLanguage === 'fr'")
    await page.waitForFunction(
      () =>
        [...(document.querySelector('video')?.textTracks ?? [])].some(
          (t) =>
            t.mode === 'showing' &&
            [...(t.cues ?? [])].some((c) => (c as VTTCue).text === 'Bonjour'),
        ),
      null,
      { timeout: 10_000 },
    )
    await page.close()
  })
})

describe('player: an HLS film in TS segments whose playlist states more than the server has', () => {
  // The playlist lists 10 segments of 4 s (40 s); the server has 0-3 and 5 (24 s of media), and
  // answers 404 for 4 and 6-9.
  const dir = mkdtempSync(path.join(tmpdir(), 'belgica-holes-'))
  const missing = new Set([4, 6, 7, 8, 9])

  beforeAll(() => {
    checkFfmpeg()
    hlsFilm(dir, `${PICTURE} ${TONE} -t 24 ${X264} -b:a 64k ${H264_AAC}`, 's%d.ts', 'encoded.m3u8')
  })
  afterAll(async () => {
    await unrouteAppSettings()
    rmSync(dir, { recursive: true, force: true })
  })

  it('"Reprendre 10 s plus loin" twice, the second into its last seconds, ends the title', async () => {
    await withSettings((p) => (p.preferredFormat = 'hls'))
    const page = await openApp('#details/rosetta', { keepStorage: false })
    await waitForApp(page)
    // The film in HLS only: with its DASH export beside it, a skip that fails before its first
    // picture gives way to the DASH (player-mp4.e2e.ts), which has every segment.
    await page.route('**/catalogue/titles.json', async (route) => {
      const response = await fetchOnce(route)
      const catalogue = (await response.json()) as { titles: { id: string; stream?: object }[] }
      const rosetta = catalogue.titles.find((title) => title.id === 'rosetta')!
      rosetta.stream = { hls: 'media/streams/demo-a/master.m3u8' }
      await route.fulfill({ response, json: catalogue })
    })
    await page.reload()
    await waitForApp(page)
    const segments = Array.from({ length: 10 }, (_, i) => `#EXTINF:4.0,\ns${i}.ts`)
    await page.route('**/demo-a/master.m3u8', (route) =>
      route.fulfill({
        contentType: 'application/vnd.apple.mpegurl',
        body: '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=500000\nholes/film.m3u8\n',
      }),
    )
    await page.route('**/demo-a/holes/film.m3u8', (route) =>
      route.fulfill({
        contentType: 'application/vnd.apple.mpegurl',
        body: [
          '#EXTM3U',
          '#EXT-X-VERSION:3',
          '#EXT-X-TARGETDURATION:4',
          '#EXT-X-MEDIA-SEQUENCE:0',
          '#EXT-X-PLAYLIST-TYPE:VOD',
          ...segments,
          '#EXT-X-ENDLIST',
          '',
        ].join('\n'),
      }),
    )
    await page.route(/\/demo-a\/holes\/s\d+\.ts$/, (route) => {
      const n = Number(/s(\d+)\.ts$/.exec(route.request().url())![1])
      return missing.has(n)
        ? route.fulfill({ status: 404 })
        : route.fulfill({ path: path.join(dir, `s${n}.ts`) })
    })
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing'")
    // At 16 s a part is missing; 10 s past the last picture shown before it (some 12-16 s, earlier
    // on a busy machine) the next one is missing too.
    for (const [from, to] of [
      [0, 0.5],
      [22, 26.5],
    ] as const) {
      const failed = await waitPlayer(page, 'p.errorCode !== undefined', 60_000)
      expect(failed.errorCode).toBe(2007)
      expect(failed.errorMessage).toMatch(/^Une partie de cette vidéo manque/)
      expect(failed.startPosition).toBeGreaterThanOrEqual(from)
      expect(failed.startPosition).toBeLessThanOrEqual(to)
      await press(page, 'Enter')
      await waitPlayer(page, 'p.errorCode === undefined')
    }
    // The second skip lands some 5 s before the stated end, where the media has ended: the end,
    // as at any end (it failed again, 404 on s8, while the element still stood at 0).
    await waitRoute(page, 'details/rosetta', 30_000)
    await page.close()
  }, 120_000)
})

describe('player: a DASH manifest that names no codecs (they are optional in ISO/IEC 23009-1)', () => {
  it('reads them from the streams and plays, with its audio languages', async () => {
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    await rewriteBody(page, '**/demo-a/manifest.mpd', (text) => {
      const body = text.replace(/\s+codecs="[^"]*"/g, '')
      expect(body).not.toContain('codecs=')
      return body
    })
    await press(page, 'Enter')
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
    expect(state.error).toBeUndefined()
    expect(state.tracks.audio.length).toBeGreaterThanOrEqual(2)
    await page.close()
  })
})

describe('player: a DASH manifest whose two audio sets have neither lang nor Label', () => {
  it('offers each as a choice of its own, and the second really plays', async () => {
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    await rewriteBody(page, '**/demo-a/manifest.mpd', (text) => {
      // The two audio sets (French and Dutch in the sample) lose what told them apart.
      const audioSet = /<AdaptationSet [^>]*contentType="audio"[\s\S]*?<\/AdaptationSet>/g
      const body = text.replace(audioSet, (set) =>
        set
          .replace(/ lang="[a-z]+"/, '')
          .replace(/\s*<Label>[^<]*<\/Label>/, '')
          .replace(/\s*<Role [^>]*\/>/, ''),
      )
      expect(body.match(audioSet)?.join('')).not.toMatch(/lang=|<Label>|<Role /)
      return body
    })
    // The second set's Representation is "4": its segments are its sound arriving.
    const secondSet: string[] = []
    page.on('request', (request) => {
      if (/\/seg-4-\d+\.m4s$/.test(request.url())) secondSet.push(request.url())
    })
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
    await press(page, 'ArrowDown')
    const menu = await player(page)
    // Before, Shaka's one track of two stereo AACs gave one line, "non précisée".
    expect(
      menu.menuItems.filter((item) => item.key.startsWith('audio:')).map((i) => i.label),
    ).toEqual(['Audio 1 (stéréo)', 'Audio 2 (stéréo)'])
    expect(menu.menuItems.find((item) => item.active && item.key.startsWith('audio:'))?.label).toBe(
      'Audio 1 (stéréo)',
    )
    expect(secondSet).toEqual([])
    await press(page, 'ArrowDown')
    await press(page, 'Enter')
    // Shaka's own active track, as the player reads it, is the second set's.
    const state = await waitPlayer(page, "p.activeAudio?.label?.endsWith(':2') === true")
    expect(state.error).toBeUndefined()
    for (let i = 0; i < 50 && !secondSet.length; i++) await page.waitForTimeout(200)
    expect(secondSet.length).toBeGreaterThan(0)
    await page.close()
  })
})

describe('player: a DASH manifest with a stereo and a 5.1 French set, neither labelled', () => {
  it('offers the 5.1 beside the plain language, and choosing it plays it', async () => {
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    await rewriteBody(page, '**/demo-a/manifest.mpd', (text) => {
      // The sample's Dutch set becomes a French 5.1 one: same language, no name, six channels.
      const audioSet = /<AdaptationSet [^>]*contentType="audio"[\s\S]*?<\/AdaptationSet>/g
      return text.replace(audioSet, (set) =>
        set
          .replace(/ lang="[a-z]+"/, ' lang="fr"')
          .replace(/\s*<Label>[^<]*<\/Label>/, '')
          .replace(/\s*<Role [^>]*\/>/, '')
          .replace(/(<Representation id="4"[\s\S]*?value=)"2"/, '$1"6"'),
      )
    })
    // Before, one "français" line: the 5.1 set could not be chosen.
    await expectSurroundChosen(page, /\/seg-4-\d+\.m4s$/)
    await page.close()
  })
})

describe('player: a DASH film with a stereo and a 5.1 French set that state no channel layout', () => {
  // AudioChannelConfiguration is optional in ISO/IEC 23009-1: only the streams say which is 5.1.
  const dir = mkdtempSync(path.join(tmpdir(), 'belgica-51-'))

  beforeAll(() => {
    checkFfmpeg()
    const args =
      `-hide_banner -loglevel error -y ${PICTURE} ${TONE} -f lavfi -i sine=frequency=660:sample_rate=48000 ` +
      `-t 12 -map 0:v -map 1:a -map 2:a ${X264} ${H264_AAC} -b:a 96k -ac:1 2 -ac:2 6 ` +
      '-f dash -use_timeline 0 -seg_duration 4 -adaptation_sets'
    const sets = 'id=0,streams=v id=1,streams=1 id=2,streams=2'
    const done = spawnSync('ffmpeg', [...args.split(' '), sets, path.join(dir, 'manifest.mpd')], {
      stdio: 'inherit',
    })
    if (done.status !== 0) throw new Error('ffmpeg could not encode the 5.1 film')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('offers the 5.1 beside the stereo one, read from its stream, and plays it', async () => {
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    const manifest = readFileSync(path.join(dir, 'manifest.mpd'), 'utf8')
      .replace(/contentType="audio"/g, 'contentType="audio" lang="fr"')
      .replace(/\s*<AudioChannelConfiguration [^>]*\/>/g, '')
    await page.route(/\/demo-a\/[\w.-]+$/, (route) => {
      const file = path.basename(new URL(route.request().url()).pathname)
      if (file === 'manifest.mpd')
        return route.fulfill({ contentType: 'application/dash+xml', body: manifest })
      return route.fulfill({ path: path.join(dir, file) })
    })
    // Before, one "français" line: Shaka saw two AAC sets of one language as one track.
    await expectSurroundChosen(page, /\/chunk-stream2-\d+\.m4s$/)
    await page.close()
  })
})

describe('player: a DASH manifest that says a little more than its media has', () => {
  it('ends the title at the last segment there is, instead of "not found"', async () => {
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    // One video segment more (60-62 s) than the server has, as a packager writes the longest
    // track's duration.
    await rewriteBody(page, '**/demo-a/manifest.mpd', (text) => {
      const body = text
        .replace('mediaPresentationDuration="PT1M0.0S"', 'mediaPresentationDuration="PT62S"')
        .replace(/d="25600" r="29"/g, 'd="25600" r="30"')
      expect(body).toContain('r="30"')
      return body
    })
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing' && p.currentTime > 0.5")
    for (let i = 0; i < 5; i++) await press(page, 'ArrowRight')
    await waitRoute(page, 'details/rosetta', 30_000)
    await page.close()
  })
})

describe('player: a DASH manifest whose elements carry a namespace prefix (mpd:MPD)', () => {
  it('plays like the same manifest in the default namespace', async () => {
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    await rewriteBody(page, '**/demo-a/manifest.mpd', (text) => {
      const body = text
        .replace(/<(\/?)([A-Za-z])/g, '<$1mpd:$2')
        .replace(/\sxmlns="/, ' xmlns:mpd="')
      expect(body).toMatch(/^(<\?xml[^>]*>\s*)?<mpd:MPD /)
      return body
    })
    await press(page, 'Enter')
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
    expect(state.error).toBeUndefined()
    expect(state.tracks.text).toEqual(['off', 'fr', 'nl'])
    await page.close()
  })
})

describe('player: failures', () => {
  let page: Page
  const TITLES = '**/catalogue/titles.json'

  beforeAll(async () => {
    // The sample film with its DASH export only: with its HLS export beside it, a DASH that fails
    // before the first picture gives way to the HLS (player-mp4.e2e.ts), and no error would show.
    await (
      await browserContext()
    ).route(TITLES, async (route) => {
      const response = await fetchOnce(route)
      const catalogue = (await response.json()) as { titles: { id: string; stream?: object }[] }
      const rosetta = catalogue.titles.find((title) => title.id === 'rosetta')!
      rosetta.stream = { ...rosetta.stream, hls: undefined }
      await route.fulfill({ response, json: catalogue })
    })
    await withSettings((p) => {
      p.stallTimeoutSeconds = 4
      p.bufferingGoal = 6
      p.retryAttempts = 2
      p.requestTimeoutMs = 2000
    })
  })

  afterEach(async () => {
    await page?.unrouteAll({ behavior: 'ignoreErrors' })
  })

  afterAll(async () => {
    await (await browserContext()).unroute(TITLES)
    await unrouteAppSettings()
  })

  async function expectErrorThenNavigate(code: number): Promise<void> {
    const state = await waitPlayer(page, `p.errorCode === ${code}`, 30_000)
    expect(state.errorMessage).toMatch(/\S/)
    expect(state.errorMessage).not.toMatch(/^player\.error/)
    await screenshot(page, `player-error-${code}`)
    // Back is the last button (after Retry, and "go on further" for a part missing).
    await press(page, 'ArrowRight')
    await press(page, 'ArrowRight')
    await press(page, 'Enter')
    await waitRoute(page, 'details/rosetta')
    await press(page, 'Backspace')
    await waitRoute(page, 'home')
  }

  async function open(): Promise<void> {
    page = await openApp('#details/rosetta', { keepStorage: false })
    await waitForApp(page)
  }

  it('a 404 manifest says the video is not found, with Retry and Back', async () => {
    await open()
    await page.route('**/demo-a/manifest.mpd', (route) => route.fulfill({ status: 404 }))
    await press(page, 'Enter')
    await expectErrorThenNavigate(2007)
  })

  it('Retry after the failure plays once the server is back', async () => {
    await open()
    await page.route('**/demo-a/manifest.mpd', (route) => route.fulfill({ status: 404 }))
    await press(page, 'Enter')
    await waitPlayer(page, 'p.errorCode === 2007')
    await page.unrouteAll()
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing' && p.error === undefined")
  })

  it('a segment 404 mid-stream ends in a message, and keeps the saved position', async () => {
    await open()
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing'")
    await press(page, 'ArrowRight')
    await waitPlayer(page, 'p.currentTime > 12 && p.seekTarget === undefined')
    const furthest = await page.evaluateHandle(() => {
      const seen = { time: 0 }
      setInterval(() => {
        seen.time = Math.max(seen.time, document.querySelector('video')?.currentTime ?? 0)
      }, 100)
      return seen
    })
    // From 24 s on, every segment is missing.
    await page.route(/seg-\d+-000(1[3-9]|[2-9]\d)\.m4s/, (route) => route.fulfill({ status: 404 }))
    const state = await waitPlayer(page, 'p.errorCode !== undefined', 30_000)
    expect(state.errorCode).toBe(2007)
    // The 404 comes as Shaka fetches ahead (about 6 s ahead here): what was buffered played first.
    expect(await furthest.evaluate((seen) => seen.time)).toBeGreaterThan(22)
    // It played, so a part is missing, not the video: going on further is offered first.
    expect(state.errorMessage).toMatch(/^Une partie de cette vidéo manque/)
    await expectErrorThenNavigate(2007)
    await page.goto(page.url().replace(/#.*$/, '') + '#details/rosetta')
    await waitForApp(page)
    expect((await snapshot(page)).page).toMatchObject({ action: 'resume' })
  })

  it('a part missing mid-way: "Reprendre 10 s plus loin" goes on past it', async () => {
    await open()
    // One segment of each stream lost by the CDN, around 24 s.
    await page.route(/seg-\d+-00013\.m4s/, (route) => route.fulfill({ status: 404 }))
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing'")
    await press(page, 'ArrowRight')
    const failed = await waitPlayer(page, 'p.errorCode !== undefined', 40_000)
    expect(failed.errorCode).toBe(2007)
    expect(failed.errorMessage).toMatch(/^Une partie de cette vidéo manque/)
    await press(page, 'Enter')
    const after = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 30", 20_000)
    expect(after.errorCode).toBeUndefined()
    await stop(page)
  })

  it('a segment cut short mid-way is a damaged part: "Reprendre 10 s plus loin" goes on past it', async () => {
    await open()
    // Around 24 s, each stream's segment arrives whole-looking (200) but cut to its first 3000
    // bytes: the engine refuses it on arrival (Shaka 3016), seconds before the playhead gets there.
    await page.route(/seg-\d+-00013\.m4s/, async (route) => {
      const whole = await fetchOnce(route)
      await route.fulfill({ response: whole, body: (await whole.body()).subarray(0, 3000) })
    })
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing'")
    await press(page, 'ArrowRight')
    const failed = await waitPlayer(page, 'p.errorCode !== undefined', 40_000)
    expect(failed.errorCode).toBe(2004)
    expect(failed.errorMessage).toMatch(/^Une partie de cette vidéo est endommagée/)
    // Where the good data ended is known when the engine still reports its buffer at the error;
    // when it has dropped it, the skip goes from the playhead and may land in the damaged segment
    // again, which offers the skip once more: a household presses it again, and so does this.
    await press(page, 'Enter')
    await waitPlayer(page, 'p.errorCode === undefined', 10_000)
    const next = await waitPlayer(
      page,
      "(p.state === 'playing' && p.currentTime > 30) || p.errorCode !== undefined",
      30_000,
    )
    if (next.errorCode !== undefined) {
      expect(next.errorMessage).toMatch(/^Une partie de cette vidéo est endommagée/)
      await press(page, 'Enter')
      await waitPlayer(page, 'p.errorCode === undefined', 10_000)
    }
    const after = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 30", 30_000)
    expect(after.errorCode).toBeUndefined()
    await stop(page)
  })

  it('"Reprendre 10 s plus loin" into the last seconds of a manifest longer than its media ends the title', async () => {
    await open()
    // The manifest says 46 s; the server has the first 30 s (a packager's export cut short).
    await rewriteBody(page, '**/demo-a/manifest.mpd', (text) => {
      const body = text
        .replace('mediaPresentationDuration="PT1M0.0S"', 'mediaPresentationDuration="PT46S"')
        .replace(/d="25600" r="29"/g, 'd="25600" r="22"')
      expect(body).toContain('r="22"')
      return body
    })
    await page.route(/seg-\d+-000(1[6-9]|[2-9]\d)\.m4s/, (route) => route.fulfill({ status: 404 }))
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing'")
    await press(page, 'ArrowRight', 2)
    const failed = await waitPlayer(page, 'p.errorCode !== undefined', 40_000)
    expect(failed.errorCode).toBe(2007)
    // 16 s before the stated end: a part missing, and the household may go on past it.
    await press(page, 'Enter')
    await waitRoute(page, 'details/rosetta', 15_000)
  })

  it('a server that stops answering ends in "stuck" after the stall timeout', async () => {
    await open()
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing'")
    await page.route(/\.m4s$/, () => undefined)
    const state = await waitPlayer(page, 'p.errorCode !== undefined', 30_000)
    // Requests time out (2002, "not answering") or nothing moves any more (2008, "stuck").
    expect([2002, 2008]).toContain(state.errorCode)
    await expectErrorThenNavigate(state.errorCode!)
  })

  it('a manifest that never arrives shows loading, never "playing", until the stall timeout', async () => {
    await open()
    await page.route('**/demo-a/manifest.mpd', () => undefined)
    const states = await recordPlayerStates(page)
    await press(page, 'Enter')
    // Before the error, the line under the title says the server is slow, not only "loading".
    const slow = await waitPlayer(page, "p.stateLine.startsWith('Le serveur tarde')", 30_000)
    expect(slow).toMatchObject({ state: 'loading', overlayVisible: true })
    const state = await waitPlayer(page, 'p.errorCode !== undefined', 30_000)
    expect([2002, 2008]).toContain(state.errorCode)
    const seen = new Set((await states.samples()).map((s) => s.state))
    expect([...seen].sort()).toEqual(['error', 'loading'])
    await expectErrorThenNavigate(state.errorCode!)
  })

  it('a manifest cut off mid-way says the video is badly described, not "unexpected error"', async () => {
    await open()
    await page.route('**/demo-a/manifest.mpd', async (route) => {
      const response = await fetchOnce(route)
      const full = await response.text()
      await route.fulfill({ response, body: full.slice(0, full.indexOf('<Period') + 20) })
    })
    await press(page, 'Enter')
    await expectErrorThenNavigate(2003)
  })

  it('a web page where the manifest should be (a CDN error page sent with 200) is named as such', async () => {
    await open()
    await page.route('**/demo-a/manifest.mpd', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Portail</title><link rel="stylesheet" href="s.css"></head><body><p>Connectez-vous<br>pour continuer</p></body></html>',
      }),
    )
    await press(page, 'Enter')
    const state = await waitPlayer(page, 'p.errorCode === 2003', 30_000)
    expect(state.error?.detail).toContain('web page (HTML)')
    expect(state.error?.detail).toContain('demo-a/manifest.mpd')
    await expectErrorThenNavigate(2003)
  })

  it('an unsupported codec says so', async () => {
    await open()
    await rewriteBody(page, '**/demo-a/manifest.mpd', (body) =>
      body.replace(/codecs="avc1[^"]*"/g, 'codecs="hvc1.2.4.L153"'),
    )
    await press(page, 'Enter')
    await expectErrorThenNavigate(2009)
  })
})

describe('player: a stream with no picture', () => {
  it('keeps the title and progress on screen instead of a black screen; Back stops at once', async () => {
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    // The sample film without its video AdaptationSet: sound only, as a radio-like export.
    await rewriteBody(page, '**/demo-a/manifest.mpd', (body) =>
      body.replace(/<AdaptationSet[^>]*contentType="video"[\s\S]*?<\/AdaptationSet>/, ''),
    )
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing'")
    expect(await page.evaluate(() => document.querySelector('video')?.videoWidth)).toBe(0)
    // Longer than the overlay's hide delay (4 s) over a picture.
    await page.waitForTimeout(5500)
    const state = await player(page)
    expect(state).toMatchObject({ state: 'playing', overlayVisible: true })
    await screenshot(page, 'player-no-picture')
    await press(page, 'Backspace')
    await waitRoute(page, 'details/rosetta')
  })
})

describe('player: Back while the start is still loading', () => {
  /** What the <video> does a while after Back: nothing may play once the player is left. */
  const videoAfterBack = async (page: Page) => {
    await waitRoute(page, 'details/rosetta')
    await page.waitForTimeout(2500)
    return page.evaluate(() => {
      const video = document.querySelector('video')
      return { paused: video?.paused ?? true, time: video?.currentTime ?? 0 }
    })
  }

  it.each([
    ['the player library', '**/lib/shaka-player*.js'],
    ['the manifest', '**/demo-a/manifest.mpd'],
  ])('Back while %s loads: nothing plays behind the details screen', async (_, slow) => {
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    await page.route(slow, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500))
      await route.continue().catch(() => undefined)
    })
    await press(page, 'Enter')
    await page.waitForFunction(() => window.__belgica?.snapshot().route.startsWith('play/'))
    await press(page, 'Backspace')
    expect(await videoAfterBack(page)).toEqual({ paused: true, time: 0 })
    // The next start is not held back by the one left behind.
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing' && p.currentTime > 0.3", 30_000)
    await page.close()
  })
})

describe('player: a network cut', () => {
  let page: Page

  beforeAll(async () => {
    // A small buffer, so the cut outlasts it; a watchdog longer than the cut, so it is ridden out.
    await withSettings((p) => {
      p.stallTimeoutSeconds = 30
      p.bufferingGoal = 4
      p.rebufferingGoal = 1
      p.retryAttempts = 2
      p.requestTimeoutMs = 2000
    })
  })

  afterAll(async () => {
    await page?.unrouteAll({ behavior: 'ignoreErrors' })
    await unrouteAppSettings()
  })

  it('stalls when the buffer runs dry, rides out Shaka giving up on its retries, and plays on when the network is back', async () => {
    page = await openApp('#details/rosetta', { keepStorage: false })
    await waitForApp(page)
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
    await page.route(/\.m4s$/, (route) => route.abort('internetdisconnected'))
    // The buffer plays out: the player says it is waiting, not that it failed.
    const stalled = await waitPlayer(page, "p.state === 'buffering'", 30_000)
    expect(stalled.error).toBeUndefined()
    // Longer than Shaka's two retries with their back-off: its failure callback keeps it trying.
    await page.waitForTimeout(6000)
    const still = await player(page)
    expect(still.state).toBe('buffering')
    expect(still.error).toBeUndefined()
    expect(still.currentTime).toBeLessThan(stalled.currentTime + 1)
    await screenshot(page, 'player-network-cut')
    await page.unrouteAll()
    const after = await waitPlayer(
      page,
      `p.state === 'playing' && p.currentTime > ${still.currentTime + 3}`,
      30_000,
    )
    expect(after.error).toBeUndefined()
  })
})
