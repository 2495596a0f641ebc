// Another built app measured the way this one is, from the outside only (`--peer <url|dir>`): the
// same browser, throttle and fresh context, interleaved with this app's sessions in every run, so
// the report can give ratios measured on the same machine at the same moment (issue 14 compares
// with the Lightning 3 Blits example app). A peer has no test hook: its home counts as settled
// when the screen has stopped changing, keys are timed by the probe's frame after the keydown,
// and its memory is the JS heap the DevTools report.
import { existsSync, statSync } from 'node:fs'
import { startServer } from '../../scripts/lib/server.mjs'
import { collectGarbage, heapMetrics } from './browser.mjs'
import { keyDown, keyUp, PRESS_KEYS, PRESS_PATTERN, waitForIdle } from './scenarios.mjs'
import { max, median, percentile } from './stats.mjs'
import { startScreencast, visualCompleteness } from './visual.mjs'

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
 * Loads the peer cold and waits until its screen has not changed for `quietMs` (screencast
 * frames only arrive when the page changes), then reads when it became visually complete.
 */
export async function measurePeerStart(session, url, { timeoutMs = 60_000, quietMs = 3_000 } = {}) {
  const { page, cdp } = session
  const screencast = startScreencast(cdp)
  await screencast.started
  let frames = 0
  let lastFrameAt = Date.now()
  const onFrame = () => {
    frames++
    lastFrameAt = Date.now()
  }
  cdp.on('Page.screencastFrame', onFrame)
  const started = Date.now()
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs })
  while (Date.now() - started < timeoutMs && (frames === 0 || Date.now() - lastFrameAt < quietMs))
    await sleep(200)
  cdp.off('Page.screencastFrame', onFrame)
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
    neverSettled: frames > 0 && Date.now() - lastFrameAt < quietMs,
    transferBytes: before.reduce((sum, r) => sum + r.bytes, 0),
    requests: before.length,
  }
}

/** Key to frame for `presses` arrow presses, each at rest; the first press reported apart. */
export async function measurePeerKeys(session, presses) {
  const { page, cdp } = session
  await page.evaluate(() => {
    window.__bench.takeKeys()
    window.__bench.keyArmed = true
  })
  const times = []
  for (let i = 0; i < presses; i++) {
    const key = PRESS_KEYS[PRESS_PATTERN[i % PRESS_PATTERN.length]]
    await waitForIdle(session)
    await page.evaluate(() => window.__bench.takeKeys())
    await keyDown(cdp, key)
    await sleep(80)
    await keyUp(cdp, key)
    let record = null
    for (let tries = 0; tries < 30 && !record; tries++) {
      await sleep(100)
      record = await page.evaluate(
        () => window.__bench.keys.find((k) => !k.repeat && k.frameEnd !== null) ?? null,
      )
    }
    times.push(record ? record.frameEnd - record.eventTime : null)
  }
  await page.evaluate(() => {
    window.__bench.keyArmed = false
  })
  const counted = times.filter((t) => t !== null)
  return {
    counted: counted.length,
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
