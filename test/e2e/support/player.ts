/**
 * Helpers for the player screen's e2e tests, over the app's snapshot (`window.__belgica`).
 *
 *   await playFromDetails(page, 'rosetta')                 // details, OK on Play, video moving
 *   const state = await waitPlayer(page, "p.state === 'playing'")
 *   await stopPlayback(page)                               // Back until the player is gone
 *   await backFromError(page, 'details/rosetta')           // Back on the error panel
 */
import type { Page } from 'playwright-core'
import type { PlayerSnapshot } from '../../../src/screens/Player/Player'
import { press, snapshot, waitForApp, waitRoute } from './browser'

export const player = async (page: Page): Promise<PlayerSnapshot> =>
  (await snapshot(page)).page as PlayerSnapshot

/** Waits until `test`, page-side source over the player snapshot `p` (e.g. "p.state === 'playing'"). */
export async function waitPlayer(
  page: Page,
  test: string,
  timeout = 20_000,
): Promise<PlayerSnapshot> {
  await page.waitForFunction(
    `(() => { const p = window.__belgica?.snapshot().page; return Boolean(p && p.screen === 'player' && (${test})) })()`,
    null,
    { timeout, polling: 100 },
  )
  return player(page)
}

/** Opens details and presses OK on its first action; returns ms until the video moves. */
export async function playFromDetails(page: Page, id: string): Promise<number> {
  await page.goto(page.url().replace(/#.*$/, '') + `#details/${id}`)
  await waitForApp(page)
  const started = Date.now()
  await page.keyboard.press('Enter')
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0, null, {
    timeout: 20_000,
    polling: 20,
  })
  return Date.now() - started
}

/** Routes of the player screen: a title (`play/<id>`) or a live channel (`live/<channel>`). */
const PLAYER_ROUTE = /^(play|live)\//

/** Stops playback with Back, pressed again while it only closed the menu or hid the overlay. */
export async function stopPlayback(page: Page): Promise<void> {
  for (let i = 0; i < 3 && PLAYER_ROUTE.test((await snapshot(page)).route); i++) {
    await press(page, 'Backspace')
  }
  await page.waitForFunction(
    (source) => !new RegExp(source).test(window.__belgica?.snapshot().route ?? ''),
    PLAYER_ROUTE.source,
  )
}

/** On the error panel Retry is focused: Right then OK is Back. Waits until the app is at `route`. */
export async function backFromError(page: Page, route: string): Promise<void> {
  await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await waitRoute(page, route)
}

/** One sample of the player screen: what it said, and where the element stood. */
export interface StateSample {
  state: string
  currentTime: number
}

/**
 * Samples the player screen's state every animation frame from now on, page-side, so a state
 * shown for a moment between two of the test's polls is still seen. `samples()` returns them.
 */
export async function recordPlayerStates(
  page: Page,
): Promise<{ samples: () => Promise<StateSample[]> }> {
  const handle = await page.evaluateHandle(() => {
    const seen: { state: string; currentTime: number }[] = []
    const sample = (): void => {
      const p = window.__belgica?.snapshot().page as
        { screen?: string; state?: string; currentTime?: number } | undefined
      if (p?.screen === 'player' && p.state !== undefined) {
        seen.push({ state: p.state, currentTime: p.currentTime ?? 0 })
      }
      requestAnimationFrame(sample)
    }
    requestAnimationFrame(sample)
    return seen
  })
  return { samples: () => handle.evaluate((seen) => seen.slice()) }
}

/**
 * An init script (openApp's `initScript`) that keeps every SourceBuffer the page makes, so a test
 * can read where each of sound and picture was placed: the element's own `buffered` is only where
 * both are, and hides one of them landing late.
 */
export function keepSourceBuffers(): void {
  const kept: { type: string; buffer: SourceBuffer }[] = []
  Object.assign(window, { __sourceBuffers: kept })
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with this below
  const add = MediaSource.prototype.addSourceBuffer
  MediaSource.prototype.addSourceBuffer = function (this: MediaSource, type: string) {
    const buffer = add.call(this, type)
    kept.push({ type, buffer })
    return buffer
  }
}

/** Where each SourceBuffer kept by keepSourceBuffers() starts, by its MIME type. */
export function sourceBufferStarts(page: Page): Promise<{ type: string; start: number | null }[]> {
  return page.evaluate(() => {
    const kept = (
      window as unknown as { __sourceBuffers?: { type: string; buffer: SourceBuffer }[] }
    ).__sourceBuffers
    return (kept ?? []).map(({ type, buffer }) => {
      try {
        return { type, start: buffer.buffered.length ? buffer.buffered.start(0) : null }
      } catch {
        // Removed from its MediaSource: nothing to read.
        return { type, start: null }
      }
    })
  })
}
