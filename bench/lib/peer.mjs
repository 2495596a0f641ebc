// Another built app measured the way this one is, from the outside only (`--peer <url|dir>`): the
// same browser, throttle and fresh context, interleaved with this app's sessions in every run, so
// the report can give ratios measured on the same machine at the same moment (issue 14 compares
// with the Lightning 3 Blits example app). A peer has no test hook: its home counts as settled
// when the screen has stopped changing, a key is timed to the first frame after it that drew
// (WebGL draw calls, counted by the probe), and its memory is the JS heap the DevTools report.
import { existsSync, statSync } from 'node:fs'
import { startServer } from '../../scripts/lib/server.mjs'
import { collectGarbage, heapMetrics } from './browser.mjs'
import { keyDown, keyUp, PRESS_KEYS, PRESS_PATTERN } from './scenarios.mjs'
import { max, median, percentile } from './stats.mjs'
import { looksChanged, startScreencast, thumbnail, visualCompleteness } from './visual.mjs'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A folder is served on 127.0.0.1 like this app's build; anything else is taken as a URL.
 * Returns the URL and a close function.
 */
export async function peerTarget(value, mediaDir) {
  if (existsSync(value) && statSync(value).isDirectory()) {
    const server = await startServer({ buildDir: value, mediaDir })
    return { url: server.url, close: () => server.close(), served: value }
  }
  let url
  try {
    url = new URL(value).toString()
  } catch {
    throw new Error(`--peer ${value}: neither a folder nor a URL`)
  }
  return { url, close: async () => {}, served: null }
}

/**
 * Whether a peer's start has settled: it has painted, and no screencast frame changed the screen
 * for `quietMs` since then (frames that look like the one before do not count). A peer may
 * evaluate its bundle for seconds before its first paint (the Blits example app's is 1.5 MB) and
 * sends no frame meanwhile: that silence is not a settled screen.
 *
 * @param now, lastFrameAt, paintSeenAt ms on one clock; paintSeenAt null until a paint was seen
 */
export function peerStartSettled({ now, lastFrameAt, paintSeenAt, quietMs }) {
  if (paintSeenAt === null) return false
  return now - Math.max(lastFrameAt ?? paintSeenAt, paintSeenAt) >= quietMs
}

/**
 * Loads the peer cold and waits until it has painted and its screen has then not changed for
 * `quietMs` (screencast frames arrive when the page draws, and a frame that looks like the one
 * before is not a change), then reads when it became visually complete.
 */
export async function measurePeerStart(session, url, { timeoutMs = 60_000, quietMs = 3_000 } = {}) {
  const { page, cdp } = session
  const screencast = startScreencast(cdp)
  await screencast.started
  // The last time the screen changed: a frame that looks like the one before is no change.
  let lastFrameAt = null
  let previous = null
  let compared = Promise.resolve()
  const onFrame = (frame) => {
    const arrivedAt = Date.now()
    compared = compared.then(async () => {
      const thumb = await thumbnail(frame.data).catch(() => null)
      if (looksChanged(previous, thumb)) lastFrameAt = arrivedAt
      previous = thumb
    })
  }
  cdp.on('Page.screencastFrame', onFrame)
  const started = Date.now()
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs })
  let paintSeenAt = null
  const painted = () =>
    page
      .evaluate(() =>
        performance.getEntriesByType('paint').some((p) => p.name === 'first-contentful-paint'),
      )
      .catch(() => false)
  let settled = false
  while (Date.now() - started < timeoutMs) {
    if (paintSeenAt === null && (await painted())) paintSeenAt = Date.now()
    settled = peerStartSettled({ now: Date.now(), lastFrameAt, paintSeenAt, quietMs })
    if (settled) break
    await sleep(200)
  }
  cdp.off('Page.screencastFrame', onFrame)
  await compared
  const recorded = await screencast.stop()
  const info = await page.evaluate(() => ({
    timeOrigin: performance.timeOrigin,
    paint: Object.fromEntries(
      performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]),
    ),
    firstFrameEnd: window.__bench?.firstFrameEnd ?? null,
  }))
  const visual = await visualCompleteness(recorded, info.timeOrigin)
  const settledAt = visual.visuallyComplete
  const list = await session.finishedRequests()
  const before =
    settledAt === null ? list : list.filter((r) => r.end - info.timeOrigin <= settledAt)
  return {
    firstPaint:
      info.paint['first-contentful-paint'] ?? info.paint['first-paint'] ?? info.firstFrameEnd,
    homeVisual: settledAt,
    neverSettled: !settled,
    transferBytes: before.reduce((sum, r) => sum + r.bytes, 0),
    requests: before.length,
  }
}

/**
 * The frame that shows a key's effect: the first animation frame callback that starts after the
 * key was handled and issues WebGL draw calls. Lightning 3 checks for changes in frames that draw
 * nothing (and skips idle frames with a timer), so the first frame after a key may be one of
 * those, drawn before the change it checks for is made.
 *
 * @param key the probe's record ({ eventTime, seenAt, handledAt }, ms of performance.now())
 * @param drawnFrames flat list callbackStart, callbackEnd of the callbacks that drew
 * @returns ms from the keydown's timestamp to the end of that frame, or null when none drew
 */
export function peerKeyToFrame(key, drawnFrames) {
  // A peer's key listeners are not on window, so its handling is only known as seenAt (the
  // probe's capture listener): a frame cannot start while the key is being dispatched.
  const handled = key.handledAt ?? key.seenAt
  for (let i = 0; i + 1 < drawnFrames.length; i += 2) {
    if (drawnFrames[i] >= handled) return drawnFrames[i + 1] - key.eventTime
  }
  return null
}

/** Waits until the peer has drawn nothing for `quietMs`; false when it never settles. */
async function waitForDrawQuiet(session, { quietMs = 500, timeoutMs = 6_000 } = {}) {
  try {
    await session.page.waitForFunction(
      (quiet) => performance.now() - (window.__bench.lastDrawAt ?? 0) > quiet,
      quietMs,
      { timeout: timeoutMs, polling: 100 },
    )
    return true
  } catch {
    return false
  }
}

/**
 * Key to frame for `presses` arrow presses, each made once the peer has drawn nothing for
 * 500 ms; the first press reported apart. A press after which the peer drew nothing (the key did
 * not reach it, or changed nothing) is not counted.
 */
export async function measurePeerKeys(session, presses) {
  const { page, cdp } = session
  await page.evaluate(() => {
    window.__bench.takeKeys()
    window.__bench.keyArmed = true
  })
  const times = []
  let unsettled = 0
  for (let i = 0; i < presses; i++) {
    const key = PRESS_KEYS[PRESS_PATTERN[i % PRESS_PATTERN.length]]
    if (!(await waitForDrawQuiet(session))) unsettled++
    await page.evaluate(() => {
      window.__bench.takeKeys()
      window.__bench.takeDrawnFrames()
      window.__bench.recordDrawn = true
    })
    await keyDown(cdp, key)
    await sleep(80)
    await keyUp(cdp, key)
    let ms = null
    for (let tries = 0; tries < 30 && ms === null; tries++) {
      await sleep(100)
      const seen = await page.evaluate(() => ({
        key: window.__bench.keys.find((k) => !k.repeat) ?? null,
        drawn: [...window.__bench.drawnFrames],
      }))
      if (seen.key) ms = peerKeyToFrame(seen.key, seen.drawn)
    }
    times.push(ms)
  }
  await page.evaluate(() => {
    window.__bench.keyArmed = false
    window.__bench.recordDrawn = false
    window.__bench.takeDrawnFrames()
  })
  const counted = times.filter((t) => t !== null)
  return {
    presses,
    counted: counted.length,
    unsettled,
    first: times[0] ?? null,
    median: median(counted),
    p90: percentile(counted, 90),
    max: max(counted),
  }
}

export async function peerHeap(session) {
  await collectGarbage(session.cdp)
  await sleep(300)
  return (await heapMetrics(session.cdp)).used
}
