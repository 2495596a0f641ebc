import type { Page } from 'playwright-core'
import { openApp, press, screenshot, snapshot, waitForApp, waitRoute } from './support/browser'

const videoTime = (page: Page) =>
  page.evaluate(() => document.querySelector('video')?.currentTime ?? -1)

async function playFromDetails(page: Page, id: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + `#details/${id}`)
  await waitForApp(page)
  await press(page, 'Enter')
  await page.waitForFunction(() => window.__belgica?.snapshot().route.startsWith('play/'))
}

describe('playback', () => {
  let page: Page

  beforeAll(async () => {
    page = await openApp()
    await waitForApp(page)
  })

  it('plays real video from Play on the details screen (DASH by default)', async () => {
    await playFromDetails(page, 'rosetta')
    await page.waitForFunction(
      () => (document.querySelector('video')?.currentTime ?? 0) > 1.5,
      null,
      {
        timeout: 20_000,
      },
    )
    const state = await snapshot(page)
    expect(state.page).toMatchObject({ screen: 'player', state: 'playing' })
    expect((state.page as { url: string }).url).toMatch(/manifest\.mpd$/)
    const t1 = await videoTime(page)
    await page.waitForTimeout(1000)
    expect(await videoTime(page)).toBeGreaterThan(t1)
    await screenshot(page, 'player')
  })

  it('stops on Back and returns to details with Play still focused', async () => {
    // Back first hides the controls overlay when it is showing, then stops.
    await press(page, 'Backspace')
    if ((await snapshot(page)).route.startsWith('play/')) await press(page, 'Backspace')
    await waitRoute(page, 'details/rosetta')
    expect((await snapshot(page)).page).toMatchObject({ screen: 'details', action: 'play' })
    const paused = await page.evaluate(() => {
      const video = document.querySelector('video')
      return !video || video.paused || video.readyState === 0
    })
    expect(paused).toBe(true)
    const t1 = await videoTime(page)
    await page.waitForTimeout(800)
    expect(await videoTime(page)).toBe(t1)
  })

  it('plays an episode of a series', async () => {
    await page.goto(page.url().replace(/#.*$/, '') + '#details/la-treve')
    await waitForApp(page)
    await press(page, 'ArrowDown')
    await press(page, 'ArrowDown')
    await press(page, 'Enter')
    await waitRoute(page, 'play/la-treve-s1e1')
    await page.waitForFunction(
      () => (document.querySelector('video')?.currentTime ?? 0) > 1,
      null,
      {
        timeout: 20_000,
      },
    )
    await press(page, 'Backspace')
  })
})
