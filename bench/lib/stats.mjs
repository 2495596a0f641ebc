// Small statistics helpers for the benchmark. All of them ignore null/undefined/NaN values.

const clean = (values) => values.filter((v) => typeof v === 'number' && Number.isFinite(v))

/** Percentile with linear interpolation between closest ranks (p in 0..100). */
export function percentile(values, p) {
  const sorted = clean(values).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  if (sorted.length === 1) return sorted[0]
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low)
}

export const median = (values) => percentile(values, 50)

export function min(values) {
  const v = clean(values)
  return v.length ? Math.min(...v) : null
}

export function max(values) {
  const v = clean(values)
  return v.length ? Math.max(...v) : null
}

export function mean(values) {
  const v = clean(values)
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null
}

/** Least-squares line through points [{x, y}]: { slope, intercept } (null with fewer than 2). */
export function linearFit(points) {
  const pts = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
  if (pts.length < 2) return null
  const mx = mean(pts.map((p) => p.x))
  const my = mean(pts.map((p) => p.y))
  let num = 0
  let den = 0
  for (const p of pts) {
    num += (p.x - mx) * (p.y - my)
    den += (p.x - mx) ** 2
  }
  if (den === 0) return null
  const slope = num / den
  return { slope, intercept: my - slope * mx }
}

/** Summary of one figure across runs. */
export function summarise(values) {
  return { median: median(values), min: min(values), max: max(values), n: clean(values).length }
}
