/**
 * A box whose storage is full (another app, years of use): the app still starts and works, a
 * change it cannot keep is said on the operator's diagnostics page instead of being lost in
 * silence. The quota is Chromium's own, filled before the change.
 */
import type { Page } from 'playwright-core'
import type { DiagnosticsSnapshot } from '../../src/screens/Diagnostics'
import {
  openApp,
  openFromTopBar,
  press,
  screenshot,
  snapshot,
  waitForApp,
  waitRoute,
} from './support/browser'

/** Fills the origin's localStorage until not even ten characters fit; returns what it wrote. */
async function fillStorage(page: Page): Promise<number> {
  return page.evaluate(() => {
    let written = 0
    let chunk = 1 << 20
    for (let i = 0; chunk >= 8; i++) {
      try {
        localStorage.setItem(`other-app-${i}`, 'x'.repeat(chunk))
        written += chunk
      } catch {
        chunk = Math.floor(chunk / 2)
      }
    }
    return written
  })
}

describe('a full storage quota', () => {
  it('keeps the app working and says on the diagnostics page what could not be saved', async () => {
    const page = await openApp()
    await waitForApp(page)
    const filled = await fillStorage(page)
    expect(filled).toBeGreaterThan(1_000_000)

    // A change the household makes: the interface language (kept in storage).
    await openFromTopBar(page, 'settings')
    await waitRoute(page, 'settings')
    await press(page, 'ArrowRight', 2)
    await press(page, 'Enter')
    await page.waitForFunction(() => window.__belgica?.snapshot().language === 'de')

    await page.evaluate(() => {
      window.location.hash = '#settings/diagnostics'
    })
    await page.waitForFunction(
      () =>
        (window.__belgica?.snapshot().page as { screen?: string } | undefined)?.screen ===
        'diagnostics',
    )
    const diagnostics = (await snapshot(page)).page as DiagnosticsSnapshot
    const full = diagnostics.lines.find((line) => line.startsWith('Speicher voll'))
    expect(full).toContain('„ui-language“')
    expect(diagnostics.lines.some((line) => /^Speicher der Box: \d+ k Zeichen/.test(line))).toBe(
      true,
    )
    await screenshot(page, 'diagnostics-storage-full')

    // Still usable: back to settings, then home with its rails.
    await press(page, 'Backspace')
    await waitRoute(page, 'settings')
    await press(page, 'Backspace')
    await waitRoute(page, 'home')
    const home = (await snapshot(page)).page as { rails: { count: number }[] }
    expect(home.rails.length).toBeGreaterThan(0)
  })
})
