import {
  AD_STALL_MS,
  AdStallWatch,
  lookAtAd,
  stallErrorCode,
  type AdSample,
  type StallClock,
} from '../../../src/ads/adStall'

const playing = (time: number): AdSample => ({ time, held: false, starved: false })

describe('lookAtAd', () => {
  test('the mark follows the ad while its time moves; a still time stalls once the limit has passed', () => {
    let look = lookAtAd(undefined, playing(1), 0, 6000)
    expect(look).toEqual({ mark: { time: 1, movedAt: 0 }, stalled: false })
    look = lookAtAd(look.mark, playing(1.5), 500, 6000)
    expect(look).toEqual({ mark: { time: 1.5, movedAt: 500 }, stalled: false })
    expect(lookAtAd(look.mark, playing(1.5), 6499, 6000).stalled).toBe(false)
    expect(lookAtAd(look.mark, playing(1.5), 6500, 6000).stalled).toBe(true)
  })

  test('an ad held (paused by the household, at its end) never stalls, and the limit counts from when it plays on', () => {
    const mark = { time: 3, movedAt: 0 }
    const held = lookAtAd(mark, { time: 3, held: true, starved: true }, 60_000, 6000)
    expect(held).toEqual({ mark: { time: 3, movedAt: 60_000 }, stalled: false })
    expect(lookAtAd(held.mark, playing(3), 65_000, 6000).stalled).toBe(false)
    expect(lookAtAd(held.mark, playing(3), 66_000, 6000).stalled).toBe(true)
  })

  test('402 when the file stopped coming (no data to play on), 405 when it has data and stands still', () => {
    expect(stallErrorCode({ time: 4, held: false, starved: true })).toBe(402)
    expect(stallErrorCode({ time: 4, held: false, starved: false })).toBe(405)
  })
})

describe('AdStallWatch', () => {
  const clock: StallClock = {
    now: () => Date.now(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  }

  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  /** An ad on screen whose element the test moves; `gone` once it is no longer on screen. */
  function ad() {
    const state = { time: 0.5, held: false, starved: true, gone: false }
    const stalls: [string, AdSample][] = []
    const watch = new AdStallWatch({
      clock,
      read: () =>
        state.gone ? null : { time: state.time, held: state.held, starved: state.starved },
      stalled: (id, sample) => stalls.push([id, sample]),
    })
    return { state, stalls, watch }
  }

  test('an ad whose time stops is given up after the limit, once, without an event from the element', () => {
    const { state, stalls, watch } = ad()
    watch.start('a')
    for (let t = 0; t < 10; t++) {
      state.time += 0.5
      jest.advanceTimersByTime(500)
    }
    expect(stalls).toEqual([])
    // The file stops coming: the element says nothing more.
    jest.advanceTimersByTime(AD_STALL_MS - 500)
    expect(stalls).toEqual([])
    jest.advanceTimersByTime(1000)
    expect(stalls).toEqual([['a', { time: 5.5, held: false, starved: true }]])
    expect(watch.watching).toBeUndefined()
    jest.advanceTimersByTime(60_000)
    expect(stalls).toHaveLength(1)
  })

  test('a pause of the household is waited for however long', () => {
    const { state, stalls, watch } = ad()
    watch.start('a')
    state.held = true
    jest.advanceTimersByTime(120_000)
    state.held = false
    jest.advanceTimersByTime(AD_STALL_MS - 1000)
    expect(stalls).toEqual([])
    jest.advanceTimersByTime(1500)
    expect(stalls).toHaveLength(1)
  })

  test('stopped at the ad’s end, skip or failure, it never acts afterwards', () => {
    const { stalls, watch } = ad()
    watch.start('a')
    jest.advanceTimersByTime(1000)
    watch.stop()
    jest.advanceTimersByTime(60_000)
    expect(stalls).toEqual([])
    expect(jest.getTimerCount()).toBe(0)
  })

  test('a look that finds no ad on screen any more (an end it was not told of) stops the watch', () => {
    const { state, stalls, watch } = ad()
    watch.start('a')
    jest.advanceTimersByTime(1000)
    state.gone = true
    jest.advanceTimersByTime(60_000)
    expect(stalls).toEqual([])
    expect(watch.watching).toBeUndefined()
    expect(jest.getTimerCount()).toBe(0)
  })

  test("stopping another ad's watch leaves this one; a new ad starts its own count", () => {
    const { state, stalls, watch } = ad()
    watch.start('a')
    jest.advanceTimersByTime(4000)
    // A late 'complete' of the ad before.
    watch.stop('z')
    expect(watch.watching).toBe('a')
    // The same ad again changes nothing: its count goes on.
    watch.start('a')
    jest.advanceTimersByTime(2500)
    expect(stalls.map(([id]) => id)).toEqual(['a'])
    // The pod's next ad: counted from its own start.
    state.time = 0.2
    watch.start('b')
    jest.advanceTimersByTime(5000)
    watch.start('c')
    jest.advanceTimersByTime(5000)
    expect(stalls.map(([id]) => id)).toEqual(['a'])
  })
})
