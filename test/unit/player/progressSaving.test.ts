import { Subject, scan } from 'rxjs'
import { PlaybackErrorCode } from '../../../src/player/errors'
import type { PlaybackEvent } from '../../../src/player/playbackEvents'
import { initialPlaybackState, reducePlayback } from '../../../src/player/playbackState'
import { positionToSave, saveProgress, type PlaybackStep } from '../../../src/player/progressSaving'

describe('positionToSave', () => {
  const base = { ...initialPlaybackState(5000), status: 'playing' as const }

  test('the current position once something really played', () => {
    const state = { ...base, startPosition: 10, lastGoodTime: 14 }
    expect(positionToSave(state, { currentTime: 15, duration: 100 }, false)).toEqual({
      position: 15,
      duration: 100,
    })
  })

  test('a start that never played saves nothing, unless forced after it played from there', () => {
    const state = { ...base, startPosition: 10, lastGoodTime: 10 }
    expect(positionToSave(state, { currentTime: 10, duration: 100 }, false)).toBeUndefined()
    expect(positionToSave(state, { currentTime: 10, duration: 100 }, true)).toEqual({
      position: 10,
      duration: 100,
    })
    expect(
      positionToSave({ ...state, status: 'loading' }, { currentTime: 0, duration: 100 }, true),
    ).toBeUndefined()
  })

  test('after a failure the last good time counts, not where the element stands', () => {
    const state = {
      ...base,
      status: 'error' as const,
      lastGoodTime: 30,
      error: {
        code: PlaybackErrorCode.MEDIA,
        category: 'media' as const,
        severity: 'critical' as const,
        detail: '',
      },
    }
    expect(positionToSave(state, { currentTime: 0, duration: 100 }, true)?.position).toBe(30)
  })

  test("in an ad the content's last position counts, never the ad's time", () => {
    const state = { ...base, mode: 'ad' as const, lastGoodTime: 30 }
    expect(positionToSave(state, { currentTime: 4, duration: 100 }, true)?.position).toBe(30)
  })

  test('nothing without a duration', () => {
    const state = { ...base, lastGoodTime: 30 }
    expect(positionToSave(state, { currentTime: 31, duration: 0 }, true)).toBeUndefined()
  })
})

describe('saveProgress (a subscriber of the reduced stream)', () => {
  function setup(media = { currentTime: 0, duration: 100 }) {
    const events = new Subject<PlaybackEvent>()
    const initial = initialPlaybackState(5000)
    const steps$ = events.pipe(
      scan<PlaybackEvent, PlaybackStep>(
        (step, event) => ({ prev: step.state, state: reducePlayback(step.state, event), event }),
        { prev: initial, state: initial, event: { type: 'stop', at: 0 } },
      ),
    )
    let clock = 0
    const saved: [number, number][] = []
    const subscription = saveProgress(steps$, {
      enabled: () => true,
      media: () => media,
      save: (position, duration) => saved.push([position, duration]),
      now: () => clock,
      intervalMs: 5000,
    })
    const at = (ms: number) => {
      clock = ms
      return ms
    }
    return { events, media, saved, at, subscription }
  }

  test('every interval while playing, and at once on pause and stop', () => {
    const { events, media, saved, at } = setup()
    events.next({ type: 'open', at: at(0), id: 't', url: 'u', live: false, startPosition: 0 })
    events.next({ type: 'playing', at: at(100) })
    for (let t = 1; t <= 12; t++) {
      media.currentTime = t
      events.next({ type: 'timeupdate', at: at(t * 1000), time: t, playing: true })
    }
    expect(saved).toEqual([
      [5, 100],
      [10, 100],
    ])
    events.next({ type: 'pause', at: at(12_100) })
    events.next({ type: 'stop', at: at(12_200) })
    expect(saved.slice(2)).toEqual([
      [12, 100],
      [12, 100],
    ])
  })

  test('a live event that ended saves nothing: its times count from 1970', () => {
    const epoch = 1_796_000_000
    const { events, media, saved, at } = setup({ currentTime: epoch, duration: epoch + 600 })
    events.next({ type: 'open', at: at(0), id: 't', url: 'u', live: false, startPosition: 0 })
    events.next({ type: 'playing', at: at(100) })
    events.next({ type: 'live-ended', at: at(200), end: epoch + 600 })
    for (let t = 1; t <= 12; t++) {
      media.currentTime = epoch + t
      events.next({ type: 'timeupdate', at: at(t * 1000), time: epoch + t, playing: true })
    }
    events.next({ type: 'pause', at: at(13_000) })
    events.next({ type: 'stop', at: at(14_000) })
    expect(saved).toEqual([])
  })

  test('an error saves the position from before it', () => {
    const { events, media, saved, at } = setup()
    events.next({ type: 'open', at: at(0), id: 't', url: 'u', live: false, startPosition: 0 })
    events.next({ type: 'playing', at: at(100) })
    media.currentTime = 3
    events.next({ type: 'timeupdate', at: at(200), time: 3, playing: true })
    media.currentTime = 0
    events.next({
      type: 'error',
      at: at(300),
      error: { code: PlaybackErrorCode.MEDIA, category: 'media', severity: 'critical', detail: '' },
    })
    expect(saved).toEqual([[3, 100]])
  })

  test("a stop during an ad saves the content's position and duration, not the ad's", () => {
    const { events, media, saved, at } = setup({ currentTime: 0, duration: 600 })
    events.next({ type: 'open', at: at(0), id: 't', url: 'u', live: false, startPosition: 0 })
    events.next({ type: 'playing', at: at(100) })
    media.currentTime = 42
    events.next({ type: 'timeupdate', at: at(200), time: 42, playing: true })
    events.next({ type: 'ad-break-started', at: at(300) })
    media.currentTime = 5
    media.duration = 12
    events.next({ type: 'timeupdate', at: at(9000), time: 5, playing: true })
    events.next({ type: 'stop', at: at(9100) })
    expect(saved).toEqual([[42, 600]])
  })

  test("the end of a post-roll saves the content's end, not the ad's", () => {
    const { events, media, saved, at } = setup({ currentTime: 0, duration: 600 })
    events.next({ type: 'open', at: at(0), id: 't', url: 'u', live: false, startPosition: 0 })
    events.next({ type: 'playing', at: at(100) })
    events.next({ type: 'ad-post-roll', at: at(150) })
    media.currentTime = 599.9
    events.next({ type: 'timeupdate', at: at(200), time: 599.9, playing: true })
    events.next({ type: 'pause', at: at(300) })
    events.next({ type: 'ended', at: at(310) })
    events.next({ type: 'ad-break-started', at: at(400) })
    media.currentTime = 15
    media.duration = 15
    events.next({ type: 'timeupdate', at: at(15_000), time: 15, playing: true })
    events.next({ type: 'ad-break-ended', at: at(15_100) })
    expect(saved).toEqual([
      [599.9, 600],
      [599.9, 600],
    ])
  })
})
