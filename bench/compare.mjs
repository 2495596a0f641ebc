#!/usr/bin/env node
// Compares two benchmark results: node bench/compare.mjs before.json after.json
// Prints each figure's median in both, the difference and whether it got better or worse.
// Differences within the spread of the runs (their min-max ranges overlap) or under 3 % are
// marked "~": on a shared machine those are noise, not a change.
import { readFile } from 'node:fs/promises'
import { figureDefinition, format } from './lib/report.mjs'

async function load(file) {
  try {
    const result = JSON.parse(await readFile(file, 'utf8'))
    if (!result.figures)
      throw new Error('no "figures" (is it a soak result? those are compared by eye)')
    return result
  } catch (error) {
    throw new Error(`${file}: ${error.message}`, { cause: error })
  }
}

function verdict(def, a, b) {
  if (a.median === null || b.median === null || a.median === undefined || b.median === undefined)
    return ''
  if (a.median !== 0 && Math.abs((b.median - a.median) / a.median) < 0.03) return '~'
  const overlap =
    a.min !== null &&
    b.min !== null &&
    a.max !== null &&
    b.max !== null &&
    a.min <= b.max &&
    b.min <= a.max
  if (b.median === a.median || (overlap && (a.values?.length > 1 || b.values?.length > 1)))
    return '~'
  const better = def.better === 'higher' ? b.median > a.median : b.median < a.median
  return better ? 'better' : 'worse'
}

async function main() {
  const [fileA, fileB] = process.argv.slice(2)
  if (!fileA || !fileB) {
    console.error('usage: node bench/compare.mjs before.json after.json')
    process.exit(2)
  }
  const [a, b] = await Promise.all([load(fileA), load(fileB)])
  for (const [name, r] of [
    ['before', a],
    ['after', b],
  ]) {
    const m = r.meta
    console.log(
      `${name}: ${m.date} ${m.mode} x${m.cpu} runs ${m.runs} commit ${m.commit ?? '?'}${m.dirty ? '+' : ''} on ${m.machine.cpus} x ${m.machine.cpuModel}`,
    )
  }
  if (
    a.meta.cpu !== b.meta.cpu ||
    a.meta.mode !== b.meta.mode ||
    a.meta.machine.cpuModel !== b.meta.machine.cpuModel
  ) {
    console.log('note: different throttling, mode or machine: differences are not only the change')
  }
  const ids = [...new Set([...Object.keys(a.figures), ...Object.keys(b.figures)])]
  const rows = [['figure', 'before', 'after', 'delta', 'delta %', '']]
  for (const id of ids) {
    const def = figureDefinition(id)
    const fa = a.figures[id] ?? { median: null }
    const fb = b.figures[id] ?? { median: null }
    const unit = fa.unit ?? fb.unit ?? def.unit
    const delta = fa.median !== null && fb.median !== null ? fb.median - fa.median : null
    const pct = delta !== null && fa.median ? (delta / Math.abs(fa.median)) * 100 : null
    rows.push([
      id,
      format(fa.median, unit),
      format(fb.median, unit),
      delta === null ? 'n/a' : `${delta >= 0 ? '+' : ''}${format(delta, unit)} ${unit}`.trim(),
      pct === null ? 'n/a' : `${pct >= 0 ? '+' : ''}${pct.toFixed(1)} %`,
      verdict(def, fa, fb),
    ])
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)))
  for (const [i, row] of rows.entries()) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd(),
    )
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
}

main().catch((error) => {
  console.error(`compare: ${error.message}`)
  process.exitCode = 1
})
