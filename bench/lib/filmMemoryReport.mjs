// Figures and tables of the film-memory mode (filmMemory.mjs): per series, growth of the renderer
// process, the JS heap and Lightning's textures over the film, measured after the first minute
// (warm-up: Shaka, the first segments, the decoder), by least-squares slope and end to end.
import { trend } from './soakTrend.mjs'

/** The growth target of issue 14: at most 2 % over a film, end to end after warm-up. */
export const FILM_GROWTH_TARGET_PCT = 2
/** Readings before this many seconds of the film are warm-up. */
export const WARM_UP_SECONDS = 60

/**
 * Growth of `key` over the readings taken from `warmUpSeconds` on: first and last value, slope
 * (per minute, least squares over those readings) and end-to-end growth in %. Readings whose
 * value is missing are left out.
 * @param {{ atSeconds: number }[]} readings
 */
export function growth(readings, key, warmUpSeconds = WARM_UP_SECONDS) {
  const points = readings
    .filter((r) => r.atSeconds >= warmUpSeconds && typeof r[key] === 'number')
    .map((r) => ({ t: r.atSeconds, [key]: r[key] }))
  const { first, last, slopePerMin, growthPct } = trend(points, key)
  return { from: first, to: last, slopePerMin, pct: growthPct }
}

/** Main-thread task seconds per second of film time between the first warm and the last reading. */
export function busyShare(readings, warmUpSeconds = WARM_UP_SECONDS) {
  const warm = readings.filter(
    (r) => r.atSeconds >= warmUpSeconds && typeof r.mainThreadSeconds === 'number',
  )
  if (warm.length < 2) return null
  const first = warm[0]
  const last = warm[warm.length - 1]
  const span = last.atSeconds - first.atSeconds
  return span > 0 ? (last.mainThreadSeconds - first.mainThreadSeconds) / span : null
}

/** The summary of one series: renderer PSS (and its parts), JS heap, textures, over target. */
export function summariseSeries(readings) {
  const renderer = growth(readings, 'renderer')
  return {
    renderer,
    rendererAnon: growth(readings, 'rendererAnon'),
    rendererShmem: growth(readings, 'rendererShmem'),
    heap: growth(readings, 'heap'),
    texture: growth(readings, 'texture'),
    /** Share of wall time the page's main thread was busy, over the readings after warm-up. */
    mainThreadBusy: busyShare(readings),
    overTarget: renderer.pct === null ? null : renderer.pct > FILM_GROWTH_TARGET_PCT,
  }
}

const mb = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : (bytes / 1e6).toFixed(1))
const signed = (n, digits) => (n === null ? 'n/a' : `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`)

/** One row per series: renderer start, end, slope, growth, verdict; JS heap slope. */
export function seriesRows(series) {
  return series.map((s) => {
    const r = s.summary.renderer
    return {
      id: s.id,
      label: s.label,
      start: mb(r.from),
      end: mb(r.to),
      slope: r.slopePerMin === null ? 'n/a' : signed(r.slopePerMin / 1e6, 2),
      pct: signed(r.pct, 1),
      verdict: s.summary.overTarget === null ? '' : s.summary.overTarget ? 'OVER' : 'ok',
      heapSlope:
        s.summary.heap.slopePerMin === null ? 'n/a' : signed(s.summary.heap.slopePerMin / 1e3, 0),
      busy:
        s.summary.mainThreadBusy === null || s.summary.mainThreadBusy === undefined
          ? 'n/a'
          : `${Math.round(s.summary.mainThreadBusy * 100)} %`,
      anonSlope:
        s.summary.rendererAnon.slopePerMin === null
          ? 'n/a'
          : signed(s.summary.rendererAnon.slopePerMin / 1e6, 2),
    }
  })
}

export function textReport(series) {
  const head = `  ${'series'.padEnd(34)} ${'start MB'.padStart(9)} ${'end MB'.padStart(9)} ${'MB/min'.padStart(8)} ${'growth'.padStart(8)}       anon MB/min  heap KB/min  main thread`
  const lines = seriesRows(series).map(
    (r) =>
      `  ${r.label.padEnd(34)} ${r.start.padStart(9)} ${r.end.padStart(9)} ${r.slope.padStart(8)} ${`${r.pct} %`.padStart(8)} ${r.verdict.padEnd(5)} ${r.anonSlope.padStart(11)} ${r.heapSlope.padStart(12)} ${r.busy.padStart(12)}`,
  )
  return [
    `renderer process (PSS) after ${WARM_UP_SECONDS} s of warm-up, target <= ${FILM_GROWTH_TARGET_PCT} % over the film:`,
    head,
    ...lines,
  ].join('\n')
}

const ranges = (list) =>
  list && list.length ? list.map(([a, b]) => `${Math.round(a)}-${Math.round(b)}`).join(' ') : '-'

export function markdownReport({ metaLines, series, notes }) {
  const rows = seriesRows(series)
  return [
    '# Film memory results',
    '',
    ...metaLines.map((l) => `- ${l}`),
    '',
    `Renderer process PSS, growth after the first ${WARM_UP_SECONDS} s (warm-up), target <= ${FILM_GROWTH_TARGET_PCT} %:`,
    '',
    '| series | start MB | end MB | slope MB/min | growth | | anonymous MB/min | JS heap KB/min | main thread busy |',
    '|---|---:|---:|---:|---:|---|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.start} | ${r.end} | ${r.slope} | ${r.pct} % | ${r.verdict} | ${r.anonSlope} | ${r.heapSlope} | ${r.busy} |`,
    ),
    '',
    ...(notes.length ? ['## Notes', '', ...notes.map((n) => `- ${n}`), ''] : []),
    ...series.flatMap((s) => [
      `## ${s.label}`,
      '',
      ...(s.problems.length ? [...s.problems.map((p) => `- problem: ${p}`), ''] : []),
      '| t (s) | film (s) | renderer MB | anon MB | shmem MB | JS heap MB | textures MB | video buffered (s) | appended MB | removed (s) | load |',
      '|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|',
      ...s.readings.map(
        (r) =>
          `| ${r.atSeconds} | ${r.currentTime === null ? 'n/a' : Math.round(r.currentTime)} | ${mb(r.renderer)} | ${mb(r.rendererAnon)} | ${mb(r.rendererShmem)} | ${mb(r.heap)} | ${mb(r.texture)} | ${ranges(r.videoBuffered)} | ${mb(r.appendedBytes)} | ${r.removedSeconds ?? 'n/a'} | ${r.load ?? 'n/a'} |`,
      ),
      '',
    ]),
  ].join('\n')
}
