import { PlaybackErrorCode, type PlaybackError } from '../../../src/player/errors'
import type { PlaybackEvent } from '../../../src/player/playbackEvents'
import {
  initialPlaybackState,
  reducePlayback,
  type PlaybackState,
} from '../../../src/player/playbackState'

/** Reduces plain event lists: no renderer, no element, no timers. */
const run = (events: PlaybackEvent[], from = initialPlaybackState(5000)): PlaybackState =>
  events.reduce(reducePlayback, from)

const open = (at = 0, startPosition = 0): PlaybackEvent => ({
  type: 'open',
  at,
  id: 'rosetta',
  url: 'http://x/manifest.mpd',
  live: false,
  startPosition,
})
/** A live channel's start, from its live edge. */
const liveOpen = (at = 0): PlaybackEvent => ({
  type: 'open',
  at,
  id: 'ardenne-1',
  url: 'http://x/live/ardenne-1/manifest.mpd',
  live: true,
  startPosition: 0,
})
const playing = (at: number): PlaybackEvent => ({ type: 'playing', at })
const time = (at: number, t: number, isPlaying = true): PlaybackEvent => ({
  type: 'timeupdate',
  at,
  time: t,
  playing: isPlaying,
})
const tick = (at: number, t: number, isPlaying = true): PlaybackEvent => ({
  type: 'tick',
  at,
  time: t,
  playing: isPlaying,
})

const notFound: PlaybackError = {
  code: PlaybackErrorCode.NOT_FOUND,
  category: 'network',
  severity: 'recoverable',
  detail: 'segment 404',
}
const fatal: PlaybackError = {
  code: PlaybackErrorCode.MEDIA,
  category: 'media',
  severity: 'critical',
  detail: 'decode',
}

describe('reducePlayback: starting', () => {
  test('nothing plays before an open; open loads from the resume point', () => {
    expect(initialPlaybackState(5000).status).toBe('ended')
    const state = run([open(100, 42)])
    expect(state).toMatchObject({
      status: 'loading',
      mode: 'content',
      startPosition: 42,
      lastGoodTime: 42,
      openedAt: 100,
    })
    expect(state.startupMs).toBeUndefined()
  })

  test('the first playing measures start-up once; later ones do not change it', () => {
    const state = run([open(100), playing(1350), { type: 'pause', at: 2000 }, playing(9000)])
    expect(state.status).toBe('playing')
    expect(state.startupMs).toBe(1250)
  })

  test('a new open forgets the previous title: error, start-up, recoverable cause', () => {
    const failed = run([open(0), playing(10), { type: 'error', at: 20, error: fatal }])
    expect(failed.status).toBe('error')
    const again = run([open(100, 7)], failed)
    expect(again.error).toBeUndefined()
    expect(again.startupMs).toBeUndefined()
    expect(again.status).toBe('loading')
    expect(again.startPosition).toBe(7)
  })

  test('a refused play() is asked again once, only while loading', () => {
    const rejected = { type: 'play-rejected', at: 5, reason: 'AbortError' } as const
    expect(run([open(0), rejected]).playRetries).toBe(1)
    expect(run([open(0), rejected, rejected]).playRetries).toBe(1)
    expect(run([open(0), playing(1), rejected]).playRetries).toBe(0)
  })
})

describe('reducePlayback: playing, pausing, buffering', () => {
  test('timeupdate while playing moves the last good time; while paused it does not', () => {
    let state = run([open(0), playing(10), time(500, 3.2)])
    expect(state.lastGoodTime).toBe(3.2)
    state = run([{ type: 'pause', at: 600 }, time(700, 9)], state)
    expect(state.status).toBe('paused')
    expect(state.lastGoodTime).toBe(3.2)
  })

  test('waiting shows buffering; moving time while the element plays ends it', () => {
    let state = run([open(0), playing(10), time(100, 5), { type: 'waiting', at: 200 }])
    expect(state.status).toBe('buffering')
    expect(state.waitingSince).toBe(200)
    state = run([time(300, 5, true)], state)
    expect(state.status).toBe('buffering')
    state = run([time(400, 5.5, true)], state)
    expect(state.status).toBe('playing')
    expect(state.waitingSince).toBeUndefined()
  })

  test("Shaka's buffering end returns to playing, or paused when the element is paused", () => {
    const buffering = run([
      open(0),
      playing(10),
      { type: 'buffering', at: 20, buffering: true, playing: true },
    ])
    expect(buffering.status).toBe('buffering')
    expect(
      reducePlayback(buffering, { type: 'buffering', at: 30, buffering: false, playing: true })
        .status,
    ).toBe('playing')
    expect(
      reducePlayback(buffering, { type: 'buffering', at: 30, buffering: false, playing: false })
        .status,
    ).toBe('paused')
  })

  test("before the first frame, waits leave it loading; Shaka's end of buffering at 0 does not start a resume at 22", () => {
    const waits: PlaybackEvent[] = [
      { type: 'buffering', at: 20, buffering: true, playing: true, time: 0 },
      { type: 'waiting', at: 25 },
      // Shaka has the data around 22 s; the element has not been moved there yet.
      { type: 'buffering', at: 30, buffering: false, playing: true, time: 0 },
      { type: 'timeupdate', at: 32, time: 0, playing: true },
    ]
    const started = run([open(0, 22), ...waits])
    expect(started.status).toBe('loading')
    expect(started.startupMs).toBeUndefined()
    expect(started.waitingSince).toBe(20)
    const shown = run([playing(40)], started)
    expect(shown).toMatchObject({ status: 'playing', startupMs: 40, waitingSince: undefined })
  })

  test('a start also ends when Shaka has its data at the start point, or when time moves on from it', () => {
    const buffered = run([
      open(0, 22),
      { type: 'buffering', at: 20, buffering: true, playing: true, time: 0 },
      { type: 'buffering', at: 30, buffering: false, playing: true, time: 22 },
    ])
    expect(buffered).toMatchObject({ status: 'playing', startupMs: 30 })
    // Paused by the viewer meanwhile: the data is there, but nothing plays.
    const paused = run([
      open(0, 22),
      { type: 'buffering', at: 30, buffering: false, playing: false, time: 22 },
    ])
    expect(paused.status).toBe('loading')
    // After a pre-roll the element may say nothing but 'timeupdate' as the content goes on.
    const moved = run([open(0), time(50, 0.04)])
    expect(moved).toMatchObject({ status: 'playing', startupMs: 50, lastGoodTime: 0.04 })
    expect(run([open(0, 22), time(50, 0)]).status).toBe('loading')
  })

  test('a start that only ever buffers ends in the stall error, not in "playing"', () => {
    const state = run([
      open(0, 22),
      { type: 'buffering', at: 20, buffering: true, playing: true, time: 0 },
      { type: 'buffering', at: 30, buffering: false, playing: true, time: 0 },
      tick(1000, 0),
      tick(2000, 0),
      tick(8000, 0),
    ])
    expect(state.status).toBe('error')
    expect(state.error?.code).toBe(PlaybackErrorCode.STALLED)
  })

  test('the end of the content is counted, the status stays (the screen decides what next)', () => {
    const state = run([open(0), playing(1), { type: 'ended', at: 2 }])
    expect(state.endedCount).toBe(1)
    expect(state.status).toBe('playing')
  })

  test("a live channel's end is the broadcast's: the state says it was live", () => {
    const state = run([liveOpen(0), playing(1), { type: 'ended', at: 2 }])
    expect(state).toMatchObject({ live: true, endedCount: 1 })
    expect(state.error).toBeUndefined()
    expect(run([open(3)], state).live).toBe(false)
  })

  test('stop ends playback; element events after it change nothing', () => {
    const stopped = run([open(0), playing(1), { type: 'stop', at: 2 }])
    expect(stopped.status).toBe('ended')
    expect(run([playing(3), time(4, 9), { type: 'waiting', at: 5 }], stopped)).toEqual(stopped)
  })
})

describe('reducePlayback: the tick and the stall watchdog', () => {
  test('a tick with moving time ends buffering; standing time while playing is buffering', () => {
    let state = run([open(0), playing(10), tick(1000, 1)])
    expect(state.status).toBe('playing')
    state = run([tick(2000, 1)], state)
    expect(state.status).toBe('buffering')
    expect(state.waitingSince).toBe(2000)
    state = run([tick(3000, 2)], state)
    expect(state.status).toBe('playing')
    expect(state.waitingSince).toBeUndefined()
  })

  test('time moved by jumps while the element has no data is a stall, not playback', () => {
    // A live stream whose playlist stopped: Shaka jumps the playhead over the missing stretch
    // every few seconds, the element never has data to play on.
    const starved = (at: number, t: number): PlaybackEvent => ({
      type: 'tick',
      at,
      time: t,
      playing: true,
      starved: true,
    })
    const jump = (at: number, t: number): PlaybackEvent => ({
      type: 'timeupdate',
      at,
      time: t,
      playing: true,
      starved: true,
    })
    const state = run([
      open(0),
      playing(10),
      tick(1000, 1),
      starved(2000, 1.2),
      jump(3500, 6),
      starved(4000, 6),
      jump(5500, 11),
      starved(6000, 11),
    ])
    expect(state.status).toBe('buffering')
    expect(state.waitingSince).toBe(2000)
    const late = run([jump(6500, 16), starved(7000, 16)], state)
    expect(late.status).toBe('error')
    expect(late.error?.code).toBe(PlaybackErrorCode.STALLED)
  })

  test('a paused video standing still is not a stall', () => {
    const state = run([
      open(0),
      playing(10),
      { type: 'pause', at: 20 },
      tick(1000, 4),
      tick(2000, 4),
      tick(9000, 4),
    ])
    expect(state.status).toBe('paused')
    expect(state.error).toBeUndefined()
  })

  test('paused, a seek or an audio change waiting for data is not a stall; played, it is', () => {
    // HLS audio rendition switch while paused: the element's 'waiting' and Shaka's buffering.
    const paused = run([
      open(0),
      playing(10),
      time(500, 4),
      { type: 'pause', at: 1000 },
      { type: 'waiting', at: 1100, paused: true },
      { type: 'buffering', at: 1200, buffering: true, playing: false, time: 4 },
      tick(2000, 4, false),
      tick(30_000, 4, false),
    ])
    expect(paused.status).toBe('paused')
    expect(paused.error).toBeUndefined()
    // Played again without the data: now the household waits, and the watchdog counts.
    const resumed = run(
      [{ type: 'waiting', at: 31_000, paused: false }, tick(36_500, 4, false)],
      paused,
    )
    expect(resumed.error?.code).toBe(PlaybackErrorCode.STALLED)
  })

  test('paused while buffering, the wait is forgotten until it plays again', () => {
    const state = run([
      open(0),
      playing(10),
      time(500, 4),
      { type: 'waiting', at: 1000 },
      { type: 'pause', at: 2000 },
      tick(3000, 4, false),
      tick(40_000, 4, false),
    ])
    expect(state.status).toBe('paused')
    expect(state.error).toBeUndefined()
  })

  test('a start that never moves ends in STALLED after the timeout, not before', () => {
    const before = run([open(0), tick(1000, 0, false), tick(5999, 0, false)])
    expect(before.status).toBe('loading')
    expect(before.error).toBeUndefined()
    const after = run([tick(6000, 0, false)], before)
    expect(after.status).toBe('error')
    expect(after.error?.code).toBe(PlaybackErrorCode.STALLED)
  })

  test('stuck within a second of the end for 3 s is the end, counted once; earlier it is a wait', () => {
    const near = (at: number, t: number, remaining: number): PlaybackEvent =>
      ({
        ...tick(at, t),
        remaining,
      }) as PlaybackEvent
    const stuck = run(
      [open(0), playing(100), near(1000, 18, 2), near(2000, 19.7, 0.4), near(3000, 19.7, 0.4)],
      initialPlaybackState(20_000),
    )
    expect(stuck).toMatchObject({ status: 'buffering', endedCount: 0 })
    const ended = run([near(5000, 19.7, 0.4), near(6000, 19.7, 0.4)], stuck)
    expect(ended).toMatchObject({ status: 'paused', endedCount: 1 })
    expect(ended.error).toBeUndefined()
    // Paused at the end: later ticks neither count it again nor call it a stall.
    const later = run([near(30_000, 19.7, 0.4), near(60_000, 19.7, 0.4)], ended)
    expect(later.endedCount).toBe(1)
    expect(later.error).toBeUndefined()
    // The same wait 5 s before the end is a stall, and live (no end) too.
    const middle = run(
      [open(0), playing(100), near(1000, 15, 5), near(2000, 15, 5), near(23_000, 15, 5)],
      initialPlaybackState(20_000),
    )
    expect(middle.error?.code).toBe(PlaybackErrorCode.STALLED)
    const live = run(
      [open(0), playing(100), tick(1000, 15), tick(2000, 15), tick(23_000, 15)],
      initialPlaybackState(20_000),
    )
    expect(live.error?.code).toBe(PlaybackErrorCode.STALLED)
  })

  describe('a live broadcast that ends, or a live server that stops answering', () => {
    // Live: the element's duration stays infinite, so ticks carry no `remaining`.
    const live = liveOpen(0)
    const playingTo = (until: number) =>
      Array.from({ length: until }, (_, i) => tick(1000 * (i + 1), 1000 + i))
    const gone: PlaybackError = { ...notFound, detail: 'manifest 404' }

    test('its manifest says where it ends (DASH dynamic with a duration): the playhead stuck there for 3 s is the end, not a stall', () => {
      const state = run(
        [
          live,
          playing(100),
          ...playingTo(5),
          { type: 'live-ended', at: 5500, end: 1005 },
          tick(6000, 1005),
          tick(7000, 1005),
          tick(8000, 1005),
          tick(9000, 1005),
          tick(10_000, 1005),
        ],
        initialPlaybackState(20_000),
      )
      expect(state).toMatchObject({ live: true, liveEnd: 1005, endedCount: 1, status: 'paused' })
      expect(state.error).toBeUndefined()
      // Nothing more: later ticks neither count it again nor call it a stall.
      const later = run([tick(40_000, 1005)], state)
      expect(later.endedCount).toBe(1)
      expect(later.error).toBeUndefined()
    })

    test("a catalogue title's stream that was live and ends is an ended broadcast too", () => {
      const state = run(
        [open(0), playing(100), { type: 'live-ended', at: 500 }],
        initialPlaybackState(20_000),
      )
      expect(state).toMatchObject({ live: false, broadcastEnded: true })
      expect(state.liveEnd).toBeUndefined()
      expect(run([open(0), playing(100)], initialPlaybackState(20_000)).broadcastEnded).toBe(
        undefined,
      )
    })

    test('stuck well before the end it says is still a stall', () => {
      const state = run(
        [live, playing(100), ...playingTo(5), { type: 'live-ended', at: 5500, end: 1200 }],
        initialPlaybackState(20_000),
      )
      const stuck = run([tick(6000, 1005), tick(7000, 1005), tick(27_000, 1005)], state)
      expect(stuck.endedCount).toBe(0)
      expect(stuck.error?.code).toBe(PlaybackErrorCode.STALLED)
    })

    test('a manifest that answers 404 on every refresh stays an error with its cause, never the end', () => {
      const state = run(
        [
          live,
          playing(100),
          ...playingTo(5),
          { type: 'error', at: 5500, error: gone },
          tick(6000, 1005),
          { type: 'error', at: 6500, error: gone },
          tick(7000, 1005),
          tick(27_000, 1005),
        ],
        initialPlaybackState(20_000),
      )
      expect(state.endedCount).toBe(0)
      expect(state.error).toEqual(gone)
    })
  })

  test('a short cut (recoverable error, then progress in time) never ends in an error', () => {
    const state = run([
      open(0),
      playing(10),
      { type: 'error', at: 1000, error: notFound },
      time(3000, 1),
      time(3100, 2),
      tick(20_000, 3),
    ])
    expect(state.status).toBe('playing')
    expect(state.error).toBeUndefined()
    // The cause is kept for a later stall.
    expect(state.lastRecoverable).toEqual(notFound)
  })

  test('a stall names the last recoverable error as its cause', () => {
    const state = run([
      open(0),
      playing(10),
      tick(1000, 1),
      { type: 'error', at: 2000, error: notFound },
      tick(7000, 1),
    ])
    expect(state.status).toBe('error')
    expect(state.error).toEqual(notFound)
  })

  test('a waiting that has started is not restarted by more waiting', () => {
    const state = run([
      open(0),
      playing(10),
      tick(500, 1),
      { type: 'waiting', at: 1000 },
      { type: 'waiting', at: 4000 },
      tick(5999, 1),
      tick(6000, 1),
    ])
    expect(state.error?.code).toBe(PlaybackErrorCode.STALLED)
  })
})

describe('reducePlayback: errors and retry', () => {
  test('"Reprendre 10 s plus loin" counts from where the data before the missing segment ends', () => {
    const missing: PlaybackError = { ...notFound, severity: 'critical' }
    const played = run([open(0), playing(10), time(500, 23)])
    // The playhead at 23 s, the buffer up to 28 s, where the server's segment is missing.
    const failed = run([{ type: 'error', at: 1000, error: missing, bufferedEnd: 28 }], played)
    expect(failed.error?.code).toBe(PlaybackErrorCode.NOT_FOUND)
    expect(run([{ type: 'retry', at: 2000, skip: 10 }], failed).startPosition).toBe(38)
    // Without a skip, Retry picks up where it played; without a buffered end, from the playhead.
    expect(run([{ type: 'retry', at: 2000 }], failed).startPosition).toBe(23)
    const bare = run([{ type: 'error', at: 1000, error: missing }], played)
    expect(run([{ type: 'retry', at: 2000, skip: 10 }], bare).startPosition).toBe(33)
  })

  test('a skip counts from the data seen ahead when the engine dropped its buffer before the error', () => {
    const missing: PlaybackError = { ...notFound, severity: 'critical' }
    const seenAhead = (at: number, position: number, end: number): PlaybackEvent => ({
      type: 'timeupdate',
      at,
      time: position,
      playing: true,
      bufferedEnd: end,
    })
    const played = run([open(0), playing(10), seenAhead(500, 22, 28), seenAhead(750, 23, 28)])
    // The error finds nothing buffered any more: the element's end is the playhead's 23 s.
    const failed = run([{ type: 'error', at: 1000, error: missing, bufferedEnd: 23 }], played)
    expect(run([{ type: 'retry', at: 2000, skip: 10 }], failed).startPosition).toBe(38)
    // A seek back since: the data seen is that of the new place.
    const back = run(
      [seenAhead(800, 5, 9), { type: 'error', at: 1000, error: missing, bufferedEnd: 5 }],
      played,
    )
    expect(run([{ type: 'retry', at: 2000, skip: 10 }], back).startPosition).toBe(19)
    // The playhead past what was seen (a seek forward into no data): counted from the playhead.
    const ahead = run(
      [time(800, 40), { type: 'error', at: 1000, error: missing, bufferedEnd: 40 }],
      played,
    )
    expect(run([{ type: 'retry', at: 2000, skip: 10 }], ahead).startPosition).toBe(50)
  })

  test('a critical error is kept; later ones and element events do not replace it', () => {
    const other: PlaybackError = { ...fatal, code: PlaybackErrorCode.NETWORK, detail: 'x' }
    const state = run([
      open(0),
      playing(10),
      { type: 'error', at: 20, error: fatal },
      { type: 'error', at: 30, error: other },
      playing(40),
      tick(50, 9),
    ])
    expect(state.status).toBe('error')
    expect(state.error).toEqual(fatal)
  })

  test('a failure before the stream loads (no stream) shows even with nothing open', () => {
    const state = run([{ type: 'error', at: 0, error: fatal }])
    expect(state.status).toBe('error')
  })

  test('retry clears the error and picks up where the content last played', () => {
    const failed = run([
      open(0, 10),
      playing(10),
      time(100, 12),
      time(200, 31.5),
      { type: 'error', at: 300, error: fatal },
    ])
    const retried = run([{ type: 'retry', at: 400 }], failed)
    expect(retried).toMatchObject({
      status: 'loading',
      startPosition: 31.5,
      openedAt: 400,
      playRetries: 0,
    })
    expect(retried.error).toBeUndefined()
    expect(run([playing(900)], retried).startupMs).toBe(500)
  })

  test('retry never moves the start back behind the resume point', () => {
    const failed = run([open(0, 50), { type: 'error', at: 10, error: fatal }])
    expect(run([{ type: 'retry', at: 20 }], failed).startPosition).toBe(50)
  })
})

describe('reducePlayback: a failure ahead of the playhead (a segment missing)', () => {
  const missing: PlaybackError = { ...notFound, severity: 'critical' }
  const ahead = (at: number): PlaybackEvent => ({ type: 'error', at, error: missing, ahead: true })

  test('what is buffered plays on: no error while time moves, paused or playing', () => {
    const state = run([
      open(0),
      playing(10),
      time(100, 18),
      ahead(110),
      time(1000, 19),
      tick(1100, 20),
      { type: 'pause', at: 1200 },
      tick(2200, 20, false),
      playing(3000),
      time(3100, 22),
    ])
    expect(state.status).toBe('playing')
    expect(state.error).toBeUndefined()
    expect(state.lastGoodTime).toBe(22)
  })

  test.each<[string, PlaybackEvent]>([
    ['Shaka says it buffers', { type: 'buffering', at: 5000, buffering: true, playing: true }],
    ['the element waits', { type: 'waiting', at: 5000 }],
    ['time stands still at a tick', tick(5000, 24)],
  ])('the error shows once the buffer runs dry: %s', (_, dry) => {
    const state = run([
      open(0),
      playing(10),
      time(100, 18),
      ahead(110),
      time(4000, 24),
      tick(4500, 24),
      dry,
    ])
    expect(state.status).toBe('error')
    expect(state.error).toEqual(missing)
    expect(state.lastGoodTime).toBe(24)
  })

  test('time standing still while the element holds data (a busy box) is not the buffer running dry', () => {
    const busy = (at: number, t: number): PlaybackEvent => ({
      type: 'tick',
      at,
      time: t,
      playing: true,
      starved: false,
    })
    const stuck = run([
      open(0),
      playing(10),
      time(100, 7),
      ahead(110),
      tick(1000, 7.6),
      busy(2000, 7.6),
    ])
    expect(stuck.status).toBe('buffering')
    expect(stuck.error).toBeUndefined()
    // It plays on to the gap, where the element says it waits: the error.
    const moving = run([busy(3000, 8.4), time(9000, 16), busy(10000, 16)], stuck)
    expect(moving.error).toBeUndefined()
    expect(run([{ type: 'waiting', at: 10100 }], moving).error).toEqual(missing)
    // Stuck with data for longer than a busy moment: the error shows anyway.
    expect(run([busy(6000, 7.6)], stuck).error).toBeUndefined()
    expect(run([busy(7100, 7.6)], stuck).error).toEqual(missing)
  })

  test('already waiting, or not started yet, it shows at once', () => {
    const buffering = { type: 'buffering', at: 20, buffering: true, playing: true } as const
    expect(run([open(0), playing(10), buffering, ahead(30)]).error).toEqual(missing)
    expect(run([open(0), ahead(30)]).error).toEqual(missing)
  })

  test('past the last segment the media has (a manifest a little longer than it), it is the end', () => {
    // The manifest says 24.5 s; the media has 24 s.
    const at = (ms: number, t: number): PlaybackEvent => ({
      type: 'tick',
      at: ms,
      time: t,
      playing: true,
      remaining: 24.5 - t,
    })
    const ended = run([open(0), playing(10), time(100, 18), ahead(110), at(4000, 23.9)])
    const atEnd = run(
      [{ type: 'waiting', at: 4100 }, at(5000, 24), at(6000, 24), at(9100, 24)],
      ended,
    )
    expect(atEnd).toMatchObject({ status: 'paused', endedCount: 1 })
    expect(atEnd.error).toBeUndefined()
    // Run dry well before that point (a gap in the middle), it is the error.
    const early = run([
      open(0),
      playing(10),
      time(100, 12),
      ahead(110),
      at(150, 12),
      { type: 'waiting', at: 200 },
    ])
    expect(early.error).toEqual(missing)
  })

  test('Shaka still retrying a segment missing a few seconds before the end: the end, after a wait', () => {
    const sample = (at: number, t: number): PlaybackEvent => ({
      type: 'tick',
      at,
      time: t,
      playing: true,
      remaining: 62 - t,
    })
    const stuck = run([
      open(0),
      playing(10),
      time(100, 59.5),
      { type: 'error', at: 200, error: notFound },
      { type: 'waiting', at: 300 },
      sample(1300, 59.5),
      sample(2300, 59.5),
    ])
    expect(stuck).toMatchObject({ status: 'buffering', endedCount: 0 })
    expect(run([sample(5400, 59.5)], stuck)).toMatchObject({ status: 'paused', endedCount: 1 })
    // Without a missing segment, a wait that far from the end is a stall, not the end.
    const slow = run([
      open(0),
      playing(10),
      time(100, 59.5),
      { type: 'waiting', at: 300 },
      sample(1300, 59.5),
      sample(2300, 59.5),
      sample(5400, 59.5),
    ])
    expect(slow.endedCount).toBe(0)
  })

  test('"Reprendre 10 s plus loin" landing a few seconds before the end, where a segment is missing: the end', () => {
    // 30 s of media under a manifest that says 45 s (or 90 s): the gap at 29 s is 16 s (61 s)
    // from the stated end.
    const sample =
      (stated: number) =>
      (at: number, t: number, isPlaying = true): PlaybackEvent => ({
        type: 'tick',
        at,
        time: t,
        playing: isPlaying,
        remaining: stated - t,
      })
    const skipFrom29 = (stated: number) => {
      const at = sample(stated)
      const gap = run([
        open(0),
        playing(10),
        time(100, 29),
        ahead(110),
        at(150, 29),
        { type: 'waiting', at: 200 },
      ])
      expect(gap.error).toEqual(missing)
      // The skip starts at 39 s; the segment there is missing too, and Shaka retries it.
      return run(
        [
          { type: 'retry', at: 1000, skip: 10 },
          { type: 'error', at: 1200, error: notFound },
          at(2000, 39, false),
          at(3000, 39, false),
          at(4300, 39, false),
          at(7000, 39, false),
        ],
        gap,
      )
    }
    const nearEnd = skipFrom29(45)
    expect(nearEnd).toMatchObject({ endedCount: 1 })
    expect(nearEnd.error).toBeUndefined()
    // A skip into a gap far from the end is the same error again, once the stall wait is over.
    const farFromEnd = skipFrom29(90)
    expect(farFromEnd.endedCount).toBe(0)
    expect(farFromEnd.error?.code).toBe(PlaybackErrorCode.NOT_FOUND)
  })

  describe('"Reprendre 10 s plus loin" twice: 24 s of media (4 s segments, the fifth missing) under a playlist that says 40 s', () => {
    // The element stands at 0 while Shaka has not placed the playhead at the start asked for:
    // it said 25.4 on the first skip, and 0 until the failure on the second.
    const at = (ms: number, t: number): PlaybackEvent => ({
      type: 'tick',
      at: ms,
      time: t,
      playing: false,
      remaining: 40 - t,
    })
    const skippedTwice = (): PlaybackState => {
      const gap = run([open(0), playing(10), time(100, 15.4), ahead(110), at(150, 15.4)])
      const first = run([{ type: 'waiting', at: 200 }], gap)
      expect(first.error).toEqual(missing)
      // 25.4: the segment there is missing too, 14.6 s from the stated end: the same error.
      const second = run(
        [{ type: 'retry', at: 1000, skip: 10 }, at(1100, 25.4), at(2100, 25.4), ahead(2500)],
        first,
      )
      expect(second.error).toEqual(missing)
      expect(second.startPosition).toBeCloseTo(25.4)
      return run([{ type: 'retry', at: 3000, skip: 10 }], second)
    }

    test('the second lands 4.6 s from the end, its segment missing: the end, not the error again', () => {
      const ended = run(
        [at(3100, 0), at(4100, 0), ahead(4500), at(5100, 0), at(6100, 0), at(7100, 0), at(8100, 0)],
        skippedTwice(),
      )
      expect(ended.error).toBeUndefined()
      expect(ended.endedCount).toBe(1)
    })

    test('also when the load itself fails on that segment (no tick has come)', () => {
      const failed: PlaybackEvent = { type: 'error', at: 3500, error: missing }
      const ended = run([failed], skippedTwice())
      expect(ended.error).toBeUndefined()
      expect(ended.endedCount).toBe(1)
    })

    test('a resume (not a skip) to the same point still says what is wrong', () => {
      const resumed = run([open(0, 35.4), at(100, 0), ahead(500), at(1100, 0)])
      expect(resumed.error).toEqual(missing)
    })
  })

  test('a retry, or a new title, forgets it', () => {
    const pending = run([open(0), playing(10), time(100, 18), ahead(110)])
    const retried = run(
      [{ type: 'retry', at: 200 }, playing(300), tick(1300, 20), tick(2300, 20)],
      pending,
    )
    expect(retried.status).toBe('buffering')
    expect(retried.error).toBeUndefined()
    const next = run([open(400), playing(500), tick(1500, 1), tick(2500, 1)], pending)
    expect(next.error).toBeUndefined()
  })
})

describe("reducePlayback: ad mode (Shaka's interstitials in the one element)", () => {
  const started = (): PlaybackState =>
    run([open(0, 20), playing(10), time(100, 21), time(200, 22.4)])

  test('a break switches to ad mode and counts its ads', () => {
    const state = run(
      [
        { type: 'ad-break-started', at: 300 },
        { type: 'ad-started', at: 310, index: 1, count: 2, duration: 12, skipOffset: 5 },
        playing(400),
      ],
      started(),
    )
    expect(state.mode).toBe('ad')
    expect(state.status).toBe('playing')
    expect(state.ad).toEqual({ index: 1, count: 2, remaining: 12, skipIn: 5 })
  })

  test("the ad's time never moves the content's resume point; its end is not the title's", () => {
    const state = run(
      [
        { type: 'ad-break-started', at: 300 },
        { type: 'ad-started', at: 310, index: 1, count: 1, duration: 12, skipOffset: null },
        playing(400),
        time(500, 3),
        time(600, 11.9),
        { type: 'ended', at: 700 },
      ],
      started(),
    )
    expect(state.lastGoodTime).toBe(22.4)
    expect(state.endedCount).toBe(0)
  })

  test('progress counts down the ad and the skip delay, never below 0', () => {
    const base = run(
      [
        { type: 'ad-break-started', at: 300 },
        { type: 'ad-started', at: 310, index: 1, count: 1, duration: 12, skipOffset: 5 },
      ],
      started(),
    )
    expect(run([{ type: 'ad-progress', at: 1, remaining: 9, skipIn: 2 }], base).ad).toMatchObject({
      remaining: 9,
      skipIn: 2,
    })
    expect(run([{ type: 'ad-progress', at: 1, remaining: -1, skipIn: -3 }], base).ad).toMatchObject(
      { remaining: 0, skipIn: 0 },
    )
  })

  test('a non-skippable ad stays non-skippable whatever progress says', () => {
    const state = run(
      [
        { type: 'ad-break-started', at: 300 },
        { type: 'ad-started', at: 310, index: 1, count: 1, duration: 12, skipOffset: null },
        { type: 'ad-progress', at: 400, remaining: 5, skipIn: 0 },
      ],
      started(),
    )
    expect(state.ad?.skipIn).toBeNull()
  })

  test('a stuck ad is not a content stall (Shaka gives up on it)', () => {
    const state = run(
      [
        { type: 'ad-break-started', at: 300 },
        { type: 'ad-started', at: 310, index: 1, count: 1, duration: 12, skipOffset: null },
        tick(1000, 0, false),
        tick(9000, 0, false),
      ],
      started(),
    )
    expect(state.error).toBeUndefined()
    expect(state.mode).toBe('ad')
  })

  test('the end of the break returns to the content, loading, at the same resume point', () => {
    const state = run(
      [
        { type: 'ad-break-started', at: 300 },
        { type: 'ad-started', at: 310, index: 1, count: 1, duration: 12, skipOffset: null },
        time(600, 11.9),
        { type: 'ad-break-ended', at: 12_000 },
      ],
      started(),
    )
    expect(state).toMatchObject({ mode: 'content', status: 'loading', lastGoodTime: 22.4 })
    expect(state.ad).toBeUndefined()
    const back = run([playing(12_500), time(12_600, 22.5)], state)
    expect(back.status).toBe('playing')
    expect(back.lastGoodTime).toBe(22.5)
  })

  test('a critical error during a break leaves ad mode for the error', () => {
    const state = run(
      [
        { type: 'ad-break-started', at: 300 },
        { type: 'error', at: 400, error: fatal },
      ],
      started(),
    )
    expect(state).toMatchObject({ status: 'error', mode: 'content' })
  })

  test('ad events outside a break change nothing', () => {
    const before = started()
    expect(
      run(
        [
          { type: 'ad-started', at: 310, index: 1, count: 1, duration: 12, skipOffset: null },
          { type: 'ad-break-ended', at: 400 },
        ],
        before,
      ),
    ).toEqual(before)
  })
})

describe("reducePlayback: a post-roll at the content's end", () => {
  const nearEnd = (): PlaybackState =>
    run([open(0), playing(10), time(100, 58), { type: 'ad-post-roll', at: 150 }, time(200, 59.9)])
  const ended = (at: number): PlaybackEvent => ({ type: 'ended', at })

  test("the content's end waits for the post-roll, and counts once it is over", () => {
    const waiting = run([{ type: 'pause', at: 290 }, ended(300)], nearEnd())
    expect(waiting).toMatchObject({ endedCount: 0, endingAt: 300, postRoll: true })
    const inBreak = run(
      [
        { type: 'ad-break-started', at: 400 },
        { type: 'ad-started', at: 410, index: 1, count: 1, duration: 15, skipOffset: null },
        playing(500),
        // The ad's own end and its ticks are not the title's.
        ended(15_000),
        tick(15_100, 15),
        tick(30_000, 15),
      ],
      waiting,
    )
    expect(inBreak).toMatchObject({ mode: 'ad', endedCount: 0 })
    const over = run([{ type: 'ad-break-ended', at: 30_100 }], inBreak)
    expect(over).toMatchObject({ mode: 'content', status: 'paused', endedCount: 1 })
    expect(over.postRoll).toBe(false)
    expect(over.endingAt).toBeUndefined()
  })

  test("a post-roll Shaka starts before the element's end still ends the title when it is over", () => {
    const inBreak = run(
      [
        { type: 'ad-break-started', at: 300 },
        { type: 'ad-started', at: 310, index: 1, count: 1, duration: 6, skipOffset: null },
        playing(400),
      ],
      nearEnd(),
    )
    expect(inBreak).toMatchObject({ mode: 'ad', endedCount: 0 })
    expect(inBreak.endingAt).toBeUndefined()
    const over = run([{ type: 'ad-break-ended', at: 6_500, post: true }], inBreak)
    expect(over).toMatchObject({ mode: 'content', status: 'paused', endedCount: 1 })
  })

  test('a post-roll that never starts lets the title end a few seconds later', () => {
    const waiting = run([ended(300), tick(1300, 59.9, false), tick(3300, 59.9, false)], nearEnd())
    expect(waiting.endedCount).toBe(0)
    expect(waiting.error).toBeUndefined()
    expect(run([tick(4300, 59.9, false)], waiting).endedCount).toBe(1)
  })

  test('without a post-roll the end counts at once; a retry forgets the post-roll', () => {
    expect(run([open(0), playing(10), ended(300)]).endedCount).toBe(1)
    const retried = run([{ type: 'retry', at: 400 }], nearEnd())
    expect(retried.postRoll).toBe(false)
  })
})
