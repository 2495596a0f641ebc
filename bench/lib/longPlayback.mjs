// JS heap over a long playback: one film played without interruption, as a household watches a
// feature film, with a memory reading (after a forced GC) early on and at the end, and one each
// minute between, so growth can be told from warm-up.
import { AppError, keyDown, keyUp, memoryReading, openDeepLink, snapshot } from './scenarios.mjs'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Reading times in ms after the first frame: `earlyMs`, every whole minute between, `lateMs`. */
export function readingTimes(earlyMs, lateMs) {
  const times = [earlyMs]
  for (let t = Math.ceil((earlyMs + 1) / 60_000) * 60_000; t < lateMs; t += 60_000) times.push(t)
  if (lateMs > earlyMs) times.push(lateMs)
  return times
}

/**
 * Opens the title's details, presses OK on Play and, from its first video frame, takes the
 * readings. The title must last longer than `lateMs` (see media.mjs longFilmManifest).
 */
export async function measureLongPlayback(session, url, titleId, { earlyMs, lateMs, log }) {
  const { page, cdp } = session
  await openDeepLink(session, url, `details/${titleId}`, 'details')
  await sleep(1000)
  await page.evaluate(() => window.__bench.armVideo())
  await keyDown(cdp, 'Enter')
  await sleep(60)
  await keyUp(cdp, 'Enter')
  try {
    await page.waitForFunction(() => window.__bench.videoFirstFrame !== null, null, {
      timeout: 30_000,
      polling: 100,
    })
  } catch {
    throw new AppError(
      `long playback: no video frame within 30s: ${JSON.stringify((await snapshot(session))?.page)}`,
    )
  }
  const t0 = Date.now()
  const readings = []
  const problems = []
  for (const at of readingTimes(earlyMs, lateMs)) {
    await sleep(Math.max(0, t0 + at - Date.now()))
    const memory = await memoryReading(session)
    const player = (await snapshot(session))?.page ?? {}
    readings.push({
      atMs: at,
      heap: memory.heap,
      texture: memory.texture,
      renderer: memory.renderer,
      gpu: memory.gpu,
      state: player.state ?? null,
      currentTime: player.currentTime ?? null,
      buffered: player.buffered ?? null,
    })
    log?.(
      `    ${Math.round(at / 1000)}s: heap ${(memory.heap / 1e6).toFixed(2)} MB, ${player.state} at ${Math.round(player.currentTime ?? 0)}s`,
    )
    if (player.screen !== 'player' || player.error || player.state === 'ended')
      problems.push(`at ${Math.round(at / 1000)}s the player was ${player.state ?? player.screen}`)
  }
  const early = readings[0]
  const late = readings[readings.length - 1]
  return {
    readings,
    early,
    late,
    heapGrowthPct: early.heap ? ((late.heap - early.heap) / early.heap) * 100 : null,
    problems,
  }
}
