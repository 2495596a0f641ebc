// Live zap time: the channels of the build's live list, played by the app at #live/<id> from the
// project's live simulator, and channel up pressed several times; each zap is timed from the key's
// keydown to the first video frame of the new channel.
import { median } from './stats.mjs'
import { AppError, keyDown, keyUp, openDeepLink, snapshot } from './scenarios.mjs'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

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
 * Opens `#live/<first>`, waits for playback, then `zaps` times: watches `watchMs`, presses
 * channel up (PageUp, keyCode 33 in the browser keymap) and waits for the first frame from the
 * new source. `channels` is the whole list in channel-up order (which wraps). Returns each zap
 * and the median.
 */
export async function measureZaps(
  session,
  url,
  { channels, first = channels[0], zaps, watchMs = 3_000, timeoutMs = 30_000 },
) {
  const { page, cdp } = session
  await openDeepLink(session, url, `live/${first}`)
  try {
    await waitPlaying(session, first, timeoutMs)
  } catch {
    throw new AppError(
      `live channel ${first} did not play within ${timeoutMs / 1000}s: ${JSON.stringify((await snapshot(session))?.page)}`,
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
