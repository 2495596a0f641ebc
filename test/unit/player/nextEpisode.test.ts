import type { Series } from '../../../src/catalogue/schema'
import {
  nextEpisode,
  NextEpisodeCountdown,
  type CountdownState,
} from '../../../src/player/nextEpisode'

const episode = (id: string, number: number) =>
  ({
    id,
    number,
    title: { fr: id },
    synopsis: { fr: id },
    durationMinutes: 50,
    stream: {},
  }) as never

const series = {
  kind: 'series',
  id: 's',
  seasons: [
    { number: 2, episodes: [episode('s2e1', 1)] },
    { number: 1, episodes: [episode('s1e2', 2), episode('s1e1', 1)] },
  ],
} as unknown as Series

describe('nextEpisode', () => {
  test('the next in the season, then the first of the next season, then nothing', () => {
    expect(nextEpisode(series, 's1e1')?.episode.id).toBe('s1e2')
    expect(nextEpisode(series, 's1e2')).toMatchObject({ season: 2, episode: { id: 's2e1' } })
    expect(nextEpisode(series, 's2e1')).toBeUndefined()
    expect(nextEpisode(series, 'unknown')).toBeUndefined()
  })
})

describe('NextEpisodeCountdown', () => {
  let states: CountdownState[]
  let done: jest.Mock
  let countdown: NextEpisodeCountdown

  beforeEach(() => {
    jest.useFakeTimers()
    states = []
    done = jest.fn()
    countdown = new NextEpisodeCountdown((s) => states.push(s), done, 10)
  })

  afterEach(() => {
    countdown.dispose()
    jest.useRealTimers()
  })

  test('waits until 10 s before the end, counts down each second, then goes on', () => {
    countdown.update(20, 40)
    expect(countdown.value.phase).toBe('idle')
    countdown.update(30.5, 40)
    expect(countdown.value).toEqual({ phase: 'counting', remaining: 10 })
    jest.advanceTimersByTime(3000)
    expect(countdown.value).toEqual({ phase: 'counting', remaining: 7 })
    jest.advanceTimersByTime(7000)
    expect(countdown.value.phase).toBe('done')
    expect(done).toHaveBeenCalledTimes(1)
    countdown.ended()
    expect(done).toHaveBeenCalledTimes(1)
  })

  test('cancel stops it for good, and the end of the episode does not start the next one', () => {
    countdown.update(32, 40)
    countdown.cancel()
    jest.advanceTimersByTime(20_000)
    countdown.update(35, 40)
    countdown.ended()
    expect(countdown.value.phase).toBe('cancelled')
    expect(done).not.toHaveBeenCalled()
  })

  test('OK plays the next episode at once', () => {
    countdown.update(32, 40)
    countdown.playNow()
    expect(done).toHaveBeenCalledTimes(1)
  })

  test('seeking back re-arms a cancelled countdown', () => {
    countdown.update(32, 40)
    countdown.cancel()
    countdown.rearm(5, 40)
    expect(countdown.value.phase).toBe('idle')
    countdown.update(31, 40)
    expect(countdown.value.phase).toBe('counting')
  })

  test('an episode that ends before the countdown (short clip) still goes on', () => {
    countdown.ended()
    expect(done).toHaveBeenCalledTimes(1)
  })
})
