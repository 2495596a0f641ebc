import { TestScheduler } from 'rxjs/testing'
import { PlaybackErrorCode } from '../../../src/player/errors'
import { playbackEvents, type PlaybackEvent } from '../../../src/player/playbackEvents'

describe('playbackEvents: one merged stream with a tick while a start is under way', () => {
  const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected))

  const open: PlaybackEvent = {
    type: 'open',
    at: 0,
    id: 't',
    url: 'u',
    live: false,
    startPosition: 0,
  }
  const stop: PlaybackEvent = { type: 'stop', at: 0 }
  const fatal: PlaybackEvent = {
    type: 'error',
    at: 0,
    error: { code: PlaybackErrorCode.MEDIA, category: 'media', severity: 'critical', detail: '' },
  }
  const recoverable: PlaybackEvent = {
    type: 'error',
    at: 0,
    error: {
      code: PlaybackErrorCode.NETWORK,
      category: 'network',
      severity: 'recoverable',
      detail: '',
    },
  }

  test('ticks every 10 frames from open until stop, with the sampled time', () => {
    const ts = scheduler()
    ts.run(({ cold, expectObservable }) => {
      const signals$ = cold('o 24ms s', { o: open, s: stop })
      const events$ = playbackEvents({
        signals$,
        sample: () => ({ time: 7, playing: true }),
        now: () => ts.now(),
        tickMs: 10,
        scheduler: ts,
      })
      const tick = (at: number): PlaybackEvent => ({ type: 'tick', at, time: 7, playing: true })
      expectObservable(events$).toBe('o 9ms a 9ms b 4ms s', {
        o: open,
        s: stop,
        a: tick(10),
        b: tick(20),
      })
    })
  })

  test('a failure ahead of the playhead does not stop the tick: the buffered seconds still play', () => {
    const ts = scheduler()
    ts.run(({ cold, expectObservable }) => {
      const ahead: PlaybackEvent = { ...fatal, ahead: true } as PlaybackEvent
      const signals$ = cold('o 10ms a', { o: open, a: ahead })
      const events$ = playbackEvents({
        signals$,
        sample: () => ({ time: 1, playing: true }),
        now: () => ts.now(),
        tickMs: 10,
        scheduler: ts,
      })
      const tick = (at: number): PlaybackEvent => ({ type: 'tick', at, time: 1, playing: true })
      expectObservable(events$, '^ 35ms !').toBe('o 9ms x a 8ms y 9ms z', {
        o: open,
        a: ahead,
        x: tick(10),
        y: tick(20),
        z: tick(30),
      })
    })
  })

  test('a critical error stops the tick; a recoverable one does not; retry starts it again', () => {
    const ts = scheduler()
    ts.run(({ cold, expectObservable }) => {
      const retry: PlaybackEvent = { type: 'retry', at: 0 }
      const signals$ = cold('o 10ms r 10ms f 19ms t', {
        o: open,
        r: recoverable,
        f: fatal,
        t: retry,
      })
      const events$ = playbackEvents({
        signals$,
        sample: () => ({ time: 1, playing: false }),
        now: () => ts.now(),
        tickMs: 10,
        scheduler: ts,
      })
      const tick = (at: number): PlaybackEvent => ({ type: 'tick', at, time: 1, playing: false })
      expectObservable(events$, '^ 60ms !').toBe('o 9ms a r 8ms b 1ms f 19ms t 9ms c', {
        o: open,
        r: recoverable,
        f: fatal,
        t: retry,
        a: tick(10),
        b: tick(20),
        c: tick(52),
      })
    })
  })
})
