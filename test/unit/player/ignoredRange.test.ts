import { cutIgnoredRange, requestedRange } from '../../../src/player/ignoredRange'

const file = Uint8Array.from({ length: 100 }, (_, i) => i)
const answer = (status: number | undefined, range: string | undefined, data = file) => ({
  status,
  data: data.slice().buffer,
  originalRequest: {
    headers: range === undefined ? {} : ({ Range: range } as Record<string, string>),
  },
})

describe('requestedRange', () => {
  test('reads closed and open ranges, whatever the header name case', () => {
    expect(requestedRange({ Range: 'bytes=10-19' })).toEqual([10, 19])
    expect(requestedRange({ range: 'bytes=40-' })).toEqual([40, undefined])
  })

  test('no range, a suffix range, several ranges or a reversed one: nothing to cut', () => {
    expect(requestedRange(undefined)).toBeNull()
    expect(requestedRange({})).toBeNull()
    expect(requestedRange({ Range: 'bytes=-500' })).toBeNull()
    expect(requestedRange({ Range: 'bytes=0-9,20-29' })).toBeNull()
    expect(requestedRange({ Range: 'bytes=30-20' })).toBeNull()
  })
})

describe('cutIgnoredRange', () => {
  test('a whole file sent with 200 for a range: the range is cut out of it', () => {
    expect(Array.from(cutIgnoredRange(answer(200, 'bytes=10-14')) ?? [])).toEqual([
      10, 11, 12, 13, 14,
    ])
    expect(cutIgnoredRange(answer(200, 'bytes=95-'))?.length).toBe(5)
    // No longer than the range asked: it cannot be told from the range itself, so it is kept.
    expect(cutIgnoredRange(answer(200, 'bytes=98-200'))).toBeNull()
  })

  test('a view on a larger buffer is cut from where the view starts', () => {
    const view = new Uint8Array(new Uint8Array(120).fill(7).buffer, 20, 100)
    view.set(file)
    const cut = cutIgnoredRange({ ...answer(200, 'bytes=3-4'), data: view })
    expect(Array.from(cut ?? [])).toEqual([3, 4])
  })

  test('an origin that honoured the range, or a response not about ranges, is left alone', () => {
    // 206 Partial Content: the body is the range.
    expect(cutIgnoredRange(answer(206, 'bytes=10-14', file.subarray(10, 15)))).toBeNull()
    // The range's bytes with a 200 status (a proxy that rewrote it): already what was asked.
    expect(cutIgnoredRange(answer(200, 'bytes=10-14', file.subarray(10, 15)))).toBeNull()
    expect(cutIgnoredRange(answer(200, undefined))).toBeNull()
    expect(cutIgnoredRange(answer(200, 'bytes=0-'))).toBeNull()
    // No status (a data: URI, a cached answer): nothing known about the origin.
    expect(cutIgnoredRange(answer(undefined, 'bytes=10-14'))).toBeNull()
    // An answer too short to hold the range is not the whole file: Shaka reports it as it is.
    expect(cutIgnoredRange(answer(200, 'bytes=150-160'))).toBeNull()
  })
})
