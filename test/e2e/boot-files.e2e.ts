import { browserContext, openApp, waitForApp } from './support/browser'

// The SDK makes the app only once translations.json has loaded; when the CDN answers 404 it only
// logged, and the box stayed black. Timers run on the page's fake clock, so the watch's quarter
// minutes (src/app/startWatch.ts) pass at once.
describe('a start-up file that does not load', () => {
  it('says which file is missing, then starts the app once the file answers again', async () => {
    const context = await browserContext()
    const translations = '**/static/translations.json'
    await context.route(translations, (route) => route.fulfill({ status: 404, body: 'gone' }))
    await context.clock.install()
    const page = await openApp()
    await page.locator('canvas').waitFor({ state: 'attached', timeout: 20_000 })
    await context.clock.runFor(16_000)
    const message = page.locator('#belgica-boot-error')
    await message.waitFor({ state: 'visible', timeout: 10_000 })
    // In the engine's language (this Chromium's is English): the app's own texts are what failed.
    expect(await message.innerText()).toMatch(
      /The app could not start\.[\s\S]*Missing file: translations\.json/,
    )
    // The loading line gave way to the message.
    expect(await page.locator('#belgica-splash').count()).toBe(0)
    // Still missing at the next ask: the message stays.
    await context.clock.runFor(16_000)
    await page.waitForTimeout(500)
    expect(await message.isVisible()).toBe(true)
    // The CDN answers again: the next ask finds it and the app starts.
    await context.unroute(translations)
    const reloaded = page.waitForEvent('load')
    await context.clock.runFor(16_000)
    await reloaded
    await waitForApp(page)
    expect(await page.locator('#belgica-boot-error').count()).toBe(0)
  }, 90_000)
})

// A slow box (or a slow CDN) takes seconds before the app draws: the page says it is loading.
describe('a slow start', () => {
  it('shows a loading line from the first frame until the app is made', async () => {
    const context = await browserContext()
    const translations = '**/static/translations.json'
    let answer: () => void = () => undefined
    const held = new Promise<void>((resolve) => (answer = resolve))
    await context.route(translations, async (route) => {
      await held
      await route.continue()
    })
    const page = await openApp()
    await page.locator('canvas').waitFor({ state: 'attached', timeout: 20_000 })
    const splash = page.locator('#belgica-splash')
    // Over the canvas, in the engine's language.
    expect(await splash.isVisible()).toBe(true)
    expect(await splash.innerText()).toBe('Loading…')
    expect(await page.locator('#belgica-boot-error').count()).toBe(0)
    answer()
    await waitForApp(page)
    expect(await splash.count()).toBe(0)
    await context.unroute(translations)
  }, 60_000)
})
