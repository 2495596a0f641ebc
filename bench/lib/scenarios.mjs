// What the benchmark does in the page: start, key presses, a held key, scripted navigation,
// playback and memory readings. Every function takes a session from browser.mjs.
import { collectGarbage, heapMetrics, processMemory } from './browser.mjs'
import { max, median, percentile } from './stats.mjs'
import { startScreencast, visualCompleteness } from './visual.mjs'

export class AppError extends Error {}
/** The app did not boot or load its catalogue: nothing can be measured. */
export class AppBootError extends AppError {}

const KEY_CODES = {
  ArrowLeft: 37,
  ArrowUp: 38,
  ArrowRight: 39,
  ArrowDown: 40,
  Enter: 13,
  Backspace: 8,
  // Channel up in the browser keymap (src/platform/keymaps/browser.ts).
  PageUp: 33,
  // The remote's Guide key (OIPF VK_GUIDE, browser keymap).
  Guide: 458,
}
export const PRESS_KEYS = { L: 'ArrowLeft', R: 'ArrowRight', U: 'ArrowUp', D: 'ArrowDown' }
const SHORT = PRESS_KEYS
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export function keyDown(cdp, key, autoRepeat = false) {
  const code = KEY_CODES[key]
  return cdp.send('Input.dispatchKeyEvent', {
    type: 'rawKeyDown',
    key,
    code: key,
    windowsVirtualKeyCode: code,
    nativeVirtualKeyCode: code,
    autoRepeat,
  })
}

export function keyUp(cdp, key) {
  const code = KEY_CODES[key]
  return cdp.send('Input.dispatchKeyEvent', {
    type: 'keyUp',
    key,
    code: key,
    windowsVirtualKeyCode: code,
    nativeVirtualKeyCode: code,
  })
}

/** A remote press: down, held briefly as a thumb does, up, then a pause before the next key. */
export async function press(session, key, { holdMs = 60, gapMs = 120 } = {}) {
  await keyDown(session.cdp, key)
  await sleep(holdMs)
  await keyUp(session.cdp, key)
  if (gapMs) await sleep(gapMs)
}

export const snapshot = (session) =>
  session.page.evaluate(() => window.__belgica?.snapshot() ?? null)

async function waitForScreen(session, screen, timeout = 15_000) {
  await session.page.waitForFunction(
    (name) => {
      const s = window.__belgica?.snapshot()
      return s && s.page && s.page.screen === name
    },
    screen,
    { timeout, polling: 50 },
  )
}

/**
 * Waits until the app has been idle for `quietMs`: animation frames at the display rate with
 * almost no JS. Returns false when it never settles within `timeoutMs`.
 */
export async function waitForIdle(session, { quietMs = 500, timeoutMs = 6_000 } = {}) {
  try {
    await session.page.waitForFunction(
      (quiet) => performance.now() - window.__bench.lastBusyAt > quiet,
      quietMs,
      { timeout: timeoutMs, polling: 100 },
    )
    return true
  } catch {
    return false
  }
}

const focusKey = (s) => {
  const p = s?.page ?? {}
  return `${s?.route}|${p.screen}|${p.area}|${p.railIndex}|${p.index}|${p.action}`
}

/** Renderer process memory (PSS, else RSS) and the GPU process's, in bytes. */
async function processFigures(session) {
  const renderer = await processMemory(await session.rendererPid())
  const gpu = await processMemory(await session.gpuPid())
  return {
    renderer: renderer ? (renderer.pss ?? renderer.rss) : null,
    rendererRss: renderer?.rss ?? null,
    rendererAnon: renderer?.anon ?? null,
    rendererFile: renderer?.file ?? null,
    gpu: gpu ? (gpu.pss ?? gpu.rss) : null,
  }
}

/** Heap after a forced garbage collection, Lightning's texture memory, process memory. */
export async function memoryReading(session) {
  await collectGarbage(session.cdp)
  await sleep(300)
  const heap = await heapMetrics(session.cdp)
  const s = await snapshot(session)
  return {
    heap: heap.used,
    heapTotal: heap.total,
    domNodes: heap.nodes,
    texture: s?.render?.textureMemory ?? null,
    ...(await processFigures(session)),
  }
}

/**
 * Loads the app cold (fresh context: empty cache) and measures the start. Resolves once home is
 * drawn with artwork and has settled. Throws AppError when the app does not boot.
 */
export async function measureStart(
  session,
  url,
  { visual = true, bootTimeoutMs = 60_000, artworkTimeoutMs = 30_000 } = {},
) {
  const { page, cdp } = session
  const screencast = visual ? startScreencast(cdp) : null
  if (screencast) await screencast.started

  await page.goto(url, { waitUntil: 'commit', timeout: bootTimeoutMs })
  try {
    await page.waitForFunction(() => window.__belgica?.ready === true, null, {
      timeout: bootTimeoutMs,
      polling: 50,
    })
  } catch {
    const s = await snapshot(session).catch(() => null)
    throw new AppBootError(
      `the app did not boot within ${bootTimeoutMs / 1000}s at ${url}` +
        (s
          ? ` (route ${s.route}, catalogue ${s.catalogue?.status})`
          : ' (no window.__belgica: is this the app?)') +
        (session.consoleErrors.length
          ? `\n  console: ${session.consoleErrors.slice(0, 5).join('\n  console: ')}`
          : ''),
    )
  }
  const booted = await snapshot(session)
  if (booted.catalogue.status !== 'ready') {
    throw new AppBootError(
      `the catalogue did not load: ${booted.catalogue.status} ${booted.catalogue.problem ?? ''}`,
    )
  }
  if (booted.overlay === 'config-error')
    throw new AppBootError(
      `the app reports a configuration error: ${JSON.stringify(booted.catalogue.configProblems)}`,
    )

  let artworkMissing = false
  try {
    await page.waitForFunction(() => window.__belgica?.marks?.homeArtwork > 0, null, {
      timeout: artworkTimeoutMs,
      polling: 100,
    })
  } catch {
    artworkMissing = true
  }
  await sleep(1500)
  const frames = screencast ? await screencast.stop() : []
  const info = await page.evaluate(() => ({
    timeOrigin: performance.timeOrigin,
    paint: Object.fromEntries(
      performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]),
    ),
    firstFrameEnd: window.__bench?.firstFrameEnd ?? null,
    snapshot: window.__belgica.snapshot(),
  }))
  const marks = info.snapshot.marks
  const homeAt = marks.homeArtwork ?? null

  const list = await session.finishedRequests()
  const before = homeAt === null ? [] : list.filter((r) => r.end - info.timeOrigin <= homeAt)
  const visualResult = screencast ? await visualCompleteness(frames, info.timeOrigin) : null

  return {
    marks,
    firstPaint:
      info.paint['first-contentful-paint'] ?? info.paint['first-paint'] ?? info.firstFrameEnd,
    firstAnimationFrame: info.firstFrameEnd,
    homeContent: marks.homeContent ?? null,
    homeArtwork: homeAt,
    homeVisual: visualResult?.visuallyComplete ?? null,
    // Pixels drawn by home's last frame, settled, in screens (null for a peer: black-box).
    fillScreens: info.snapshot?.render?.fill ?? null,
    screencastFrames: visualResult?.frames ?? 0,
    transferBytes: homeAt === null ? null : before.reduce((sum, r) => sum + r.bytes, 0),
    requests: homeAt === null ? null : before.length,
    requestList: before.map((r) => ({
      path: r.url.replace(/^https?:\/\/[^/]+/, ''),
      bytes: r.bytes,
      end: Math.round(r.end - info.timeOrigin),
    })),
    catalogueTitles: booted.catalogue.titles,
    catalogueSkipped: booted.catalogue.skipped,
    render: info.snapshot.render,
    artworkMissing,
    consoleErrors: [...session.consoleErrors],
  }
}

/** A mix of moves inside a rail and between rails, starting from the first rail. */
export const PRESS_PATTERN = 'RRRRDRRDRLDRRURLUURRDDLURLUU'

/**
 * Key-to-frame over `presses` presses on home, each made when the app is at rest (idle for
 * 500 ms), as a viewer presses after looking at the screen. Each press is measured from the
 * keydown event's timestamp (when the browser created the input event) to the end of the first
 * animation frame that started after the app's key handlers returned. Presses that did not move
 * the focus (at the end of a rail) are not counted.
 */
export async function measureKeys(session, presses) {
  const { page, cdp } = session
  await ensureHomeTop(session)
  await page.evaluate(() => {
    window.__bench.takeKeys()
    window.__bench.keyArmed = true
  })
  const results = []
  let unsettled = 0
  for (let i = 0; results.filter((r) => r.moved).length < presses && i < presses * 3; i++) {
    const key = SHORT[PRESS_PATTERN[i % PRESS_PATTERN.length]]
    const beforeFocus = focusKey(await snapshot(session))
    if (!(await waitForIdle(session))) unsettled++
    await page.evaluate(() => window.__bench.takeKeys())
    await keyDown(cdp, key)
    await sleep(80)
    await keyUp(cdp, key)
    let record = null
    for (let tries = 0; tries < 50 && !record; tries++) {
      await sleep(100)
      record = await page.evaluate(
        () => window.__bench.keys.find((k) => !k.repeat && k.frameEnd !== null) ?? null,
      )
    }
    const afterFocus = focusKey(await snapshot(session))
    results.push({
      key,
      moved: beforeFocus !== afterFocus,
      keyToFrame: record ? record.frameEnd - record.eventTime : null,
      inputDelay: record ? record.seenAt - record.eventTime : null,
      handlerMs: record?.handlerMs ?? null,
      frameMs: record ? record.frameEnd - record.frameStart : null,
    })
  }
  await page.evaluate(() => {
    window.__bench.keyArmed = false
  })
  const counted = results.filter((r) => r.moved && r.keyToFrame !== null).map((r) => r.keyToFrame)
  return {
    presses: results.length,
    counted: counted.length,
    median: median(counted),
    // The household's first key after start: code paths and textures not used yet.
    first: results[0]?.keyToFrame ?? null,
    p90: percentile(counted, 90),
    max: max(counted),
    handlerMedian: median(results.filter((r) => r.moved).map((r) => r.handlerMs)),
    inputDelayMedian: median(results.filter((r) => r.moved).map((r) => r.inputDelay)),
    frameMedian: median(results.filter((r) => r.moved).map((r) => r.frameMs)),
    unsettled,
    results,
  }
}

/**
 * Holds ArrowRight on the longest rail for `holdMs` (auto-repeat every 33 ms, as a remote does;
 * at the end of the rail it holds ArrowLeft instead) and times every animation frame: the JS of
 * its requestAnimationFrame callbacks plus the key handlers that ran since the previous frame.
 */
export async function measureHold(session, holdMs) {
  const { page, cdp } = session
  await ensureHomeTop(session)
  const start = await snapshot(session)
  // Go down to the rail with the most titles (at most 4 rails down, to keep it short).
  const rails = start.page.rails
  let target = 0
  rails.slice(0, 5).forEach((rail, i) => {
    if (rail.count > rails[target].count) target = i
  })
  for (let i = 0; i < target; i++) await press(session, 'ArrowDown', { gapMs: 200 })
  await sleep(600)
  const count = rails[target].count
  const dropsBefore = (await snapshot(session)).keys.dropped
  await page.evaluate(() => {
    window.__bench.takeFrames()
    window.__bench.recordFrames = true
  })
  const started = Date.now()
  let key = 'ArrowRight'
  let moves = 0
  let lastIndex = (await snapshot(session)).page.index
  await keyDown(cdp, key)
  let n = 0
  while (Date.now() - started < holdMs) {
    await sleep(33)
    await keyDown(cdp, key, true)
    if (++n % 15 === 0) {
      const s = await snapshot(session)
      const index = s.page.index
      moves += Math.abs(index - lastIndex)
      lastIndex = index
      const atEnd = key === 'ArrowRight' ? index >= count - 2 : index <= 1
      if (atEnd) {
        await keyUp(cdp, key)
        key = key === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight'
        await keyDown(cdp, key)
      }
    }
  }
  await keyUp(cdp, key)
  const elapsed = Date.now() - started
  const raw = await page.evaluate(() => {
    window.__bench.recordFrames = false
    return window.__bench.takeFrames()
  })
  const end = await snapshot(session)
  moves += Math.abs(end.page.index - lastIndex)
  const frames = new Map()
  for (let i = 0; i < raw.length; i += 4) {
    const [timestamp, cbStart, cbEnd, input] = raw.slice(i, i + 4)
    frames.set(timestamp, (frames.get(timestamp) ?? 0) + (cbEnd - cbStart) + input)
  }
  const js = [...frames.values()]
  return {
    heldMs: elapsed,
    frames: js.length,
    fps: js.length / (elapsed / 1000),
    p95: percentile(js, 95),
    median: median(js),
    max: max(js),
    moves,
    dropped: end.keys.dropped - dropsBefore,
  }
}

/** Back to home, focus on the first rail. */
export async function ensureHomeTop(session) {
  let s = await snapshot(session)
  for (let i = 0; i < 4 && s.page?.screen !== 'home'; i++) {
    await press(session, 'Backspace', { gapMs: 400 })
    s = await snapshot(session)
  }
  if (s.page?.screen !== 'home') {
    // Back did not get there (an app bug): use the deep link, so the measurement can go on.
    session.backFailures = (session.backFailures ?? 0) + 1
    await session.page.evaluate(() => {
      window.location.hash = '#home'
    })
    await waitForScreen(session, 'home').catch(() => {})
    s = await snapshot(session)
  }
  if (s.page?.screen !== 'home') throw new AppError(`cannot get back to home (on ${s.route})`)
  if (s.page.area === 'topbar') {
    await press(session, 'ArrowDown', { gapMs: 150 })
    s = await snapshot(session)
  }
  for (let i = 0; i < 40 && s.page.railIndex > 0; i++) {
    await press(session, 'ArrowUp', { gapMs: 150 })
    s = await snapshot(session)
  }
  await sleep(400)
}

/**
 * Scripted navigation for `durationMs`: through every rail (a few steps along it, further on
 * each visit), into the details of the focused title (a few moves there), Back, next rail; after
 * the last rail back up to the first. Returns how much it did.
 */
export async function navigate(session, durationMs, { onCycle } = {}) {
  const deadline = Date.now() + durationMs
  const direction = new Map()
  let details = 0
  let keys = 0
  let cycles = 0
  const tap = async (key, gapMs = 110) => {
    keys++
    await press(session, key, { holdMs: 50, gapMs })
  }
  await ensureHomeTop(session)
  while (Date.now() < deadline) {
    let s = await snapshot(session)
    const railCount = s.page.rails.length
    for (let r = 0; r < railCount && Date.now() < deadline; r++) {
      s = await snapshot(session)
      const rail = s.page.rails[s.page.railIndex]
      let dir = direction.get(rail.id) ?? 'ArrowRight'
      if (s.page.index >= rail.count - 1) dir = 'ArrowLeft'
      if (s.page.index === 0) dir = 'ArrowRight'
      direction.set(rail.id, dir)
      for (let k = 0; k < 5; k++) await tap(dir)
      await tap('Enter', 50)
      try {
        await waitForScreen(session, 'details')
      } catch {
        throw new AppError('Enter on a home tile did not open the details screen')
      }
      details++
      await sleep(500)
      for (const key of ['ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowUp'])
        await tap(key, 150)
      await tap('Backspace', 50)
      try {
        await waitForScreen(session, 'home')
      } catch {
        throw new AppError('Back on details did not return to home')
      }
      await sleep(300)
      if (r < railCount - 1) await tap('ArrowDown', 200)
    }
    for (let r = 0; r < railCount - 1 && Date.now() < deadline; r++) await tap('ArrowUp', 150)
    cycles++
    await onCycle?.(cycles)
  }
  await ensureHomeTop(session)
  return { keys, details, cycles }
}

/** A fresh load of the app at a deep link (`details/<id>`), resolved once `screen` shows. */
export async function openDeepLink(session, url, route, screen) {
  await session.page.goto(`${url}#${route}`, { waitUntil: 'commit' })
  await session.page.waitForFunction(() => window.__belgica?.ready === true, null, {
    timeout: 60_000,
    polling: 100,
  })
  if (screen) await waitForScreen(session, screen)
}

/**
 * OK on Play in a title's details to its first video frame: from the Enter keydown's timestamp to
 * the presentation time of the first frame (requestVideoFrameCallback). `cold` is the first
 * playback after a fresh start (Shaka Player is downloaded and compiled then), `warm` the second.
 */
export async function measurePlayback(
  session,
  url,
  titleId,
  { warm = true, timeoutMs = 30_000 } = {},
) {
  const { page, cdp } = session
  await openDeepLink(session, url, `details/${titleId}`, 'details')
  const once = async () => {
    const s = await snapshot(session)
    if (s.page?.screen !== 'details' || s.page.action !== 'play') {
      throw new AppError(
        `expected the details of ${titleId} with Play focused, got ${JSON.stringify(s.page)}`,
      )
    }
    await sleep(1000)
    await page.evaluate(() => {
      window.__bench.takeKeys()
      window.__bench.keyArmed = true
      window.__bench.armVideo()
    })
    const requestsBefore = session.requests.length
    await keyDown(cdp, 'Enter')
    await sleep(60)
    await keyUp(cdp, 'Enter')
    try {
      await page.waitForFunction(() => window.__bench.videoFirstFrame !== null, null, {
        timeout: timeoutMs,
        polling: 50,
      })
    } catch {
      const state = await snapshot(session)
      throw new AppError(
        `no video frame within ${timeoutMs / 1000}s after Play: ${JSON.stringify(state?.page)}`,
      )
    }
    const transferred = (await session.finishedRequests())
      .slice(requestsBefore)
      .reduce((sum, r) => sum + r.bytes, 0)
    const result = await page.evaluate(() => {
      const key = window.__bench.keys.find((k) => k.keyCode === 13)
      window.__bench.keyArmed = false
      return {
        key,
        frame: window.__bench.videoFirstFrame,
        player: window.__belgica.snapshot().page,
      }
    })
    return {
      ms: result.frame.presentationTime - result.key.eventTime,
      via: result.frame.via,
      url: result.player?.url ?? null,
      transferBytes: transferred,
    }
  }
  const cold = await once()
  let second = null
  let backProblem = null
  if (warm) {
    await sleep(1500)
    // Back closes the player's overlay first when it shows, then stops, as the issue asks: press
    // again while still in the player, as a household would.
    for (let presses = 0; presses < 3; presses++) {
      await press(session, 'Backspace', { gapMs: 300 })
      if ((await snapshot(session))?.page?.screen !== 'player') break
    }
    try {
      await waitForScreen(session, 'details', 5_000)
    } catch {
      // Back did not leave the player: reach the details by deep link, to still time a warm start.
      backProblem = `Back in the player did not return to the details (route ${(await snapshot(session))?.route})`
      await page.evaluate((id) => {
        window.location.hash = `#details/${id}`
      }, titleId)
      await waitForScreen(session, 'details')
    }
    second = await once()
  }
  await sleep(500)
  return {
    cold: cold.ms,
    warm: second?.ms ?? null,
    url: cold.url,
    via: cold.via,
    coldTransferBytes: cold.transferBytes,
    backProblem,
  }
}

/** JS per animation frame from the probe's raw records (frame time, callback span, input). */
function frameJs(raw) {
  const frames = new Map()
  for (let i = 0; i < raw.length; i += 4) {
    const [timestamp, cbStart, cbEnd, input] = raw.slice(i, i + 4)
    frames.set(timestamp, (frames.get(timestamp) ?? 0) + (cbEnd - cbStart) + input)
  }
  return [...frames.values()]
}

/**
 * Serves the build's channel list padded to `count` channels (copies of the real ones under new
 * ids and numbers) and the embedded guide's schedule with the same programmes for the copies, so
 * a 100-channel guide costs what a real one would: every row full of programmes.
 */
export async function routeManyChannels(session, count) {
  const copies = new Map()
  await session.context.route('**/catalogue/live.json', async (route) => {
    const response = await route.fetch()
    const list = await response.json()
    const real = list.channels
    for (let i = real.length; i < count; i++) {
      const source = real[i % real.length]
      const id = `${source.id}-${i}`
      copies.set(id, source.id)
      list.channels.push({ ...source, id, number: 100 + i, name: `${source.name} ${i}` })
    }
    await route.fulfill({ response, json: list })
  })
  await session.context.route('**/guide/schedule.json', async (route) => {
    const response = await route.fetch()
    const schedule = await response.json()
    for (const [id, source] of copies) schedule.channels[id] = schedule.channels[source]
    await route.fulfill({ response, json: schedule })
  })
}

/**
 * The guide from home with the remote's Guide key: time until its first programmes are drawn
 * (the app's `guideOpen` mark), then the JS of each frame while Down is held through the
 * channels and Right through the programmes (auto-repeat every 33 ms, as a remote does).
 */
export async function measureGuide(session, { holdMs = 3000 } = {}) {
  const { page, cdp } = session
  await ensureHomeTop(session)
  const before = await page.evaluate(() => performance.now())
  await keyDown(cdp, 'Guide')
  await keyUp(cdp, 'Guide')
  await page.waitForFunction((t) => window.__belgica?.marks?.guideOpen > t, before, {
    timeout: 20_000,
    polling: 20,
  })
  const openMs = (await page.evaluate(() => window.__belgica.marks.guideOpen)) - before
  const opened = (await snapshot(session)).page
  await sleep(500)
  await page.evaluate(() => {
    window.__bench.takeFrames()
    window.__bench.recordFrames = true
  })
  const started = Date.now()
  for (const key of ['ArrowDown', 'ArrowRight']) {
    await keyDown(cdp, key)
    const from = Date.now()
    while (Date.now() - from < holdMs / 2) {
      await sleep(33)
      await keyDown(cdp, key, true)
    }
    await keyUp(cdp, key)
  }
  const elapsed = Date.now() - started
  const js = frameJs(
    await page.evaluate(() => {
      window.__bench.recordFrames = false
      return window.__bench.takeFrames()
    }),
  )
  const end = (await snapshot(session)).page
  return {
    openMs,
    channels: opened.channels,
    rows: end.renderedRows,
    cells: end.renderedCells,
    movedRows: end.row - opened.row,
    frames: js.length,
    p95: percentile(js, 95),
    median: median(js),
    max: max(js),
    heldMs: elapsed,
  }
}
