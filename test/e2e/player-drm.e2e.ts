import { spawnSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { PlayerSnapshot } from '../../src/screens/Player/Player'
import { browserContext, openApp, press, screenshot, snapshot, waitForApp } from './support/browser'
import { ROOT } from './support/environment'

const KID = '00112233445566778899aabbccddeeff'
const KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f0'
const OUT = 'demo-drm-e2e'
const SETTINGS = '**/settings.json'

async function waitPlayer(page: Page, test: string, timeout = 20_000): Promise<PlayerSnapshot> {
  await page.waitForFunction(
    `(() => { const p = window.__belgica?.snapshot().page; return Boolean(p && p.screen === 'player' && (${test})) })()`,
    null,
    { timeout, polling: 100 },
  )
  return (await snapshot(page)).page as PlayerSnapshot
}

/** Rosetta's stream is swapped for its ClearKey-encrypted copy; the key comes from settings. */
async function openWithKey(key: string): Promise<Page> {
  const context = await browserContext()
  await context.unrouteAll({ behavior: 'ignoreErrors' })
  await context.route(SETTINGS, async (route) => {
    const response = await route.fetch()
    const settings = (await response.json()) as { appSettings: Record<string, unknown> }
    settings.appSettings.player = { drm: { clearKeys: `${KID}:${key}` } }
    await route.fulfill({ response, json: settings })
  })
  await context.route('**/streams/demo-a/**', (route) =>
    route.continue({ url: route.request().url().replace('/demo-a/', `/${OUT}/`) }),
  )
  const page = await openApp('#details/rosetta')
  await waitForApp(page)
  await press(page, 'Enter')
  return page
}

describe('player: DRM (ClearKey)', () => {
  const streams = path.join(ROOT, 'media/streams')

  beforeAll(() => {
    const result = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'scripts/package-clearkey.mjs'),
        path.join(streams, 'demo-a'),
        path.join(streams, OUT),
        KID,
        KEY,
      ],
      { stdio: 'inherit' },
    )
    if (result.status !== 0) throw new Error('ClearKey packaging failed')
  })

  afterAll(async () => {
    await (await browserContext()).unrouteAll({ behavior: 'ignoreErrors' })
    await rm(path.join(streams, OUT), { recursive: true, force: true })
  })

  it('plays encrypted content with the key from the configuration', async () => {
    const page = await openWithKey(KEY)
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1.5")
    expect(state.error).toBeUndefined()
    await screenshot(page, 'player-clearkey')
  })

  it('a wrong key gives a licence error with Retry and Back, not a frozen picture', async () => {
    const page = await openWithKey('ffffffffffffffffffffffffffffffff')
    const state = await waitPlayer(page, 'p.errorCode !== undefined')
    expect(state.errorCode).toBe(2005)
    expect(state.errorMessage).toMatch(/licence/)
    await screenshot(page, 'player-clearkey-wrong-key')
    await press(page, 'ArrowRight')
    await press(page, 'Enter')
    await page.waitForFunction(() => window.__belgica?.snapshot().route === 'details/rosetta')
  })
})
