import {
  fetchOnce,
  openApp,
  routeAppSettings,
  screenshot,
  snapshot,
  unrouteAppSettings,
  waitForApp,
  waitRoute,
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
      {
        path: 'appSettings.input.repeatIntervalMs',
        message: 'expected a whole number from 0 to 5000, got "fast"',
      },
    ])
    await screenshot(page, 'config-error')
  })

  it('says on screen that the app cannot start when settings.json is not JSON, instead of a black page', async () => {
    const page = await openApp('', { keepOtherPages: true })
    // After the build, as an operator editing build/settings.json by hand would break it.
    await page.route('**/settings.json', (route) =>
      route.fulfill({ body: '{ "appSettings": { "catalogue": { "backend": "http", } } }' }),
    )
    await page.reload()
    const message = page.locator('#belgica-boot-error')
    await message.waitFor({ timeout: 10_000 })
    const text = await message.innerText()
    // In the box's language (the e2e browser's is English): the app's own settings are unread.
    expect(text).toContain('The app could not start.')
    expect(text).toContain('Settings could not be read (settings.json): Expected double-quoted')
    expect(await page.locator('canvas').count()).toBe(0)
    await screenshot(page, 'boot-error-settings')
    await page.close()
  })

  it('starts on home with its artwork when settings.json has no platformSettings', async () => {
    const page = await openApp('', { keepOtherPages: true })
    // An operator's file with appSettings only: the assets' path is the package's ./static.
    await page.route('**/settings.json', async (route) => {
      const response = await fetchOnce(route)
      const { appSettings } = (await response.json()) as { appSettings: unknown }
      await route.fulfill({ response, json: { appSettings } })
    })
    await page.reload()
    await waitForApp(page)
    const state = await snapshot(page)
    expect(state.route).toBe('home')
    expect(state.catalogue.titles).toBeGreaterThan(0)
    await page.close()
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
    await waitRoute(page, 'home')
    expect((await snapshot(page)).keys.lastAction).toBe('Back')
  })
})
