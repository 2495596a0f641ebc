// Figure definitions (labels, units, budgets), the printed table and the Markdown report.
// Every figure is one number per run; the report shows the median over runs and the min-max.
import { summarise } from './stats.mjs'

/** Budgets the project aims for on a x4 CPU throttle (see bench/README-section.md). */
const B = {
  home: 1200,
  keyToFrame: 18,
  frameJs: 4,
  transferKB: 600,
  play: 1000,
  /** Beyond the debounce, a letter's results within three frames, at 10,000 titles too. */
  search: 50,
}

const startFigures = (prefix, scale) => [
  {
    id: `${prefix}start.firstPaint`,
    label: 'start: navigation -> first contentful paint',
    unit: 'ms',
  },
  {
    id: `${prefix}start.homeContent`,
    label: 'start: -> home rails drawn, before artwork (app)',
    unit: 'ms',
  },
  {
    id: `${prefix}start.homeArtwork`,
    label: 'start: -> home drawn with artwork (app-reported)',
    unit: 'ms',
    budget: B.home,
  },
  {
    id: `${prefix}start.homeVisual`,
    label: 'start: -> home visually complete (black-box)',
    unit: 'ms',
    budget: B.home,
  },
  {
    id: `${prefix}start.transferKB`,
    label: 'start: bytes transferred before home drawn',
    unit: 'KB',
    budget: scale ? undefined : B.transferKB,
  },
  { id: `${prefix}start.requests`, label: 'start: requests before home drawn', unit: '' },
  {
    id: `${prefix}start.fillScreens`,
    label: 'start: pixels drawn per frame on settled home',
    unit: 'screens',
  },
]

const remoteFigures = (prefix) => [
  {
    id: `${prefix}remote.keyToFrame.median`,
    label: 'remote: key -> frame, median',
    unit: 'ms',
    budget: B.keyToFrame,
  },
  { id: `${prefix}remote.keyToFrame.p90`, label: 'remote: key -> frame, p90', unit: 'ms' },
  {
    id: `${prefix}remote.keyToFrame.first`,
    label: 'remote: key -> frame, the first key after start',
    unit: 'ms',
  },
  { id: `${prefix}remote.keyToFrame.max`, label: 'remote: key -> frame, max', unit: 'ms' },
  {
    id: `${prefix}remote.frameJs.p95`,
    label: 'remote: JS per frame, key held, p95',
    unit: 'ms',
    budget: B.frameJs,
  },
  {
    id: `${prefix}remote.frameJs.median`,
    label: 'remote: JS per frame, key held, median',
    unit: 'ms',
  },
  {
    id: `${prefix}remote.holdFps`,
    label: 'remote: frames per second, key held',
    unit: 'fps',
    better: 'higher',
  },
]

/** Search: a letter typed on the on-screen keyboard -> the frame showing its results. */
const searchFigures = (prefix) => [
  {
    id: `${prefix}search.queryToResults.median`,
    label: 'search: query sent (after the 250 ms debounce) -> results frame, median',
    unit: 'ms',
    budget: B.search,
  },
  {
    id: `${prefix}search.queryToResults.p90`,
    label: 'search: query sent -> results frame, p90',
    unit: 'ms',
  },
  {
    id: `${prefix}search.backend.median`,
    label: 'search: of which waiting for the backend (request to last byte; HTTP only), median',
    unit: 'ms',
  },
  {
    id: `${prefix}search.answerToResults.median`,
    label: "search: answer received -> results frame (the app's own share; HTTP only), median",
    unit: 'ms',
  },
  {
    id: `${prefix}search.keyToResults.median`,
    label: 'search: key press -> results frame, debounce included, median',
    unit: 'ms',
  },
]

const memoryFigures = (prefix) => [
  { id: `${prefix}memory.heapStart`, label: 'memory: JS heap after start (after GC)', unit: 'MB' },
  {
    id: `${prefix}memory.heapAfterNav`,
    label: 'memory: JS heap after navigation (after GC)',
    unit: 'MB',
  },
  {
    id: `${prefix}memory.heapGrowthPct`,
    label: 'memory: JS heap growth over the navigation',
    unit: '%',
  },
  {
    id: `${prefix}memory.textureStart`,
    label: 'memory: Lightning textures (M pixels, x4 for RGBA bytes) after start',
    unit: 'Mpx',
  },
  {
    id: `${prefix}memory.textureAfterNav`,
    label: 'memory: Lightning textures (M pixels, x4 for RGBA bytes) after navigation',
    unit: 'Mpx',
  },
  {
    id: `${prefix}memory.renderer`,
    label: 'memory: renderer process (PSS) after navigation',
    unit: 'MB',
  },
  {
    id: `${prefix}memory.gpu`,
    label: 'memory: GPU process (PSS, SwiftShader) after navigation',
    unit: 'MB',
  },
]

/**
 * The weak-box pair: the same session at a harder CPU throttle (--weak-cpu, default x6), once in
 * the normal mode and once in lite mode, so the report shows what lite mode buys. No budgets:
 * the budgets are defined at x4; these rows are read against each other.
 */
const weakBoxFigures = (prefix, mode) =>
  [...startFigures(prefix, true), ...remoteFigures(prefix), ...memoryFigures(prefix)]
    .filter((def) => !/AfterNav|GrowthPct|renderer|gpu|requests/.test(def.id))
    .map(({ budget: _budget, ...def }) => ({ ...def, label: `weak box, ${mode}: ${def.label}` }))

/** Another app measured beside this one (--peer), and this app's figures over the peer's. */
const peerFigures = [
  { id: 'peer.start.firstPaint', label: 'peer: navigation -> first contentful paint', unit: 'ms' },
  { id: 'peer.start.homeVisual', label: 'peer: -> visually complete (black-box)', unit: 'ms' },
  { id: 'peer.start.transferKB', label: 'peer: bytes transferred before then', unit: 'KB' },
  { id: 'peer.remote.keyToFrame.median', label: 'peer: key -> frame, median', unit: 'ms' },
  { id: 'peer.remote.keyToFrame.first', label: 'peer: key -> frame, first key', unit: 'ms' },
  { id: 'peer.memory.heapStart', label: 'peer: JS heap after start (after GC)', unit: 'MB' },
  {
    id: 'ratio.start.homeVisual',
    label: 'this app / peer: visually complete home (issue 14 asks <= 0.6)',
    unit: 'x',
    budget: 0.6,
  },
  { id: 'ratio.start.firstPaint', label: 'this app / peer: first contentful paint', unit: 'x' },
  { id: 'ratio.start.transfer', label: 'this app / peer: bytes before home', unit: 'x' },
  { id: 'ratio.remote.keyToFrame.median', label: 'this app / peer: key -> frame', unit: 'x' },
  { id: 'ratio.remote.keyToFrame.first', label: 'this app / peer: first key', unit: 'x' },
  { id: 'ratio.memory.heapStart', label: 'this app / peer: JS heap after start', unit: 'x' },
]

export const FIGURES = [
  ...startFigures('', false),
  ...remoteFigures(''),
  ...searchFigures(''),
  ...memoryFigures(''),
  {
    id: 'playback.dash.cold',
    label: 'playback: OK on Play -> first frame, DASH, first play',
    unit: 'ms',
    budget: B.play,
  },
  {
    id: 'playback.dash.warm',
    label: 'playback: OK on Play -> first frame, DASH, second play',
    unit: 'ms',
  },
  {
    id: 'playback.dash.coldTransferKB',
    label: 'playback: bytes from Play to first frame, DASH, first play',
    unit: 'KB',
  },
  {
    id: 'playback.hls.cold',
    label: 'playback: OK on Play -> first frame, HLS, first play',
    unit: 'ms',
    budget: B.play,
  },
  {
    id: 'playback.hls.warm',
    label: 'playback: OK on Play -> first frame, HLS, second play',
    unit: 'ms',
  },
  {
    id: 'playback.live.zapMedian',
    label: 'live: channel up -> first frame of the next channel, median',
    unit: 'ms',
  },
  {
    id: 'guide.operator.openMs',
    label: "guide: Guide key on home -> programmes drawn, operator's channels",
    unit: 'ms',
  },
  {
    id: 'guide.operator.frameJsP95',
    label: "guide: JS per frame scrolling channels and time, p95, operator's channels",
    unit: 'ms',
  },
  {
    id: 'guide.100.openMs',
    label: 'guide: Guide key on home -> programmes drawn, 100 channels',
    unit: 'ms',
  },
  {
    id: 'guide.100.frameJsP95',
    label: 'guide: JS per frame scrolling channels and time, p95, 100 channels',
    unit: 'ms',
  },
  {
    id: 'playback.long.heapEarly',
    label: 'long playback: JS heap early (1 min; after GC)',
    unit: 'MB',
  },
  {
    id: 'playback.long.heapLate',
    label: 'long playback: JS heap at the end (10 min; after GC)',
    unit: 'MB',
  },
  {
    id: 'playback.long.heapGrowthPct',
    label: 'long playback: JS heap growth, early -> end',
    unit: '%',
  },
  {
    id: 'playback.long.textureEarly',
    label: 'long playback: Lightning textures (M pixels, x4 for RGBA bytes) early',
    unit: 'Mpx',
  },
  {
    id: 'playback.long.textureLate',
    label: 'long playback: Lightning textures (M pixels, x4 for RGBA bytes) at the end',
    unit: 'Mpx',
  },
  {
    id: 'playback.long.renderer',
    label: 'long playback: renderer process (PSS) at the end',
    unit: 'MB',
  },
  ...startFigures('scale.', true),
  ...remoteFigures('scale.'),
  ...searchFigures('scale.'),
  ...memoryFigures('scale.'),
  ...startFigures('scale.embedded.', true),
  ...remoteFigures('scale.embedded.'),
  ...searchFigures('scale.embedded.'),
  ...memoryFigures('scale.embedded.'),
  {
    id: 'scale.embedded.memory.heapRatio',
    label: "memory: JS heap after start, embedded scale catalogue / the base catalogue's",
    unit: 'x',
    budget: 1.5,
  },
  ...peerFigures,
  ...weakBoxFigures('weak.full.', 'normal mode'),
  ...weakBoxFigures('weak.lite.', 'lite mode'),
  ...weakBoxFigures('weak.es5.', 'es5 package'),
]

const byId = new Map(FIGURES.map((f) => [f.id, f]))
export const figureDefinition = (id) => byId.get(id) ?? { id, label: id, unit: '' }

/** figures: { id: number[] } (one value per run) -> rows with median/min/max and budget status. */
export function summariseFigures(valuesById) {
  const rows = []
  for (const def of FIGURES) {
    const values = valuesById[def.id]
    if (!values) continue
    const s = summarise(values)
    if (s.n === 0 && values.length === 0) continue
    const over =
      def.budget !== undefined && s.median !== null
        ? def.better === 'higher'
          ? s.median < def.budget
          : s.median > def.budget
        : null
    rows.push({
      id: def.id,
      label: def.label,
      unit: def.unit,
      budget: def.budget ?? null,
      better: def.better ?? 'lower',
      values,
      ...s,
      overBudget: over,
    })
  }
  return rows
}

export function format(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a'
  const digits =
    unit === 'ms'
      ? Math.abs(value) < 100
        ? 1
        : 0
      : unit === 'x' || unit === 'screens'
        ? 2
        : unit === 'MB' || unit === 'Mpx' || unit === '%' || unit === 'fps'
          ? 1
          : unit === 'KB'
            ? 0
            : 0
  return value.toFixed(digits)
}

const withUnit = (value, unit) => {
  const text = format(value, unit)
  return text === 'n/a' || !unit ? text : `${text} ${unit}`
}

function cells(row) {
  const range =
    row.n > 1 ? `${format(row.min, row.unit)}-${format(row.max, row.unit)}` : row.n === 1 ? '' : ''
  const budget =
    row.budget === null
      ? ''
      : `${row.better === 'higher' ? '>=' : '<='} ${withUnit(row.budget, row.unit)}`
  const status = row.overBudget === null ? '' : row.overBudget ? 'OVER' : 'ok'
  return [row.id, withUnit(row.median, row.unit), range, budget, status]
}

const HEAD = ['figure', 'median', 'min-max', 'budget', '']

export function textTable(rows) {
  const table = [HEAD, ...rows.map(cells)]
  const widths = HEAD.map((_, c) => Math.max(...table.map((r) => r[c].length)))
  const line = (r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd()
  return [
    line(table[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...table.slice(1).map(line),
  ].join('\n')
}

/** Base catalogue vs scale catalogue, side by side: the figures the scale run is about. */
const COMPARED = [
  ['start: home drawn with artwork (app)', 'start.homeArtwork'],
  ['start: home visually complete', 'start.homeVisual'],
  ['start: bytes before home drawn', 'start.transferKB'],
  ['JS heap after start', 'memory.heapStart'],
  ['JS heap after navigation', 'memory.heapAfterNav'],
  ['key -> frame, median', 'remote.keyToFrame.median'],
  ['JS per frame, key held, p95', 'remote.frameJs.p95'],
  ['textures after start', 'memory.textureStart'],
  ['textures after navigation', 'memory.textureAfterNav'],
]

function comparison(rows, meta) {
  const byId = new Map(rows.map((r) => [r.id, r]))
  if (!rows.some((r) => r.id.startsWith('scale.'))) return null
  const head = [
    'figure (median)',
    `${meta.catalogueTitles} titles (embedded)`,
    `${meta.scaleTitles} titles (http)`,
    `${meta.scaleTitles} titles (embedded, paged)`,
  ]
  const body = []
  for (const [label, id] of COMPARED) {
    const base = byId.get(id)
    const scale = byId.get(`scale.${id}`)
    const embedded = byId.get(`scale.embedded.${id}`)
    if (!base && !scale && !embedded) continue
    const unit = (base ?? scale ?? embedded).unit
    body.push([
      label,
      withUnit(base?.median, unit),
      withUnit(scale?.median, unit),
      withUnit(embedded?.median, unit),
    ])
  }
  return { head, body }
}

export function comparisonTable(rows, meta) {
  const table = comparison(rows, meta)
  if (!table) return null
  const all = [table.head, ...table.body]
  const widths = table.head.map((_, c) => Math.max(...all.map((r) => r[c].length)))
  const line = (r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')
  return [
    line(table.head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...table.body.map(line),
  ].join('\n')
}

export function markdownComparison(rows, meta) {
  const table = comparison(rows, meta)
  if (!table) return null
  return [
    `| ${table.head.join(' | ')} |`,
    '|---|---:|---:|---:|',
    ...table.body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n')
}

export function markdownTable(rows) {
  const lines = ['| figure | what | median | min-max | budget | |', '|---|---|---:|---:|---:|---|']
  for (const row of rows) {
    const [id, median, range, budget, status] = cells(row)
    lines.push(
      `| \`${id}\` | ${row.label} | ${median} | ${range} | ${budget} | ${status === 'OVER' ? '**over**' : status} |`,
    )
  }
  return lines.join('\n')
}

export function describeMeta(meta) {
  const m = meta.machine
  return [
    `date: ${meta.date}`,
    `machine: ${m.cpus} x ${m.cpuModel}, ${m.memoryGB} GB RAM, ${m.os}` +
      (meta.otherCpuPct !== undefined && meta.otherCpuPct !== null
        ? `; other processes used ${meta.otherCpuPct} % of its CPU time during the run`
        : ''),
    `browser: ${meta.chromium} (headless, --disable-gpu: WebGL through SwiftShader), 1920x1080`,
    `CPU throttling: x${meta.cpu} (DevTools Emulation.setCPUThrottlingRate on the page)` +
      (meta.weakCpu
        ? `; weak box (${meta.weakNormal === false ? 'lite mode' : 'normal and lite mode'}${meta.weakEs5 ? ', and the es5 package' : ''}) at x${meta.weakCpu}`
        : ''),
    ...(meta.peer ? [`peer: ${meta.peer} (black-box, interleaved with this app's sessions)`] : []),
    `build: ${meta.build}`,
    meta.mode === 'soak'
      ? `mode: soak`
      : `mode: ${meta.mode}, runs: ${meta.runs}, key presses: ${meta.presses}, key held: ${meta.holdMs / 1000}s, navigation: ${meta.navMs / 1000}s (scale ${meta.scaleNavMs / 1000}s) in ${meta.memoryRuns ?? meta.runs} run(s)`,
    `catalogue: ${meta.catalogueTitles} titles${meta.mode === 'soak' ? '' : `; scale: ${meta.scaleTitles ? `${meta.scaleTitles} titles through the HTTP backend (reference catalogue server, ${meta.scaleBackend?.rails?.length} rails, ${meta.scaleBackend?.pageSize} per page)` : 'skipped'}`}`,
    ...(meta.mode === 'soak'
      ? []
      : [
          `live: ${meta.zaps ? `${meta.zaps} channel changes` : 'skipped'}; long playback: ${meta.longPlayback ? `${meta.longPlayback.title} (${meta.longPlayback.filmSeconds}s film) read at ${meta.longPlayback.earlyMs / 1000}s and ${meta.longPlayback.lateMs / 1000}s` : 'skipped'}`,
        ]),
    `commit: ${meta.commit ?? 'unknown'}${meta.dirty ? ' (with uncommitted changes)' : ''}`,
  ]
}

export function markdownReport(result) {
  const overs = result.rows.filter((r) => r.overBudget)
  return [
    '# Benchmark results',
    '',
    ...describeMeta(result.meta).map((l) => `- ${l}`),
    '',
    markdownTable(result.rows),
    '',
    ...(markdownComparison(result.rows, result.meta)
      ? ['## Base vs scale catalogue', '', markdownComparison(result.rows, result.meta), '']
      : []),
    overs.length
      ? `Over budget: ${overs.map((r) => `\`${r.id}\``).join(', ')}.`
      : 'Every figure with a budget is within it.',
    '',
    ...(result.warnings.length
      ? ['## Warnings', '', ...result.warnings.map((w) => `- ${w}`), '']
      : []),
    'Figures are defined in the README (Benchmark section). Medians over runs; min-max across runs.',
    '',
  ].join('\n')
}
