import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { stopChildProcess } from '../harness/stopChildProcess'
import { openApp, press, screenshot, snapshot, waitForApp } from './support/browser'
import { ROOT } from './support/environment'
import { player, stopPlayback, waitPlayer } from './support/player'

/** The live generator (scripts/live.mjs) in a child process: it stops when its stdin closes. */
function startLive(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts/live.mjs'), path.join(ROOT, 'media/live')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('live generator not ready in 30 s')), 30_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().startsWith('live:')) {
        clearTimeout(timer)
        resolve(child)
      }
    })
    child.once('exit', (code) => reject(new Error(`live generator exited (${code})`)))
  })
}

describe('player: live channels', () => {
  let live: ChildProcess
  let page: Page

  beforeAll(async () => {
    live = await startLive()
    page = await openApp('#live/live-1')
    await waitForApp(page)
  }, 60_000)

  afterAll(() => stopChildProcess(live))

  it('plays a live channel from the live edge and shows LIVE', async () => {
    const state = await waitPlayer(page, "p.state === 'playing' && p.live && p.currentTime > 0")
    expect(state.id).toBe('live-1')
    expect(state.liveEdge - state.currentTime).toBeLessThan(8)
    const later = await waitPlayer(page, `p.currentTime > ${state.currentTime + 1.5}`)
    expect(later.error).toBeUndefined()
    await screenshot(page, 'player-live')
  })

  it('zaps with channel up and down', async () => {
    await press(page, 'PageUp')
    await page.waitForFunction(() => window.__belgica?.snapshot().route === 'live/live-2')
    await waitPlayer(page, "p.id === 'live-2' && p.state === 'playing' && p.live")
    await press(page, 'PageDown')
    await page.waitForFunction(() => window.__belgica?.snapshot().route === 'live/live-1')
    await waitPlayer(page, "p.id === 'live-1' && p.state === 'playing' && p.live")
  })

  it('the channel list is the catalogue one (static/catalogue/live.json): an id not in it says "not found"', async () => {
    const state = await player(page)
    expect(state.id).toBe('live-1')
    const lost = await openApp('#live/live-99')
    await waitForApp(lost)
    // The route waits for the channel list before it shows anything.
    await lost.waitForFunction(() => window.__belgica?.snapshot().page !== null)
    expect((await snapshot(lost)).page).toMatchObject({ screen: 'not-found', path: 'live/live-99' })
    page = await openApp('#live/live-1')
    await waitForApp(page)
    await waitPlayer(page, "p.id === 'live-1' && p.state === 'playing' && p.live")
  })

  it('Back leaves the live channel and the app still navigates', async () => {
    await stopPlayback(page)
    await page.waitForFunction(() => window.__belgica?.snapshot().route === 'home')
    await press(page, 'ArrowRight')
    expect((await snapshot(page)).route).toBe('home')
  })

  it('Live TV on the home top bar tunes to the first channel of the list', async () => {
    await press(page, 'ArrowUp')
    await press(page, 'Enter')
    await page.waitForFunction(() => window.__belgica?.snapshot().route === 'live/live-1')
    await waitPlayer(page, "p.id === 'live-1' && p.state === 'playing' && p.live")
  })
})
