import { DIGIT_TIMEOUT_MS, DigitEntry, type DigitState } from '../../../src/player/liveZap'

describe('DigitEntry', () => {
  let tuned: number[]
  let states: DigitState[]
  const entry = (numbers: number[]) =>
    new DigitEntry(
      () => numbers,
      (n) => tuned.push(n),
      (s) => states.push(s),
    )

  beforeEach(() => {
    jest.useFakeTimers()
    tuned = []
    states = []
  })

  afterEach(() => jest.useRealTimers())

  it('shows each digit at once and tunes after the entry timeout', () => {
    const digits = entry([1, 2, 12, 31])
    digits.press(1)
    expect(digits.value).toEqual({ phase: 'typing', digits: '1' })
    jest.advanceTimersByTime(DIGIT_TIMEOUT_MS - 1)
    expect(tuned).toEqual([])
    jest.advanceTimersByTime(1)
    expect(tuned).toEqual([1])
    expect(digits.value).toEqual({ phase: 'idle' })
  })

  it('waits again after each digit, and tunes at once when no longer number could follow', () => {
    const digits = entry([1, 2, 12, 31])
    digits.press(1)
    jest.advanceTimersByTime(1000)
    digits.press(2)
    // No channel number starts with 12 and is longer: no need to wait.
    expect(tuned).toEqual([12])
    digits.press(3)
    expect(tuned).toEqual([12])
    jest.advanceTimersByTime(DIGIT_TIMEOUT_MS)
    expect(tuned).toEqual([12])
    expect(digits.value).toEqual({ phase: 'unknown', number: 3 })
  })

  it('says so for a number no channel has, then clears', () => {
    const digits = entry(Array.from({ length: 31 }, (_, i) => i + 10))
    digits.press(4)
    expect(digits.typing).toBe(true)
    digits.press(2)
    expect(digits.value).toEqual({ phase: 'unknown', number: 42 })
    expect(tuned).toEqual([])
    jest.advanceTimersByTime(5000)
    expect(digits.value).toEqual({ phase: 'idle' })
  })

  it('unknown 42 among eight channels: said at once', () => {
    const digits = entry([1, 2, 3, 4, 5, 6, 7, 8])
    digits.press(4)
    expect(tuned).toEqual([4])
    const other = entry([1, 2, 3, 4, 5, 6, 7, 8, 40])
    other.press(4)
    other.press(2)
    expect(other.value).toEqual({ phase: 'unknown', number: 42 })
  })

  it('OK tunes now; Back forgets the digits', () => {
    const digits = entry([1, 10, 11])
    digits.press(1)
    digits.commit()
    expect(tuned).toEqual([1])
    digits.press(1)
    digits.clear()
    jest.advanceTimersByTime(DIGIT_TIMEOUT_MS * 2)
    expect(tuned).toEqual([1])
    expect(digits.typing).toBe(false)
  })

  it('stops its timers when disposed', () => {
    const digits = entry([1, 10])
    digits.press(1)
    digits.dispose()
    jest.advanceTimersByTime(DIGIT_TIMEOUT_MS * 2)
    expect(tuned).toEqual([])
  })
})
