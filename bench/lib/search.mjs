// The search scenario: letters typed on the on-screen keyboard, each timed from the key press to
// the frame that shows its results. The app waits SEARCH_DEBOUNCE_MS after a key on purpose (a
// word typed quickly asks once); what the household feels beyond that pause is measured from the
// moment the query is sent (the debounce's end) to that frame, and it is that figure the budget
// is on. Moving to each key is not timed.
import { max, median, percentile } from './stats.mjs'
import { keyDown, keyUp, press, snapshot, waitForIdle } from './scenarios.mjs'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function searchPage(session) {
  const s = await snapshot(session)
  return s?.page?.screen === 'search' ? s.page : null
}

/** Arrows to the key `id` of the on-screen keyboard, as a household moves. */
async function goToKey(session, id) {
  let page = await searchPage(session)
  const row = page.keyboard.rows.findIndex((keys) => keys.includes(id))
  if (row < 0) throw new Error(`no key ${id} on the ${page.keyboard.layout} keyboard`)
  for (let i = 0; i < 8 && page.keyboard.position.row !== row; i++) {
    await press(session, page.keyboard.position.row < row ? 'ArrowDown' : 'ArrowUp', {
      gapMs: 60,
    })
    page = await searchPage(session)
  }
  for (let i = 0; i < 14 && page.keyboard.focused !== id; i++) {
    await press(session, 'ArrowRight', { gapMs: 60 })
    page = await searchPage(session)
  }
  if (page.keyboard.focused !== id) throw new Error(`could not reach the key ${id}`)
}

/** The end of the first animation frame that started after `at` (performance.now()). */
async function frameEndAfter(session, at) {
  for (let tries = 0; tries < 40; tries++) {
    const end = await session.page.evaluate((after) => {
      const frames = window.__bench.frames
      for (let i = 0; i < frames.length; i += 4) if (frames[i + 1] >= after) return frames[i + 2]
      return null
    }, at)
    if (end !== null) return end
    await sleep(50)
  }
  return null
}

/**
 * When the answer to the search request for `query` sent at `sentAt` had fully arrived
 * (performance.now() time), or null when no such request was made.
 */
async function answerEnd(session, query, sentAt) {
  return session.page.evaluate(
    ([text, after]) => {
      const wanted = `q=${encodeURIComponent(text)}&`
      const entries = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/search?') && e.name.includes(wanted))
        .filter((e) => e.startTime >= after - 1 && e.responseEnd > 0)
      return entries.length ? entries[entries.length - 1].responseEnd : null
    },
    [query, sentAt],
  )
}

/**
 * Opens search by its route and types `query` `rounds` times (clearing between rounds), one timed
 * press per letter. Returns the medians and every press.
 */
export async function measureSearch(session, { query, rounds = 1, timeoutMs = 15_000 }) {
  const { page, cdp } = session
  await page.evaluate(() => {
    window.location.hash = '#search'
  })
  await page.waitForFunction(() => window.__belgica?.snapshot().page?.screen === 'search', null, {
    timeout: timeoutMs,
    polling: 50,
  })
  const presses = []
  for (let round = 0; round < rounds; round++) {
    if ((await searchPage(session)).query) {
      await goToKey(session, 'clear')
      await press(session, 'Enter')
    }
    let typed = ''
    for (const char of query) {
      await goToKey(session, char)
      await waitForIdle(session)
      typed += char
      await page.evaluate(() => {
        // The buffer holds 250 entries and drops later ones: artwork fills it long before.
        performance.clearResourceTimings()
        window.__bench.takeKeys()
        window.__bench.takeFrames()
        window.__bench.keyArmed = true
        window.__bench.recordFrames = true
      })
      await keyDown(cdp, 'Enter')
      await sleep(60)
      await keyUp(cdp, 'Enter')
      await page.waitForFunction(
        (text) => window.__belgica?.snapshot().page?.timing?.query === text,
        typed,
        { timeout: timeoutMs, polling: 20 },
      )
      const shown = (await searchPage(session)).timing
      const frameEnd = await frameEndAfter(session, shown.shownAt)
      const key = await page.evaluate(() => {
        window.__bench.keyArmed = false
        window.__bench.recordFrames = false
        return window.__bench.keys.find((k) => k.keyCode === 13) ?? null
      })
      const after = await searchPage(session)
      const answered = await answerEnd(session, typed, shown.sentAt)
      presses.push({
        query: typed,
        results: after.ids.length,
        status: after.status,
        keyToResults: key && frameEnd !== null ? frameEnd - key.eventTime : null,
        queryToResults: frameEnd !== null && shown.sentAt ? frameEnd - shown.sentAt : null,
        // The backend's share (request to last byte) and the app's (last byte to frame); null
        // when the search ran in the app (embedded catalogue, feeds) and there was no request.
        backendMs: answered !== null ? answered - shown.sentAt : null,
        answerToResults: answered !== null && frameEnd !== null ? frameEnd - answered : null,
      })
    }
  }
  const values = (name) => presses.map((p) => p[name]).filter((v) => v !== null)
  return {
    presses,
    keyToResults: {
      median: median(values('keyToResults')),
      p90: percentile(values('keyToResults'), 90),
      max: max(values('keyToResults')),
    },
    queryToResults: {
      median: median(values('queryToResults')),
      p90: percentile(values('queryToResults'), 90),
      max: max(values('queryToResults')),
    },
    backend: { median: median(values('backendMs')) },
    answerToResults: {
      median: median(values('answerToResults')),
      p90: percentile(values('answerToResults'), 90),
    },
    failed: presses.filter((p) => p.status === 'failed').length,
  }
}
