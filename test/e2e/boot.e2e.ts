import type { AppSnapshot } from '../../src/app/testHook'
import type { Page } from 'playwright-core'
import { consoleErrors, openApp, press, screenshot, snapshot, waitForApp } from './support/browser'
import { waitPlayer } from './support/player'

/** An element's box on the page, in CSS pixels. */
const boxOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const { x, y, width, height } = element.getBoundingClientRect()
    return { x, y, width, height }
  })

/** Where home's focus is: the rail and the tile in it. */
const focusOf = (state: AppSnapshot) => {
  const page = state.page as { railIndex?: number; index?: number }
  return [page.railIndex, page.index]
}

describe('boot', () => {
  it('serves the app, which puts its canvas on the page under a title', async () => {
    const page = await openApp()
    const canvas = page.locator('canvas')
    await canvas.waitFor({ state: 'attached', timeout: 20_000 })

    expect(await canvas.count()).toBe(1)
    const size = await canvas.evaluate((element) => {
      const c = element as HTMLCanvasElement
      return { width: c.width, height: c.height }
    })
    expect(size).toEqual({ width: 1920, height: 1080 })
    expect(await page.title()).toBe('Belgica')

    await page.waitForTimeout(500)
    await screenshot(page, 'boot')
    expect(consoleErrors(page)).toEqual([])
  })
})

describe('a window smaller than full HD', () => {
  it('shows the whole layout in the largest 16:9 stage it holds, and keys never scroll the page', async () => {
    // A headless browser's default window: 4:3, smaller than the 1920x1080 layout.
    const page = await openApp('', { viewport: { width: 800, height: 600 } })
    await waitForApp(page)
    // Added after the app's own listeners: it sees what they did with each key.
    await page.evaluate(() => {
      const seen: boolean[] = []
      ;(window as unknown as { keysPrevented: boolean[] }).keysPrevented = seen
      window.addEventListener('keydown', (event) => seen.push(event.defaultPrevented))
    })
    const canvas = await page.locator('canvas').evaluate((element) => {
      const c = element as HTMLCanvasElement
      return { width: c.width, height: c.height }
    })
    expect(canvas).toEqual({ width: 800, height: 450 })
    // Letterboxed as a TV does: equal bands above and below.
    expect(await boxOf(page, 'canvas')).toEqual({ x: 0, y: 75, width: 800, height: 450 })

    const before = await snapshot(page)
    await press(page, 'ArrowDown', 6)
    await press(page, 'ArrowRight', 3)
    const after = await snapshot(page)
    expect(focusOf(after)).not.toEqual(focusOf(before))
    expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0])
    const prevented = await page.evaluate(
      () => (window as unknown as { keysPrevented: boolean[] }).keysPrevented,
    )
    expect(prevented).toHaveLength(9)
    expect(prevented.every(Boolean)).toBe(true)
    await screenshot(page, 'boot-800x600')
    expect(consoleErrors(page)).toEqual([])
  })

  it('shows the video exactly under the letterboxed stage, and both follow the window', async () => {
    const page = await openApp('#play/rosetta', { viewport: { width: 800, height: 600 } })
    await waitForApp(page)
    await waitPlayer(page, "p.state === 'playing' && p.currentTime > 0.5")
    const stage = { x: 0, y: 75, width: 800, height: 450 }
    expect(await boxOf(page, 'canvas')).toEqual(stage)
    expect(await boxOf(page, 'video')).toEqual(stage)
    await screenshot(page, 'player-800x600')
    // The window changes size (a box switching its output): the stage and the picture follow it.
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.waitForFunction(() => document.body.style.transform !== '', null, { timeout: 5_000 })
    const resized = { x: 0, y: 0, width: 1280, height: 720 }
    expect(await boxOf(page, 'canvas')).toEqual(resized)
    expect(await boxOf(page, 'video')).toEqual(resized)
    await screenshot(page, 'player-800x600-to-1280x720')
    expect(consoleErrors(page)).toEqual([])
  })
})
