// Live zap time: the live channels of scripts/live.mjs (ffmpeg in real time) played by the app at
// #live/<id>, and channel up pressed several times; each zap is timed from the key's keydown to the
// first video frame of the new channel.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { median } from './stats.mjs'
import { AppError, keyDown, keyUp, openDeepLink, snapshot } from './scenarios.mjs'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `node scripts/live.mjs <outDir>` and resolves once every channel has segments. The
 * generator stops (and kills its ffmpeg processes) when its stdin closes, so it also goes away
 * when the benchmark is killed outright. `stop()` closes stdin and waits for it.
 */
export function startLiveGenerator({ root, outDir, timeoutMs = 40_000 }) {
  const child = spawn(process.execPath, [path.join(root, 'scripts/live.mjs'), outDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk) => (output = (output + chunk).slice(-2000))
  child.stderr.on('data', keep)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.stdin.end()
    const timers = [
      setTimeout(() => child.kill('SIGTERM'), 6_000),
      setTimeout(() => child.kill('SIGKILL'), 12_000),
    ]
    await exited
    timers.forEach(clearTimeout)
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop().finally(() => reject(new Error(`live generator not ready in ${timeoutMs / 1000}s`)))
    }, timeoutMs)
    child.stdout.on('data', (chunk) => {
      keep(chunk)
      if (/^live:/m.test(output)) {
        clearTimeout(timer)
        resolve({ stop, pid: child.pid })
      }
    })
    exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`live generator exited (${code}): ${output.trim().slice(-300)}`))
    })
  })
}

async function waitPlaying(session, id, timeoutMs) {
  await session.page.waitForFunction(
    (channel) => {
      const p = window.__belgica?.snapshot().page
      return p?.screen === 'player' && p.id === channel && p.state === 'playing' && p.live
    },
    id,
    { timeout: timeoutMs, polling: 100 },
  )
}

/**
 * Opens `#live/<first channel>`, waits for playback, then `zaps` times: watches `watchMs`, presses
 * channel up (PageUp, keyCode 33 in the browser keymap) and waits for the first frame from the
 * new source. Returns each zap and the median.
 */
export async function measureZaps(
  session,
  url,
  { channels, zaps, watchMs = 3_000, timeoutMs = 30_000 },
) {
  const { page, cdp } = session
  await openDeepLink(session, url, `live/${channels[0]}`)
  try {
    await waitPlaying(session, channels[0], timeoutMs)
  } catch {
    throw new AppError(
      `live channel ${channels[0]} did not play within ${timeoutMs / 1000}s: ${JSON.stringify((await snapshot(session))?.page)}`,
    )
  }
  const results = []
  for (let i = 0; i < zaps; i++) {
    await sleep(watchMs)
    const from = (await snapshot(session)).page.id
    const to = channels[(channels.indexOf(from) + 1) % channels.length]
    await page.evaluate(() => {
      window.__bench.takeKeys()
      window.__bench.keyArmed = true
      window.__bench.armZap()
    })
    await keyDown(cdp, 'PageUp')
    await sleep(60)
    await keyUp(cdp, 'PageUp')
    try {
      await page.waitForFunction(() => window.__bench.zapFrame() !== null, null, {
        timeout: timeoutMs,
        polling: 50,
      })
    } catch {
      throw new AppError(
        `zap ${from} -> ${to}: no frame of the new channel within ${timeoutMs / 1000}s: ${JSON.stringify((await snapshot(session))?.page)}`,
      )
    }
    const seen = await page.evaluate(() => {
      window.__bench.keyArmed = false
      return {
        key: window.__bench.keys.find((k) => k.keyCode === 33) ?? null,
        frame: window.__bench.zapFrame(),
        loadStartAt: window.__bench.zap.loadStartAt,
        page: window.__belgica.snapshot().page,
      }
    })
    if (!seen.key) throw new AppError('zap: the channel-up keydown was not seen by the page')
    // The app may show the new channel's frame before its state says 'playing'; wait for both,
    // so the next zap starts from steady playback of a known channel.
    await waitPlaying(session, to, timeoutMs).catch(() => {})
    const now = (await snapshot(session)).page
    results.push({
      from,
      to: now.id,
      expected: to,
      ms: seen.frame.presentationTime - seen.key.eventTime,
      sourceChangeMs: seen.loadStartAt === null ? null : seen.loadStartAt - seen.key.eventTime,
      frame: {
        width: seen.frame.width,
        height: seen.frame.height,
        mediaTime: seen.frame.mediaTime,
      },
    })
  }
  const wrong = results.filter((r) => r.to !== r.expected)
  return {
    zaps: results,
    median: median(results.map((r) => r.ms)),
    problem: wrong.length
      ? `${wrong.length} zap(s) ended on another channel than the next one (${wrong.map((r) => `${r.from}->${r.to}`).join(', ')})`
      : null,
  }
}
