import type { CDPSession, Page } from 'playwright-core'
import type { AccessibilitySnapshot } from '../../src/screens/Accessibility'
import type { HomeSnapshot } from '../../src/screens/Home/Home'
import { openApp, press, screenshot, snapshot, waitForApp, waitRoute } from './support/browser'
import { player, playFromDetails, waitPlayer } from './support/player'
import { grabFrame, regionStats } from './support/visual'

interface Spoken {
  text: string
  lang: string
}

declare global {
  interface Window {
    __spoken?: Spoken[]
  }
}

/**
 * Before the app's scripts: window.speechSynthesis becomes a recorder of what the app asks to be
 * said (text and the utterance's language), and the box's stored choices are seeded where none
 * are stored yet (so a choice made in the test survives a reload).
 */
async function recordSpeech(page: Page, seed: Record<string, unknown>): Promise<void> {
  await page.addInitScript((stored) => {
    const spoken: { text: string; lang: string }[] = []
    window.__spoken = spoken
    const recorder = {
      speak: (utterance: SpeechSynthesisUtterance) =>
        void spoken.push({ text: utterance.text, lang: utterance.lang }),
      cancel: () => undefined,
      pause: () => undefined,
      resume: () => undefined,
      getVoices: () => [],
    }
    Object.defineProperty(window, 'speechSynthesis', { value: recorder, configurable: true })
    for (const [key, value] of Object.entries(stored)) {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify(value))
    }
  }, seed)
  // The init script runs on the next load: load again so this page has it.
  await page.reload()
  await waitForApp(page)
}

const SPEECH_ON = { accessibility: { speech: true } }

const spoken = (page: Page) => page.evaluate(() => window.__spoken ?? [])

/** Waits until nothing new has been said for 800 ms (what home says on arriving, on a slow run). */
async function speechQuiet(page: Page): Promise<void> {
  let count = (await spoken(page)).length
  for (
    let quietSince = Date.now(), tries = 0;
    Date.now() - quietSince < 800 && tries < 50;
    tries++
  ) {
    await page.waitForTimeout(100)
    const now = (await spoken(page)).length
    if (now !== count) {
      count = now
      quietSince = Date.now()
    }
  }
}

/** Presses a key and returns what was said once focus settled (the announcer waits 250 ms). */
async function pressAndHear(page: Page, key: string): Promise<Spoken[]> {
  await speechQuiet(page)
  const before = (await spoken(page)).length
  await press(page, key)
  await page.waitForTimeout(700)
  return (await spoken(page)).slice(before)
}

const home = async (page: Page) => (await snapshot(page)).page as HomeSnapshot
const settingsPage = async (page: Page) => (await snapshot(page)).page as AccessibilitySnapshot

/** A tile as said in French: title, kind, offer, then the age rating in words. */
const FRENCH_TILE =
  /^[^.]+, (Film|Série), [^,]+(, [^,]+)*, (déconseillé aux moins de \d+ ans|Tous publics|Non classé)$/

/** From home, the remote's way to Settings › Accessibilité: top bar, Settings, profiles row. */
async function openAccessibilitySettings(page: Page): Promise<void> {
  for (let i = 0; i < 6 && (await home(page)).area !== 'topbar'; i++) await press(page, 'ArrowUp')
  for (let i = 0; i < 6 && (await home(page)).topBar !== 'settings'; i++)
    await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await waitRoute(page, 'settings')
  await press(page, 'ArrowUp')
  // The profiles row ends with Accessibilité; extra presses stop at its end.
  await press(page, 'ArrowRight', 5)
  await screenshot(page, 'settings-accessibility-button')
  await press(page, 'Enter')
  await waitRoute(page, 'settings/accessibility')
}

/** On the accessibility screen: moves to `row`, then to `option`, and presses OK. */
async function chooseOption(page: Page, row: string, option: string): Promise<void> {
  const rows = ['speech', 'contrast', 'size', 'background', 'colour']
  const target = rows.indexOf(row)
  for (let i = 0; i < 5 && (await settingsPage(page)).row !== row; i++) {
    const current = rows.indexOf((await settingsPage(page)).row ?? 'speech')
    await press(page, current < target ? 'ArrowDown' : 'ArrowUp')
  }
  for (let i = 0; i < 2 && (await settingsPage(page)).focusedOption !== option; i++)
    await press(page, 'ArrowLeft')
  for (let i = 0; i < 3 && (await settingsPage(page)).focusedOption !== option; i++)
    await press(page, 'ArrowRight')
  expect((await settingsPage(page)).focusedOption).toBe(option)
  await press(page, 'Enter')
}

describe('accessibility: text-to-speech', () => {
  it('says the rail then the tile on entering a rail, and the tile with its offer and rating along it', async () => {
    const page = await openApp()
    await recordSpeech(page, SPEECH_ON)
    await waitRoute(page, 'home')

    const down = await pressAndHear(page, 'ArrowDown')
    const rail = await home(page)
    const label = rail.rails[rail.railIndex]!.label
    expect(down).toHaveLength(1)
    expect(down[0]!.lang).toBe('fr-BE')
    expect(down[0]!.text.startsWith(`${label}. `)).toBe(true)
    expect(down[0]!.text.slice(label.length + 2)).toMatch(FRENCH_TILE)

    const right = await pressAndHear(page, 'ArrowRight')
    expect((await home(page)).index).toBe(1)
    expect(right).toHaveLength(1)
    expect(right[0]!.text).toMatch(FRENCH_TILE)
    expect(right[0]!.text.startsWith(label)).toBe(false)
    expect(right[0]!.text).not.toBe(down[0]!.text.slice(label.length + 2))
  })

  it('switched off in Settings, nothing is said', async () => {
    const page = await openApp()
    await recordSpeech(page, SPEECH_ON)
    await waitRoute(page, 'home')
    await openAccessibilitySettings(page)
    // Entering the screen says its first row and the focused choice.
    await page.waitForTimeout(500)
    expect((await spoken(page)).at(-1)?.text).toBe('Lecture vocale. Activé, bouton, sélectionné')
    expect((await settingsPage(page)).rows[0]).toEqual({ id: 'speech', chosen: 'on' })

    await chooseOption(page, 'speech', 'off')
    expect((await settingsPage(page)).rows[0]).toEqual({ id: 'speech', chosen: 'off' })
    const before = (await spoken(page)).length
    await press(page, 'Backspace')
    await press(page, 'Backspace')
    await waitRoute(page, 'home')
    await press(page, 'ArrowDown')
    await press(page, 'ArrowRight')
    await page.waitForTimeout(700)
    expect((await spoken(page)).slice(before)).toEqual([])
  })

  it('in Dutch, asks for a Belgian Dutch voice and says the words in Dutch', async () => {
    const page = await openApp()
    await recordSpeech(page, { ...SPEECH_ON, 'ui-language': 'nl' })
    await waitRoute(page, 'home')
    expect((await snapshot(page)).language).toBe('nl')
    const heard = await pressAndHear(page, 'ArrowDown')
    expect(heard.map((s) => s.lang)).toEqual(['nl-BE'])
    expect(heard[0]!.text).toMatch(
      /, (Film|Serie), .*(niet geschikt onder \d+ jaar|Alle leeftijden|Niet gekeurd)$/,
    )
  })
})

describe('accessibility: high contrast and subtitle style', () => {
  /** A strip of the screen background under the title, right of any text. */
  const BACKGROUND = { x: 1700, y: 20, w: 200, h: 40 }

  it('high contrast restarts the app and draws it in black', async () => {
    const page = await openApp('#settings/accessibility')
    await waitForApp(page)
    await waitRoute(page, 'settings/accessibility')
    const before = regionStats(await grabFrame(page), BACKGROUND).mean
    // The default background is 0xff0b0f14.
    expect(before.map(Math.round)).toEqual([11, 15, 20])

    await chooseOption(page, 'contrast', 'on')
    expect((await settingsPage(page)).restarting).toBe(true)
    await page.waitForFunction(() => window.__belgica?.ready !== true, null, { timeout: 10_000 })
    await waitForApp(page)
    // Back on the screen, on the row that asked for the restart.
    await waitRoute(page, 'settings/accessibility/contrast')
    expect(await settingsPage(page)).toMatchObject({ row: 'contrast', restarting: false })
    expect((await settingsPage(page)).rows[1]).toEqual({ id: 'contrast', chosen: 'on' })
    await page.waitForTimeout(300)
    const after = regionStats(await grabFrame(page), BACKGROUND).mean
    expect(after.map(Math.round)).toEqual([0, 0, 0])
    await screenshot(page, 'accessibility-high-contrast')
    // The restart left no history: Back still goes to Settings, where the screen is opened from.
    await press(page, 'Backspace')
    await waitRoute(page, 'settings')
  })

  it('large yellow subtitles on an opaque background reach the cues the <video> draws', async () => {
    const page = await openApp('#settings/accessibility')
    await waitForApp(page)
    await waitRoute(page, 'settings/accessibility')
    await chooseOption(page, 'size', 'large')
    await chooseOption(page, 'background', 'opaque')
    await chooseOption(page, 'colour', 'yellow')
    await screenshot(page, 'accessibility-settings')

    await playFromDetails(page, 'panique-au-village')
    await waitPlayer(page, "p.state === 'playing'")
    await press(page, 'ArrowDown')
    await press(page, 'ArrowRight')
    for (let i = 0; i < 4 && (await player(page)).menuFocus !== 'text:fr'; i++)
      await press(page, 'ArrowDown')
    await press(page, 'Enter')
    await waitPlayer(page, "p.activeText?.language === 'fr'")
    await press(page, 'Backspace')
    await page.waitForFunction(
      () =>
        [...(document.querySelector('video')?.textTracks ?? [])].some(
          (t) => t.mode === 'showing' && (t.activeCues?.length ?? 0) > 0,
        ),
      null,
      { timeout: 15_000, polling: 100 },
    )
    const style = await cueStyle(page)
    expect(style.color).toBe('rgb(255, 230, 0)')
    expect(style['background-color']).toBe('rgb(0, 0, 0)')
    // 140 % of the engine's cue size, which is 5 % of the video's height (1080 px): 75.6 px.
    expect(parseFloat(style['font-size'] ?? '0')).toBeCloseTo(75.6, 0)
    await screenshot(page, 'accessibility-subtitles')
  })
})

interface DomNode {
  nodeId: number
  attributes?: string[]
  children?: DomNode[]
  shadowRoots?: DomNode[]
}

/**
 * The computed style of the cue Chromium draws now. Cues live in the <video>'s user-agent shadow
 * tree, out of the page's reach: read through the DevTools protocol, which pierces it.
 */
async function cueStyle(page: Page): Promise<Record<string, string>> {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  try {
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode
    }
    const cues: number[] = []
    const walk = (node: DomNode) => {
      const pseudo = node.attributes?.indexOf('pseudo') ?? -1
      if (pseudo >= 0 && node.attributes?.[pseudo + 1] === 'cue') cues.push(node.nodeId)
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child)
    }
    walk(root)
    if (!cues.length) throw new Error('no cue element on screen')
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', {
      nodeId: cues[0]!,
    })) as { computedStyle: { name: string; value: string }[] }
    return Object.fromEntries(computedStyle.map((p) => [p.name, p.value]))
  } finally {
    await cdp.detach()
  }
}
