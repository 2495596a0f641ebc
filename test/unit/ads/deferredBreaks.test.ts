import { deferredOffsets, MAX_REPEATS } from '../../../src/ads/deferredBreaks'

const tag = { tagUrl: 'http://a/t', breakId: null }

describe('deferredOffsets', () => {
  test('a share of the content: one break there', () => {
    expect(deferredOffsets({ ...tag, percent: 33.5 }, 400)).toEqual({
      offsets: [134],
      capped: false,
    })
  })

  test('repeats after a placed first: every repeatAfter, up to but not at the end', () => {
    expect(deferredOffsets({ ...tag, from: 0, repeatAfter: 600 }, 1800)).toEqual({
      offsets: [600, 1200],
      capped: false,
    })
    expect(deferredOffsets({ ...tag, from: 300, repeatAfter: 0.1 + 0.2 }, 301).offsets).toEqual([
      300.3, 300.6, 300.9,
    ])
  })

  test('a share with repeats: the share first, then its repeats', () => {
    expect(deferredOffsets({ ...tag, percent: 10, repeatAfter: 250 }, 1000).offsets).toEqual([
      100, 350, 600, 850,
    ])
  })

  test('a repeatAfter far too short is capped rather than thousands of ad requests', () => {
    const placed = deferredOffsets({ ...tag, from: 0, repeatAfter: 1 }, 7200)
    expect(placed.capped).toBe(true)
    expect(placed.offsets).toHaveLength(MAX_REPEATS)
    expect(placed.offsets[0]).toBe(1)
  })

  test('no repeat longer than the content: nothing more', () => {
    expect(deferredOffsets({ ...tag, from: 60, repeatAfter: 3600 }, 1800)).toEqual({
      offsets: [],
      capped: false,
    })
  })
})
