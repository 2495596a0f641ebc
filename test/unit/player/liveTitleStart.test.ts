import { liveTitleStart } from '../../../src/player/liveTitleStart'

describe('liveTitleStart', () => {
  it('joins a sliding window (a finite timeShiftBufferDepth) at its live edge', () => {
    expect(liveTitleStart(3 * 3600)).toBeNull()
    expect(liveTitleStart(30)).toBeNull()
  })

  it('starts a live stream that keeps all it made (HLS EVENT, no window) at its beginning', () => {
    expect(liveTitleStart(Infinity)).toBe(0)
  })
})
