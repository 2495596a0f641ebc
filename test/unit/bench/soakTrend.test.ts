/**
 * @jest-environment node
 */
import { lib, runModule as run } from './benchModule'

const moduleUrl = lib('soakTrend.mjs')

interface Trend {
  first: number | null
  last: number | null
  growthPct: number | null
  slopePerMin: number | null
}

/** One reading at rest every 2 minutes for 30 minutes, the series given by `value(minute)`. */
const readings = (value: string) =>
  `Array.from({ length: 16 }, (_, i) => ({ t: i * 120, heap: (${value})(i * 2) }))`

const trendsOf = (value: string) =>
  run<{ all: Trend; late: Trend; lateCount: number }>(
    `import { trend, secondHalf } from ${moduleUrl}
     const rest = ${readings(value)}
     const late = secondHalf(rest)
     process.stdout.write(JSON.stringify({ all: trend(rest, 'heap'), late: trend(late, 'heap'), lateCount: late.length }))`,
  )

describe('soak trends', () => {
  it('tells a warm-up that levels off from a leak', () => {
    // Climbs 10 -> 12 over the first 14 minutes, then holds.
    const warming = trendsOf('(m) => 10 + Math.min(m, 14) / 7')
    expect(warming.all.growthPct).toBeCloseTo(20, 5)
    expect(warming.late.growthPct).toBeCloseTo(0, 5)
    expect(warming.late.slopePerMin).toBeCloseTo(0, 5)
    // Grows the same 0.1 a minute all along.
    const leaking = trendsOf('(m) => 10 + m / 10')
    expect(leaking.late.slopePerMin).toBeCloseTo(0.1, 5)
    expect(leaking.late.growthPct).toBeGreaterThan(10)
  })

  it('takes the second half by time, from the middle of the span on', () => {
    expect(trendsOf('(m) => m + 1').lateCount).toBe(8)
    // Readings at 0-30 min: the middle is 15 min, so the first late one is at 16 min.
    expect(trendsOf('(m) => m + 1').late.first).toBe(17)
  })

  it('skips readings without a figure and says so when fewer than two are left', () => {
    const sparse = run<Trend>(
      `import { trend } from ${moduleUrl}
       process.stdout.write(JSON.stringify(trend([{ t: 0, heap: 5 }, { t: 60, heap: null }], 'heap')))`,
    )
    expect(sparse).toEqual({ first: 5, last: 5, growthPct: null, slopePerMin: null })
  })
})
