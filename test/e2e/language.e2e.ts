import type { Page } from 'playwright-core'
import {
  openApp,
  openFromTopBar,
  press,
  screenshot,
  snapshot,
  waitForApp,
  waitRoute,
} from './support/browser'

const railLabels = async (page: Page) =>
  ((await snapshot(page)).page as { rails: { label: string }[] }).rails.map((rail) => rail.label)

describe('interface language', () => {
  it('switches from the settings screen, changes visible strings, and is remembered', async () => {
    const page = await openApp()
    await waitForApp(page)
    expect((await snapshot(page)).language).toBe('fr')
    expect(await railLabels(page)).toContain('Séries belges')

    await openFromTopBar(page, 'settings')
    await waitRoute(page, 'settings')
    // Languages are listed fr, nl, de, en: two steps right is German.
    await press(page, 'ArrowRight', 2)
    await press(page, 'Enter')
    await page.waitForFunction(() => window.__belgica?.snapshot().language === 'de')
    await screenshot(page, 'settings-de')
    await press(page, 'Backspace')
    await waitRoute(page, 'home')
    expect(await railLabels(page)).toContain('Belgische Serien')

    await page.reload()
    await waitForApp(page)
    expect((await snapshot(page)).language).toBe('de')
    expect(await railLabels(page)).toContain('Belgische Serien')
  })
})
