import { browserContext, openApp, screenshot, snapshot, waitForApp } from './support/browser'

const SETTINGS = '**/settings.json'

describe('operator configuration', () => {
  afterEach(async () => (await browserContext()).unroute(SETTINGS))

  it('stops start-up with a screen naming each wrong setting instead of a blank screen', async () => {
    const context = await browserContext()
    await context.route(SETTINGS, async (route) => {
      const response = await route.fetch()
      const settings = (await response.json()) as { appSettings: Record<string, unknown> }
      settings.appSettings.catalog = { backend: 'http' }
      settings.appSettings.input = { repeatIntervalMs: 'fast' }
      await route.fulfill({ response, json: settings })
    })
    const page = await openApp()
    await waitForApp(page)
    const state = await snapshot(page)
    expect(state.overlay).toBe('config-error')
    expect(state.configProblems).toEqual([
      { path: 'appSettings.catalog', message: 'unknown setting (did you mean "catalogue"?)' },
      { path: 'appSettings.input.repeatIntervalMs', message: 'expected a number, got a string' },
    ])
    await screenshot(page, 'config-error')
  })

  it('applies an operator keymap from settings.json: webOS Back (461) leaves details', async () => {
    const context = await browserContext()
    await context.route(SETTINGS, async (route) => {
      const response = await route.fetch()
      const settings = (await response.json()) as { appSettings: Record<string, unknown> }
      settings.appSettings.platform = 'webos'
      await route.fulfill({ response, json: settings })
    })
    const page = await openApp('#details/rosetta')
    await waitForApp(page)
    await page.evaluate(() => {
      const event = new KeyboardEvent('keydown', { bubbles: true })
      Object.defineProperty(event, 'keyCode', { value: 461 })
      window.dispatchEvent(event)
      const up = new KeyboardEvent('keyup', { bubbles: true })
      Object.defineProperty(up, 'keyCode', { value: 461 })
      window.dispatchEvent(up)
    })
    await page.waitForFunction(() => window.__belgica?.snapshot().route === 'home')
    expect((await snapshot(page)).keys.lastAction).toBe('Back')
  })
})
