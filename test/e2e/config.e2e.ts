import {
  openApp,
  routeAppSettings,
  screenshot,
  snapshot,
  unrouteAppSettings,
  waitForApp,
} from './support/browser'

describe('operator configuration', () => {
  afterEach(unrouteAppSettings)

  it('stops start-up with a screen naming each wrong setting instead of a blank screen', async () => {
    await routeAppSettings((settings) => {
      settings.catalog = { backend: 'http' }
      settings.input = { repeatIntervalMs: 'fast' }
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
    await routeAppSettings((settings) => (settings.platform = 'webos'))
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
