import { consoleErrors, openApp, screenshot } from './support/browser'

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
