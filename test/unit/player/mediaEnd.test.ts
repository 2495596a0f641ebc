import { earlyEnd } from '../../../src/player/mediaEnd'

const ranges = (...spans: [number, number][]) => ({
  length: spans.length,
  end: (i: number) => spans[i]![1],
})

describe('earlyEnd: where the media really ends when a segment past it is missing', () => {
  test('buffered to within a few seconds of the duration: there', () => {
    expect(earlyEnd(24.5, ranges([0, 24]))).toBe(24)
    expect(earlyEnd(60, ranges([0, 10], [20, 52]))).toBe(52)
  })

  test('a gap further from the end, nothing buffered, or no duration (live): not the end', () => {
    expect(earlyEnd(600, ranges([0, 40]))).toBeUndefined()
    expect(earlyEnd(24.5, ranges())).toBeUndefined()
    expect(earlyEnd(Infinity, ranges([0, 24]))).toBeUndefined()
    expect(earlyEnd(NaN, ranges([0, 24]))).toBeUndefined()
  })
})
