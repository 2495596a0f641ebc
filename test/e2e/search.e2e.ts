/**
 * Search in Chromium with real keys: opened from the home top bar, a title with accents found by
 * typing without them on the on-screen keyboard, opened, and found again among recent searches;
 * the remote's Search key; a #search/<query> deep link.
 */
import type { Page } from 'playwright-core'
import type { SearchSnapshot } from '../../src/screens/Search'
import titles from '../../static/catalogue/titles.json'
import { consoleErrors, openApp, press, screenshot, snapshot, waitForApp } from './support/browser'

/** A title of the embedded catalogue whose name has accents: "Les Géants". */
const TARGET = titles.titles.find((t) => t.id === 'les-geants')!

const searchState = async (page: Page) => (await snapshot(page)).page as SearchSnapshot

/** Waits until `test` holds of the app's snapshot `s` (page-side source). */
const until = (page: Page, test: string, timeout = 20_000) =>
  page.waitForFunction(
    `(() => { const s = window.__belgica?.snapshot(); return Boolean(s && (${test})) })()`,
    null,
    { timeout, polling: 50 },
  )

/** Moves to a key of the on-screen keyboard with the arrows, as a household does. */
async function goToKey(page: Page, id: string): Promise<void> {
  let keyboard = (await searchState(page)).keyboard
  const row = keyboard.rows.findIndex((keys) => keys.includes(id))
  expect(row).toBeGreaterThanOrEqual(0)
  while (keyboard.position.row !== row) {
    await press(page, keyboard.position.row < row ? 'ArrowDown' : 'ArrowUp')
    keyboard = (await searchState(page)).keyboard
  }
  for (let i = 0; i < 14 && keyboard.focused !== id; i++) {
    await press(page, 'ArrowRight')
    keyboard = (await searchState(page)).keyboard
  }
  expect(keyboard.focused).toBe(id)
}

async function typeOnScreen(page: Page, text: string): Promise<void> {
  for (const char of text) {
    await goToKey(page, char)
    await press(page, 'Enter')
  }
}

describe('search', () => {
  it('opens from the top bar, finds an accented title typed without accents, and remembers it', async () => {
    expect(TARGET.title.fr).toBe('Les Géants')
    const page = await openApp()
    await waitForApp(page)
    await until(page, "s.route === 'home' && s.page?.screen === 'home'")

    // The top bar: Right until its Search button has focus.
    await press(page, 'ArrowUp')
    for (let i = 0; i < 6; i++) {
      const home = (await snapshot(page)).page as { topBar?: string }
      if (home.topBar === 'search') break
      await press(page, 'ArrowRight')
    }
    await press(page, 'Enter')
    await until(page, "s.route === 'search' && s.page?.screen === 'search'")
    expect((await searchState(page)).keyboard.layout).toBe('azerty')

    await typeOnScreen(page, 'geants')
    // The answer to the whole word, not to a prefix still on screen while the last key debounces.
    await until(page, "s.page.status === 'results' && s.page.timing?.query === 'geants'")
    const found = await searchState(page)
    expect(found.ids[0]).toBe(TARGET.id)
    expect(found.showing).toBe('results')
    await screenshot(page, 'search-results')

    // Down leaves the keyboard for the results; OK opens the first one.
    for (let i = 0; i < 6 && (await searchState(page)).area !== 'results'; i++)
      await press(page, 'ArrowDown')
    expect((await searchState(page)).itemId).toBe(TARGET.id)
    await press(page, 'Enter')
    await until(page, `s.route === 'details/${TARGET.id}' && s.page?.screen === 'details'`)

    // Back: the search as it was; clearing the text shows the search among recent ones.
    await press(page, 'Backspace')
    await until(page, "s.route === 'search' && s.page.query === 'geants'")
    // Back again, from the results: the keyboard, to refine the search, not home.
    expect((await searchState(page)).area).toBe('results')
    await press(page, 'Backspace')
    await until(page, "s.page?.area === 'keyboard'")
    expect((await snapshot(page)).route).toBe('search')
    await goToKey(page, 'clear')
    await press(page, 'Enter')
    await until(page, "s.page.query === '' && s.page.recent.length > 0")
    expect((await searchState(page)).recent).toEqual(['geants'])
    await screenshot(page, 'search-recent')
    expect(consoleErrors(page)).toEqual([])
  })

  it("opens with the remote's Search key", async () => {
    const page = await openApp()
    await waitForApp(page)
    await until(page, "s.route === 'home' && s.page?.screen === 'home'")
    // '/' sends 191, a Search code of the browser keymap.
    await press(page, 'Slash')
    await until(page, "s.route === 'search' && s.page?.screen === 'search'")
    expect((await snapshot(page)).keys.lastAction).toBe('Search')
  })

  it('takes the letters, signs and space bar of a keyboard plugged into the box, accents included', async () => {
    const page = await openApp('#search')
    await waitForApp(page)
    await until(page, "s.page?.screen === 'search'")
    // As a USB keyboard sends them: "géa", the é from an AZERTY keyboard's 2 key, which the
    // browser reports as the letter it types.
    await press(page, 'KeyG')
    const cdp = await page.context().newCDPSession(page)
    const azertyE = { key: 'é', code: 'Digit2', windowsVirtualKeyCode: 50, text: 'é' }
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...azertyE })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...azertyE })
    await cdp.detach()
    await press(page, 'KeyA')
    await until(page, "s.page.timing?.query === 'géa'")
    const state = await searchState(page)
    expect(state).toMatchObject({ query: 'géa', area: 'keyboard' })
    expect(state.ids[0]).toBe(TARGET.id)
    // Its space bar (the code of Play/Pause on remotes) and the signs titles hold type too.
    await press(page, 'Space')
    await press(page, 'Minus')
    await press(page, 'KeyB')
    await until(page, "s.page?.query === 'géa -b'")
    await press(page, 'Backspace', 3)
    await until(page, "s.page?.query === 'géa'")
    // Its Backspace deletes what it typed; once the field is empty, it is Back.
    await press(page, 'Backspace')
    await until(page, "s.page.timing?.query === 'gé'")
    expect((await snapshot(page)).route).toBe('search')
    await press(page, 'Backspace', 2)
    await until(page, "s.page?.screen === 'search' && s.page.query === ''")
    await press(page, 'Backspace')
    await until(page, "s.route !== 'search'")
  })

  it('answers a #search/<query> deep link', async () => {
    const page = await openApp('#search/h%C3%A9ros')
    await waitForApp(page)
    await until(page, "s.page?.screen === 'search' && s.page.timing?.query === 'héros'")
    const state = await searchState(page)
    expect(state.query).toBe('héros')
    expect(state.ids[0]).toBe('toto-le-heros')
  })

  it("answers a deep link with an apostrophe as the browser leaves it: #search/l'enfant", async () => {
    const page = await openApp("#search/l'enfant")
    await waitForApp(page)
    await until(page, "s.page?.screen === 'search' && s.page.timing?.query === \"l'enfant\"")
    expect((await searchState(page)).ids[0]).toBe('l-enfant')
  })
})
