// Soak mode: navigate and play in turns for a long time (30 minutes by default) in one page, and
// sample memory at a fixed interval (each sample after a forced garbage collection), so a leak
// shows as a slope. Heap growth is measured from the first sample after one full cycle (browse
// every rail, play a title): what the first cycle loads once (Shaka Player, fonts, the first
// textures) is warm-up, not a leak. The interval samples fall on whatever the cycle is doing (a
// details page, a film, home), and texture memory differs by screen far more than any leak would,
// so each cycle also ends with a reading at rest in the same place, home's first tile: growth
// between those compares like with like.
import { openSession, RESPONSE_BODIES_KEPT } from './browser.mjs'
import {
  AppError,
  keyDown,
  keyUp,
  measureStart,
  memoryReading,
  navigate,
  ensureHomeTop,
  press,
  snapshot,
  waitForIdle,
} from './scenarios.mjs'
import { compareHeapSnapshots, takeHeapSnapshot, textureReading } from './soakProbes.mjs'
import { secondHalf, trends } from './soakTrend.mjs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HEAP_DIR = fileURLToPath(new URL('../.work/heap', import.meta.url))
const PROBLEM_DIR = fileURLToPath(new URL('../.work/soak-problems', import.meta.url))
/** Screens kept per run: the first problems say what went wrong, later ones repeat it. */
const PROBLEM_EVIDENCE_LIMIT = 4

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
export const SOAK_HEAP_GROWTH_BUDGET_PCT = 2

async function playFor(session, titleId, playMs, onTrouble) {
  const { page, cdp } = session
  await page.evaluate((id) => {
    window.location.hash = `#details/${id}`
  }, titleId)
  await page.waitForFunction(
    (id) =>
      window.__belgica?.snapshot().page?.id === id &&
      window.__belgica.snapshot().page.screen === 'details',
    titleId,
    { timeout: 15_000, polling: 100 },
  )
  await sleep(800)
  await page.evaluate(() => window.__bench.armVideo())
  await keyDown(cdp, 'Enter')
  await sleep(60)
  await keyUp(cdp, 'Enter')
  let started = true
  try {
    await page.waitForFunction(() => window.__bench.videoFirstFrame !== null, null, {
      timeout: 30_000,
      polling: 200,
    })
  } catch {
    started = false
  }
  await sleep(playMs)
  const after = (await snapshot(session))?.page
  // The sample films are minutes long and each play resumes the last: one that reaches its end
  // inside the play period is back on its details by itself, which is the app doing its job.
  const ended = after?.screen === 'details' && after.id === titleId
  const state = ended ? 'ended' : (after?.state ?? null)
  if (!started || (state !== 'playing' && state !== 'ended'))
    await onTrouble?.(started ? state : 'no video frame')
  let left = true
  if (after?.screen === 'player') {
    await press(session, 'Backspace', { gapMs: 800 })
    left = (await snapshot(session))?.page?.screen !== 'player'
    if (!left) await onTrouble?.('Back did not leave the player')
  }
  // Back on details goes home; one Back too many would ask whether to leave the app.
  if (left && (await snapshot(session))?.page?.screen === 'details') {
    await press(session, 'Backspace', { gapMs: 800 })
  }
  if ((await snapshot(session))?.page?.screen !== 'home') {
    await page.evaluate(() => {
      window.location.hash = '#home'
    })
    await sleep(800)
  }
  return { started, state, backLeftPlayer: left }
}

/**
 * Films every cycle can play: for all ages (a rated film asks for the parental PIN, and the soak
 * then measured a PIN screen, not a playback, with Shaka first loaded cycles later, counted as
 * growth) and free or in the household's pass (a rental would stop at the purchase screen).
 */
export function soakFilms(titles) {
  return titles
    .filter(
      (t) =>
        t.kind === 'film' &&
        (t.stream?.dash || t.stream?.hls) &&
        t.rating?.csa === 'TP' &&
        (t.offers ?? [{ type: 'free' }]).some(
          (o) => o.type === 'free' || o.type === 'subscription',
        ),
    )
    .map((t) => t.id)
}

const SPARK = '▁▂▃▄▅▆▇█'
function sparkline(values) {
  const v = values.filter((x) => Number.isFinite(x))
  if (!v.length) return ''
  const lo = Math.min(...v)
  const hi = Math.max(...v)
  return v
    .map((x) => SPARK[hi === lo ? 0 : Math.round(((x - lo) / (hi - lo)) * (SPARK.length - 1))])
    .join('')
}

/** Home's first tile, settled: the place every cycle's reading at rest is taken. */
async function restOnHome(session) {
  await ensureHomeTop(session)
  for (let i = 0; i < 40 && (await snapshot(session)).page?.index > 0; i++)
    await press(session, 'ArrowLeft', { gapMs: 150 })
  await waitForIdle(session)
  // Artwork arrives after the keys' frames: let the billboard's backdrop and posters land.
  await sleep(1_500)
}

export async function runSoak(env, { log }) {
  const { options, prepared } = env
  const durationMs = options.soak
  const sampleMs = options.sample ?? Math.max(10_000, Math.round(durationMs / 60))
  const films = soakFilms(prepared.baseCatalogue.titles)
  if (!films.length) throw new AppError('soak: the catalogue has no playable film')
  const session = await openSession({ ...env.browser, cpu: options.cpu, networkRecords: false })
  const samples = []
  const problems = session.responseBodiesLimited ? [] : [RESPONSE_BODIES_KEPT]
  let phase = 'start'
  let cycles = 0
  let plays = 0
  /** Plays that reached the film's end inside the play period (short sample films). */
  let endedEarly = 0
  let warmAt = null
  const heapSnapshots = []
  const runStamp = new Date().toISOString().replace(/[:.]/g, '-')
  /**
   * A problem with what the screen showed and what the app reported at that moment, so a failure
   * half an hour in can be explained without running the half hour again.
   */
  let evidenceCount = 0
  const evidence = async (text) => {
    if (++evidenceCount > PROBLEM_EVIDENCE_LIMIT) return
    const base = path.join(PROBLEM_DIR, `soak-${runStamp}-${evidenceCount}`)
    try {
      await mkdir(PROBLEM_DIR, { recursive: true })
      await session.page.screenshot({ path: `${base}.png` })
      const state = await snapshot(session)
      await writeFile(`${base}.json`, JSON.stringify({ problem: text, state }, null, 2))
      log(`  problem: ${text} (evidence: ${base}.png)`)
    } catch (error) {
      log(`  problem: ${text} (no evidence: ${error.message})`)
    }
  }
  const problem = async (text) => {
    problems.push(text)
    await evidence(text)
  }
  try {
    log(`soak: ${durationMs / 60_000} min, a memory sample every ${sampleMs / 1000}s`)
    await measureStart(session, prepared.servers.base, { visual: false })
    const t0 = Date.now()
    /** `atRest`: the reading that ends a cycle (or the run) on home's first tile. */
    const sample = async (atRest = false) => {
      const m = await memoryReading(session)
      const s = await snapshot(session)
      const textures = await textureReading(session)
      const point = {
        t: Math.round((Date.now() - t0) / 100) / 10,
        phase,
        atRest,
        route: s?.route ?? '',
        heap: m.heap,
        texture: m.texture,
        renderer: m.renderer,
        rendererAnon: m.rendererAnon,
        rendererFile: m.rendererFile,
        gpu: m.gpu,
        domNodes: m.domNodes,
        // Texture memory without Lightning's idle cache (freed only under memory pressure).
        textureHeld: textures && m.texture !== null ? m.texture - textures.idlePixels : null,
        textures,
      }
      samples.push(point)
      log(
        `  ${String(point.t).padStart(6)}s  ${phase.padEnd(8)} heap ${(m.heap / 1e6).toFixed(2)} MB  texture ${(m.texture / 1e6).toFixed(1)} MB  renderer ${(m.renderer / 1e6).toFixed(0)} MB (anonymous ${m.rendererAnon === null ? 'n/a' : (m.rendererAnon / 1e6).toFixed(0)})`,
      )
    }
    await sample()
    let chain = Promise.resolve()
    /** A heap snapshot in turn with the readings, so the two never interleave. */
    const heapSnapshot = async (label) => {
      if (!options.heapSnapshots) return
      const file = path.join(HEAP_DIR, `soak-${runStamp}-${label}.heapsnapshot`)
      chain = chain.then(async () => {
        const t = Date.now()
        await takeHeapSnapshot(session.cdp, file, { cpu: options.cpu })
        heapSnapshots.push({ label, file })
        log(`  heap snapshot "${label}" in ${((Date.now() - t) / 1000).toFixed(1)}s: ${file}`)
      })
      await chain
    }
    const timer = setInterval(() => {
      chain = chain
        .then(() => sample())
        .catch((error) => problems.push(`sample failed: ${error.message}`))
    }, sampleMs)
    const deadline = t0 + durationMs
    try {
      while (Date.now() < deadline) {
        phase = 'navigate'
        try {
          await navigate(session, Math.min(60_000, deadline - Date.now()))
        } catch (error) {
          // One key that did not land must not throw away half an hour of readings.
          if (!(error instanceof AppError)) throw error
          await problem(`navigation at ${Math.round((Date.now() - t0) / 1000)}s: ${error.message}`)
          await session.page.evaluate(() => {
            window.location.hash = '#home'
          })
          await sleep(2_000)
        }
        if (Date.now() >= deadline) break
        phase = 'play'
        const title = films[plays % films.length]
        const played = await playFor(
          session,
          title,
          Math.min(30_000, Math.max(5_000, deadline - Date.now())),
          (state) => evidence(`in the player of ${title}: ${state}`),
        )
        plays++
        const at = `${Math.round((Date.now() - t0) / 1000)}s`
        if (!played.started)
          problems.push(`playback of ${title} showed no video frame within 30s (${at})`)
        else if (played.state === 'ended') endedEarly++
        else if (played.state !== 'playing')
          problems.push(`playback of ${title} was "${played.state}" after its play period (${at})`)
        if (!played.backLeftPlayer)
          await problem(`Back in the player did not leave it (${title}); went home by deep link`)
        cycles++
        if (warmAt === null) warmAt = (Date.now() - t0) / 1000
        phase = 'home'
        await restOnHome(session)
        phase = 'rest'
        await (chain = chain.then(() => sample(true)))
        if (cycles <= 2) await heapSnapshot(`cycle${cycles}`)
      }
    } finally {
      clearInterval(timer)
      await chain
    }
    phase = 'end'
    // End where each cycle ends, at rest on home, so the last reading compares with the others.
    await restOnHome(session)
    await sample(true)
    await heapSnapshot('end')
  } finally {
    await session.close()
  }
  const heapComparison = await compareHeapSnapshots(heapSnapshots).catch((error) => {
    problems.push(`heap snapshot comparison failed: ${error.message}`)
    return { comparisons: [], markdown: [] }
  })

  let warm = warmAt === null ? samples.slice(1) : samples.filter((s) => s.t >= warmAt)
  if (warm.length < 2) warm = samples
  const overall = trends(warm)
  const { heap } = overall
  // At rest, from the reading that ends the first cycle to the last, and over the second half.
  // An interval reading that happens to fall while the cycle rests is not one of these.
  const rest = samples.filter((s) => s.atRest)
  const atRest = trends(rest)
  const restLate = secondHalf(rest)
  const atRestLate = trends(restLate)
  const overBudget = heap.growthPct === null ? null : heap.growthPct > SOAK_HEAP_GROWTH_BUDGET_PCT
  const summary = {
    durationMs,
    sampleMs,
    cycles,
    plays,
    endedEarly,
    warmFromSeconds: warmAt,
    ...overall,
    atRest,
    restReadings: rest.length,
    atRestSecondHalf: atRestLate,
    restSecondHalfFromSeconds: restLate[0]?.t ?? null,
    heapGrowthBudgetPct: SOAK_HEAP_GROWTH_BUDGET_PCT,
    overBudget,
    problems,
  }
  const fmt = (t, unit, scale) => [
    t.first === null
      ? 'n/a'
      : `${(t.first / scale).toFixed(2)} -> ${(t.last / scale).toFixed(2)} ${unit}`,
    t.growthPct === null ? 'n/a' : `${t.growthPct >= 0 ? '+' : ''}${t.growthPct.toFixed(2)} %`,
    t.slopePerMin === null
      ? 'n/a'
      : unit === 'M px'
        ? `${t.slopePerMin >= 0 ? '+' : ''}${(t.slopePerMin / 1e6).toFixed(3)} M px/min`
        : Math.abs(t.slopePerMin) >= 1e6
          ? `${t.slopePerMin >= 0 ? '+' : ''}${(t.slopePerMin / 1e6).toFixed(2)} MB/min`
          : `${t.slopePerMin >= 0 ? '+' : ''}${(t.slopePerMin / 1000).toFixed(1)} KB/min`,
  ]
  const budget = (t) =>
    t.growthPct === null
      ? ['', '']
      : [
          `<= ${SOAK_HEAP_GROWTH_BUDGET_PCT} %`,
          t.growthPct > SOAK_HEAP_GROWTH_BUDGET_PCT ? 'OVER' : 'ok',
        ]
  /** One row per series of `t`; a budget column for the series named in `budgeted`. */
  const seriesRows = (t, budgeted) => {
    const row = (label, key, unit) => [
      label,
      ...fmt(t[key], unit, 1e6),
      ...(budgeted.includes(key) ? budget(t[key]) : ['', '']),
    ]
    return [
      row('JS heap (after GC)', 'heap', 'MB'),
      // Lightning counts texture pixels (width x height): x4 for RGBA bytes.
      row('Lightning textures', 'texture', 'M px'),
      row('  without idle cache', 'textureHeld', 'M px'),
      row('renderer process (PSS)', 'renderer', 'MB'),
      // A leak shows in anonymous memory. File-backed pages are Chromium's code and fonts, whose
      // proportional share moves with how many other processes map the same files.
      row('  anonymous', 'rendererAnon', 'MB'),
      row('  file-backed', 'rendererFile', 'MB'),
      row('GPU process (PSS)', 'gpu', 'MB'),
    ]
  }
  const restRows = (title, t) => [
    [title, '', '', '', '', ''],
    ...seriesRows(t, ['heap', 'texture', 'renderer', 'rendererAnon']),
  ]
  const lines = [
    ...seriesRows(overall, ['heap']),
    ...restRows(`at rest on home (${rest.length} readings, one per cycle):`, atRest),
    // Too few cycles to have a second half worth a line (a short trial soak).
    ...(rest.length >= 4
      ? restRows(
          `at rest, second half (${restLate.length} readings from ${restLate[0]?.t ?? 0}s):`,
          atRestLate,
        )
      : []),
  ]
  const text = [
    `soak: ${cycles} cycles (${plays} playbacks, ${endedEarly} reached the film's end), ${samples.length} samples; growth measured from ${warmAt === null ? 'the first sample' : `${warmAt.toFixed(0)}s (after the first full cycle)`}`,
    ...lines.map(
      (l) =>
        `  ${l[0].padEnd(24)} ${l[1].padEnd(22)} ${l[2].padStart(10)} ${l[3].padStart(16)}  ${l[4]} ${l[5]}`,
    ),
    `  heap     ${sparkline(samples.map((s) => s.heap))}`,
    `  textures ${sparkline(samples.map((s) => s.texture))}`,
    // What the snapshots say grew: compiled code is V8 at work, not objects the app holds.
    ...heapComparison.comparisons.map(
      (c) =>
        `  snapshots ${c.from} -> ${c.to}: ${c.categories
          .map((k) => `${k.category} ${k.delta >= 0 ? '+' : ''}${(k.delta / 1000).toFixed(0)} KB`)
          .join(', ')}`,
    ),
    ...problems.map((p) => `  problem: ${p}`),
  ].join('\n')
  const markdown = (metaLines) =>
    [
      '# Soak results',
      '',
      ...metaLines.map((l) => `- ${l}`),
      `- soak: ${durationMs / 60_000} min, ${cycles} cycles (browse every rail and details, then play a film 30 s), ${plays} playbacks (${endedEarly} reached the film's end and went back to its details by themselves), a sample every ${sampleMs / 1000} s (after a forced GC)`,
      '',
      '| | warm start -> end | growth | slope | budget | |',
      '|---|---:|---:|---:|---:|---|',
      ...lines.map((l) => `| ${l.join(' | ')} |`),
      '',
      `Heap: \`${sparkline(samples.map((s) => s.heap))}\``,
      '',
      `Textures: \`${sparkline(samples.map((s) => s.texture))}\``,
      '',
      ...(problems.length ? ['Problems:', '', ...problems.map((p) => `- ${p}`), ''] : []),
      '| t (s) | phase | route | JS heap (MB) | textures (MB) | idle cache (MB) | sources | left page | renderer (MB) | anonymous (MB) | file-backed (MB) | GPU process (MB) |',
      '|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...samples.map(
        (s) =>
          `| ${s.t} | ${s.phase} | ${s.route} | ${(s.heap / 1e6).toFixed(2)} | ${(s.texture / 1e6).toFixed(1)} | ${s.textures ? (s.textures.idlePixels / 1e6).toFixed(1) : 'n/a'} | ${s.textures?.count ?? 'n/a'} | ${s.textures?.leftPage ?? 'n/a'} | ${s.renderer ? (s.renderer / 1e6).toFixed(0) : 'n/a'} | ${s.rendererAnon ? (s.rendererAnon / 1e6).toFixed(0) : 'n/a'} | ${s.rendererFile ? (s.rendererFile / 1e6).toFixed(0) : 'n/a'} | ${s.gpu ? (s.gpu / 1e6).toFixed(0) : 'n/a'} |`,
      ),
      '',
      ...textureGroupsMarkdown(samples[samples.length - 1]?.textures),
      ...heapComparison.markdown,
    ].join('\n')
  return {
    sampleMs,
    summary,
    samples,
    heapSnapshots: heapComparison.comparisons,
    text,
    markdown,
  }
}

/** The texture groups of one reading (Lightning counts pixels: 4 bytes each in RGBA). */
function textureGroupsMarkdown(textures) {
  if (!textures) return []
  return [
    '## Textures at the last reading',
    '',
    `${textures.count} sources, ${(textures.pixels / 1e6).toFixed(2)} M pixels, of which idle (no element, kept until Lightning's memory pressure) ${textures.idle} / ${(textures.idlePixels / 1e6).toFixed(2)} M pixels; ${textures.leftPage} shown by a page the user has left.`,
    '',
    '| group | sources | M pixels | drawn | held out of view | idle | idle M pixels | left page | shown by |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...textures.groups.map(
      (g) =>
        `| \`${g.group}\` | ${g.count} | ${(g.pixels / 1e6).toFixed(2)} | ${g.active} | ${g.held} | ${g.idle} | ${(g.idlePixels / 1e6).toFixed(2)} | ${g.leftPage} | ${(g.holders ?? []).map((h) => `${h.holder} (${h.sources})`).join(', ')} |`,
    ),
    '',
  ]
}
