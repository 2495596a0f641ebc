import type { Page } from 'playwright-core'
import { LIFTED_CUE_LINE } from '../../src/player/subtitlePlacement'
import {
  fetchOnce,
  openApp,
  press,
  screenshot,
  snapshot,
  waitForApp,
  rewriteBody,
} from './support/browser'
import { player, playFromDetails, stopPlayback, waitPlayer } from './support/player'

// "Panique au village" plays demo-c: French, Dutch and French audio description; TTML subtitles
// in DASH (scripts/lib/streams.mjs). Its audio description is DASH representation 4.
const TITLE = 'panique-au-village'
const DESCRIPTION_SEGMENT = /\/demo-c\/seg-4-\d+\.m4s$/

/** The <video>'s showing text tracks: words of the cues on screen now, and every cue's line. */
const subtitles = (page: Page) =>
  page.evaluate(() => {
    const showing = [...(document.querySelector('video')?.textTracks ?? [])].filter(
      (track) => track.mode === 'showing',
    )
    const cues = (list: TextTrackCueList | null) => [...(list ?? [])] as VTTCue[]
    return {
      // Shaka renders TTML styling as WebVTT class spans: keep the words.
      onScreen: showing.flatMap((t) =>
        cues(t.activeCues).map((c) => c.text.replace(/<[^>]*>/g, '')),
      ),
      lines: showing.flatMap((t) => cues(t.cues).map((c) => c.line)),
    }
  })

/** Top of the overlay's lowest text (time and hint row, then the progress bar), in page pixels. */
const OVERLAY_TOP = 870

interface DomNode {
  nodeId: number
  attributes?: string[]
  children?: DomNode[]
  shadowRoots?: DomNode[]
}

/**
 * Where Chromium draws the cues now: the lowest edge of the <video>'s cue boxes, in page pixels.
 * They live in the video's user-agent shadow tree, out of the page's reach: read through the
 * DevTools protocol, which pierces it.
 */
async function cueBottom(page: Page): Promise<number> {
  return (await cueEdges(page)).bottom
}

/**
 * The highest and lowest edges of the cue boxes on screen, in page pixels. Chromium rebuilds the
 * cue boxes when a cue's line changes, so a box found in the tree can be gone when its edges are
 * asked for: the tree is read again then.
 */
async function cueEdges(page: Page, attempts = 5): Promise<{ top: number; bottom: number }> {
  try {
    return await cueEdgesOnce(page)
  } catch (error) {
    if (attempts <= 1 || !/Could not find node/.test(String(error))) throw error
    await page.waitForTimeout(50)
    return cueEdges(page, attempts - 1)
  }
}

async function cueEdgesOnce(page: Page): Promise<{ top: number; bottom: number }> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode
    }
    const displays: number[] = []
    const walk = (node: DomNode) => {
      const pseudo = node.attributes?.indexOf('pseudo') ?? -1
      if (pseudo >= 0 && node.attributes?.[pseudo + 1] === '-webkit-media-text-track-display')
        displays.push(node.nodeId)
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child)
    }
    walk(root)
    if (!displays.length) throw new Error('no cue on screen')
    const edges = await Promise.all(
      displays.map(async (nodeId) => {
        const { model } = await cdp.send('DOM.getBoxModel', { nodeId })
        return model.border.filter((_, i) => i % 2 === 1)
      }),
    )
    return { top: Math.min(...edges.flat()), bottom: Math.max(...edges.flat()) }
  } finally {
    await cdp.detach()
  }
}

/** Waits for a cue that came up less than a second ago, so it stays on screen for two more. */
async function waitFreshSubtitle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const video = document.querySelector('video')
      const sinceCue = (video?.currentTime ?? 0) % 4
      const shown = [...(video?.textTracks ?? [])].some(
        (t) => t.mode === 'showing' && (t.activeCues?.length ?? 0) > 0,
      )
      return shown && sinceCue > 0.2 && sinceCue < 1
    },
    null,
    { timeout: 10_000, polling: 50 },
  )
}

async function waitSubtitle(page: Page, words: string): Promise<void> {
  await page.waitForFunction(
    (text) =>
      [...(document.querySelector('video')?.textTracks ?? [])].some(
        (t) =>
          t.mode === 'showing' &&
          [...(t.activeCues ?? [])].some((c) => (c as VTTCue).text.includes(text)),
      ),
    words,
    { timeout: 10_000, polling: 100 },
  )
}

describe('player: audio description and TTML subtitles', () => {
  let page: Page
  const descriptionRequests: string[] = []

  beforeAll(async () => {
    page = await openApp()
    await waitForApp(page)
    page.on('request', (request) => {
      if (DESCRIPTION_SEGMENT.test(request.url())) descriptionRequests.push(request.url())
    })
  })

  it('lists audio description in the menu and switches to it while playing', async () => {
    await playFromDetails(page, TITLE)
    let state = await waitPlayer(page, "p.state === 'playing'")
    expect(state.tracks.audio).toEqual(['fr', 'nl', 'fr:ad'])
    expect(state.activeAudio).toMatchObject({ language: 'fr', audioDescription: false })
    expect(descriptionRequests).toEqual([])

    await press(page, 'ArrowDown')
    await press(page, 'ArrowDown', 2)
    state = await player(page)
    expect(state.menuFocus).toBe('audio:fr:ad')
    // The French UI writes language names in lower case: "français · audiodescription".
    expect(state.menuItems.find((item) => item.key === 'audio:fr:ad')?.label).toMatch(
      /^français · audiodescription$/i,
    )
    await press(page, 'Enter')
    // Shaka's own account of the variant now playing: the DASH role and the DVB purpose.
    state = await waitPlayer(page, 'p.activeAudio?.audioDescription === true')
    expect(state.activeAudio?.roles).toContain('description')
    expect(state.activeAudio?.accessibilityPurpose).toBe('visually impaired')
    await waitPlayer(page, `p.currentTime > ${state.currentTime + 1}`)
    expect(descriptionRequests.length).toBeGreaterThan(0)
    expect((await player(page)).state).toBe('playing')
  })

  it('shows TTML subtitles chosen from the menu', async () => {
    await press(page, 'ArrowRight')
    await press(page, 'ArrowDown')
    expect((await player(page)).menuFocus).toBe('text:fr')
    await press(page, 'Enter')
    const state = await waitPlayer(page, "p.activeText?.language === 'fr'")
    expect(state.activeText?.mimeType).toBe('application/ttml+xml')
    // The menu stays open to show the choice: the subtitle must show below it, not under it.
    await waitSubtitle(page, 'Sous-titre FR TTML')
    const { menuBottom } = await player(page)
    expect(menuBottom).not.toBeNull()
    expect((await cueEdges(page)).top).toBeGreaterThan(menuBottom!)
    await screenshot(page, 'subtitles-menu')
    await press(page, 'Backspace')
    expect((await player(page)).menuOpen).toBe(false)
    // The cues on the <video> come from the TTML document: they say so.
    await waitSubtitle(page, 'Sous-titre FR TTML')
    await waitPlayer(page, 'p.overlayVisible === false', 8000)
    await waitFreshSubtitle(page)
    await screenshot(page, 'subtitles-ttml')
  })

  it('moves subtitles above the overlay while it shows, and back down when it hides', async () => {
    // The clip is 40 s: come back a little if the earlier steps took long.
    if ((await player(page)).currentTime > 26) {
      await press(page, 'ArrowLeft', 2)
      await waitPlayer(page, 'p.seekTarget === undefined && p.currentTime < 20')
      await waitPlayer(page, 'p.overlayVisible === false', 8000)
    }
    // One cue stays on screen throughout: it must move while shown, not only the next ones.
    await waitFreshSubtitle(page)
    expect(await cueBottom(page)).toBeGreaterThan(1000)
    let shown = await subtitles(page)
    expect(new Set(shown.lines)).toEqual(new Set(['auto']))

    await press(page, 'Enter')
    expect((await player(page)).overlayVisible).toBe(true)
    expect(await cueBottom(page)).toBeLessThan(OVERLAY_TOP)
    shown = await subtitles(page)
    expect(new Set(shown.lines)).toEqual(new Set([LIFTED_CUE_LINE]))
    await screenshot(page, 'subtitles-overlay')

    await press(page, 'Backspace')
    expect((await player(page)).overlayVisible).toBe(false)
    expect(await cueBottom(page)).toBeGreaterThan(1000)
    shown = await subtitles(page)
    expect(new Set(shown.lines)).toEqual(new Set(['auto']))
  })

  it('"off" hides the subtitles', async () => {
    await press(page, 'ArrowDown')
    await press(page, 'ArrowUp')
    expect((await player(page)).menuFocus).toBe('text:off')
    await press(page, 'Enter')
    const state = await waitPlayer(page, 'p.textLanguage === null')
    expect(state.activeText).toBeNull()
    await page.waitForTimeout(4000)
    expect((await subtitles(page)).onScreen).toEqual([])
    await press(page, 'Backspace')
  })

  it('remembers audio description for the next start, and plain French where there is none', async () => {
    await stopPlayback(page)
    expect((await snapshot(page)).route).toBe(`details/${TITLE}`)
    await press(page, 'Enter')
    const again = await waitPlayer(page, "p.state === 'playing'")
    expect(again.activeAudio).toMatchObject({ language: 'fr', audioDescription: true })
    expect(again.textLanguage).toBeNull()
    await stopPlayback(page)

    await page.goto(page.url().replace(/#.*$/, '') + '#play/rosetta')
    await waitForApp(page)
    const other = await waitPlayer(page, "p.state === 'playing'")
    expect(other.tracks.audio).not.toContain('fr:ad')
    expect(other.activeAudio).toMatchObject({ language: 'fr', audioDescription: false })
  })
})

describe('player: subtitles for the deaf and hard of hearing', () => {
  // demo-a's manifest gains a Dutch subtitle set marked as captions (DASH Role "caption"), as
  // broadcasters export their "doven en slechthorenden" subtitles beside the plain ones.
  const withCaptions = async (page: Page) =>
    page.route('**/demo-a/manifest.mpd', async (route) => {
      const response = await fetchOnce(route)
      const captions = `<AdaptationSet id="9" contentType="text" mimeType="text/vtt" lang="nl">
        <Role schemeIdUri="urn:mpeg:dash:role:2011" value="caption" />
        <Representation id="subs-nl-sdh" bandwidth="256"><BaseURL>subs-nl.vtt</BaseURL></Representation>
      </AdaptationSet>`
      const body = (await response.text()).replace('</Period>', `${captions}</Period>`)
      await route.fulfill({ response, body })
    })

  it('are a choice of their own in the menu, and the choice holds for the next title', async () => {
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    await withCaptions(page)
    await press(page, 'Enter')
    let state = await waitPlayer(page, "p.state === 'playing'")
    expect(state.tracks.text).toEqual(['off', 'fr', 'nl', 'nl:sdh'])
    await press(page, 'ArrowDown')
    await press(page, 'ArrowRight')
    for (let i = 0; i < 5 && (await player(page)).menuFocus !== 'text:nl:sdh'; i++) {
      await press(page, 'ArrowDown')
    }
    state = await player(page)
    expect(state.menuItems.find((item) => item.key === 'text:nl:sdh')?.label).toMatch(
      /^néerlandais · sourds et malentendants$/i,
    )
    await press(page, 'Enter')
    state = await waitPlayer(page, 'p.activeText?.hardOfHearing === true')
    expect(state.activeText?.language).toBe('nl')
    await stopPlayback(page)
    await press(page, 'Enter')
    state = await waitPlayer(page, "p.state === 'playing' && p.activeText !== null")
    expect(state.activeText).toMatchObject({ language: 'nl', hardOfHearing: true })
    await page.close()
  })
})

describe('player: a subtitle file whose host hangs', () => {
  it('does not hold the film up: subtitles off never wait on it', async () => {
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    // demo-a's manifest gains a TTML subtitle set (no codecs, as the attribute is optional) on a
    // host that never answers.
    await rewriteBody(page, '**/demo-a/manifest.mpd', (body) => {
      const ttml = `<AdaptationSet id="9" contentType="text" mimeType="application/ttml+xml" lang="de">
        <Role schemeIdUri="urn:mpeg:dash:role:2011" value="subtitle" />
        <Representation id="subs-de" bandwidth="256"><BaseURL>hangs/subs-de.ttml</BaseURL></Representation>
      </AdaptationSet>`
      return body.replace('</Period>', `${ttml}</Period>`)
    })
    await page.route('**/hangs/**', () => undefined)
    await press(page, 'Enter')
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 0.5", 10_000)
    expect(state.errorCode).toBeUndefined()
    await page.close()
  })
})

describe('player: a subtitle file that is missing from the server', () => {
  it('turns the subtitles off, says so, stops asking for the file, and the film plays on', async () => {
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    // demo-a's manifest gains a German WebVTT set whose file the server does not have.
    await rewriteBody(page, '**/demo-a/manifest.mpd', (body) => {
      const vtt = `<AdaptationSet id="9" contentType="text" mimeType="text/vtt" lang="de">
        <Representation id="subs-de" bandwidth="256"><BaseURL>missing/subs-de.vtt</BaseURL></Representation>
      </AdaptationSet>`
      return body.replace('</Period>', `${vtt}</Period>`)
    })
    let asked = 0
    await page.route('**/missing/**', async (route) => {
      asked++
      await route.fulfill({ status: 404, body: 'not found' })
    })
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing' && p.currentTime > 0.5", 10_000)
    await press(page, 'ArrowDown')
    await press(page, 'ArrowRight')
    for (let i = 0; i < 5 && (await player(page)).menuFocus !== 'text:de'; i++) {
      await press(page, 'ArrowDown')
    }
    await press(page, 'Enter')
    await page.waitForFunction(
      () => window.__belgica?.snapshot().toast.includes('sous-titres'),
      null,
      { timeout: 15_000, polling: 100 },
    )
    expect((await snapshot(page)).toast).toMatch(/^Ces sous-titres n'ont pas pu être chargés/)
    const state = await waitPlayer(page, 'p.activeText === null')
    expect(state.errorCode).toBeUndefined()
    expect(asked).toBeGreaterThan(0)
    const askedThen = asked
    const timeThen = state.currentTime
    await page.waitForTimeout(6000)
    expect(asked).toBe(askedThen)
    const later = await player(page)
    expect(later.errorCode).toBeUndefined()
    expect(later.currentTime).toBeGreaterThan(timeThen + 3)
    await page.close()
  })
})
