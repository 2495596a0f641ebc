import { Subject } from 'rxjs'
import {
  toQoeInput,
  watchPlayback,
  type PlaybackStats,
} from '../../../src/analytics/playbackAnalytics'
import type { EventInput } from '../../../src/analytics/schema'
import type { PlaybackEvent } from '../../../src/player/playbackEvents'
import { PlaybackErrorCode } from '../../../src/player/errors'

function watch() {
  const events$ = new Subject<PlaybackEvent>()
  const recorded: EventInput[] = []
  let stats: PlaybackStats | null = null
  const subscription = watchPlayback(
    events$,
    { record: (event) => recorded.push(event) },
    { stats: () => stats },
  )
  return {
    emit: (event: PlaybackEvent) => events$.next(event),
    complete: () => events$.complete(),
    recorded,
    setStats: (next: PlaybackStats) => (stats = next),
    subscription,
  }
}

const open = (at: number, id = 'rosetta', live = false): PlaybackEvent => ({
  type: 'open',
  at,
  id,
  live,
  url: 'https://cdn/x.mpd',
  startPosition: 0,
})

describe('player events to analytics', () => {
  test('a viewing: started, then finished with its quality report when stopped', () => {
    const w = watch()
    w.emit(open(0))
    w.setStats({ bandwidth: 2_000_000, droppedFrames: 1 })
    w.emit({ type: 'tick', at: 500, time: 0, playing: false })
    w.emit({ type: 'playing', at: 1000 })
    w.emit({ type: 'tick', at: 2000, time: 1, playing: true })
    w.setStats({ bandwidth: 4_000_000, droppedFrames: 5 })
    w.emit({ type: 'tick', at: 6000, time: 5, playing: true })
    w.emit({ type: 'buffering', at: 6000, buffering: true, playing: false })
    w.emit({ type: 'buffering', at: 7000, buffering: false, playing: true })
    w.emit({ type: 'timeupdate', at: 8000, time: 6, playing: true })
    w.emit({ type: 'stop', at: 11_000 })
    w.emit({ type: 'stop', at: 12_000 })
    expect(w.recorded).toEqual([
      { type: 'title_started', itemId: 'rosetta', kind: 'vod' },
      {
        type: 'title_finished',
        itemId: 'rosetta',
        kind: 'vod',
        watchedSeconds: 9,
        completed: false,
      },
      expect.objectContaining({
        type: 'playback_quality',
        itemId: 'rosetta',
        startupMs: 1000,
        playedSeconds: 9,
        rebufferSeconds: 1,
        rebufferCount: 1,
        bitrateSwitches: 1,
        droppedFrames: 5,
        outcome: 'stopped',
      }),
    ])
  })

  test('a live zap ends the previous viewing; the end of the stream ends the last', () => {
    const w = watch()
    w.emit(open(0, 'ardenne-1', true))
    w.emit({ type: 'playing', at: 300 })
    w.emit(open(5000, 'schelde-een', true))
    w.emit({ type: 'ended', at: 9000 })
    expect(w.recorded.map((e) => `${e.type}:${'itemId' in e ? e.itemId : ''}`)).toEqual([
      'title_started:ardenne-1',
      'title_finished:ardenne-1',
      'playback_quality:ardenne-1',
      'title_started:schelde-een',
      'title_finished:schelde-een',
      'playback_quality:schelde-een',
    ])
    expect(w.recorded[4]).toMatchObject({ kind: 'live', completed: true })
    const before = w.recorded.length
    w.emit(open(10_000, 'rosetta'))
    w.complete()
    expect(w.recorded.length).toBe(before + 3)
  })

  test('a critical error then leaving is a failure, with the codes', () => {
    const w = watch()
    w.emit(open(0))
    w.emit({
      type: 'error',
      at: 800,
      error: { code: PlaybackErrorCode.DRM, category: 'drm', severity: 'critical', detail: 'x' },
    })
    w.emit({ type: 'stop', at: 2000 })
    expect(w.recorded[2]).toMatchObject({
      type: 'playback_quality',
      startupMs: null,
      errors: [{ code: 2005, severity: 'critical' }],
      outcome: 'failed',
    })
  })

  test('events it does not know, or malformed, change nothing', () => {
    const kind = () => 'vod' as const
    expect(toQoeInput({ type: 'ad-impression', at: 1 }, kind)).toBeNull()
    expect(toQoeInput({ type: 'open', at: 1, id: 42 }, kind)).toBeNull()
    expect(toQoeInput({ type: 'error', at: 1, error: 'boom' }, kind)).toBeNull()
    expect(toQoeInput({ type: 'ad-break-started', at: 1 }, kind)).toEqual({
      type: 'ad',
      at: 1,
      playing: true,
    })
  })
})
