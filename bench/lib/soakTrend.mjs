// How a soak's readings moved: growth from the first reading to the last and the slope of a
// straight-line fit. The readings at rest are also looked at over the run's second half alone:
// V8 keeps compiling hotter code for about a quarter of an hour and Chromium's media and
// allocator pools fill over the first plays, so a series that climbs and then holds shows a
// large growth from the first cycle and none once warm, where a leak keeps its slope in both.
import { linearFit } from './stats.mjs'

/** Every series a soak reading carries, in report order. */
export const SOAK_SERIES = [
  'heap',
  'texture',
  'textureHeld',
  'renderer',
  'rendererAnon',
  'rendererFile',
  'gpu',
]

/** `key` over `samples` ({ t: seconds, [key]: number }): first, last, growth %, slope per minute. */
export function trend(samples, key) {
  const usable = samples.filter((s) => Number.isFinite(s[key]))
  if (usable.length < 2)
    return {
      first: usable[0]?.[key] ?? null,
      last: usable[0]?.[key] ?? null,
      growthPct: null,
      slopePerMin: null,
    }
  const first = usable[0][key]
  const last = usable[usable.length - 1][key]
  const fit = linearFit(usable.map((s) => ({ x: s.t / 60, y: s[key] })))
  return {
    first,
    last,
    growthPct: first ? ((last - first) / first) * 100 : null,
    slopePerMin: fit?.slope ?? null,
  }
}

/** The readings from the middle of their time span on (at least two when there are two). */
export function secondHalf(readings) {
  if (readings.length < 2) return readings
  const middle = (readings[0].t + readings[readings.length - 1].t) / 2
  const late = readings.filter((r) => r.t >= middle)
  return late.length >= 2 ? late : readings.slice(-2)
}

/** The trend of every series over `readings`. */
export const trends = (readings) =>
  Object.fromEntries(SOAK_SERIES.map((key) => [key, trend(readings, key)]))
