import { consoleErrors, openApp, press, snapshot, waitForApp, waitRoute } from './support/browser'

describe('router, deep links and not found', () => {
  it('opens details from a deep link on a fresh load and on reload, and Back goes home', async () => {
    const page = await openApp('#details/rundskop')
    await waitForApp(page)
    expect(await snapshot(page)).toMatchObject({
      route: 'details/rundskop',
      page: { screen: 'details', id: 'rundskop', action: 'play' },
    })
    await page.reload()
    await waitForApp(page)
    expect((await snapshot(page)).route).toBe('details/rundskop')
    await press(page, 'Backspace')
    await waitRoute(page, 'home')
    expect((await snapshot(page)).overlay).toBeNull()
  })

  it('says "not found" for an unknown title and offers the way home', async () => {
    const page = await openApp('#details/no-such-title')
    await waitForApp(page)
    expect((await snapshot(page)).page).toMatchObject({ screen: 'not-found' })
    await press(page, 'Enter')
    await waitRoute(page, 'home')
  })

  it('says "not found" for an unknown route', async () => {
    const page = await openApp('#nowhere/at/all')
    await waitForApp(page)
    expect((await snapshot(page)).page).toMatchObject({
      screen: 'not-found',
      path: 'nowhere/at/all',
    })
  })

  it('says "not found" for a link that does not decode (a stray %), on start and while running', async () => {
    const page = await openApp('#%%%zz')
    await waitForApp(page)
    expect((await snapshot(page)).page).toMatchObject({ screen: 'not-found', path: 'zz' })
    await page.evaluate(() => (window.location.hash = '#home'))
    await waitRoute(page, 'home')
    await page.evaluate(() => (window.location.hash = '#nowhere/50%'))
    await page.waitForFunction(
      () => (window.__belgica?.snapshot().page as { path?: string })?.path === 'nowhere/50',
    )
    // The Router goes on: the next link is followed.
    await page.evaluate(() => (window.location.hash = '#details/rosetta'))
    await waitRoute(page, 'details/rosetta')
    expect(consoleErrors(page).filter((error) => /URI/.test(error))).toEqual([])
  })
})
