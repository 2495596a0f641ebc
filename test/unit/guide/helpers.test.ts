import { classify } from '../../../src/catalogue/ratings'
import type { Programme } from '../../../src/guide/contract'
import {
  catchupUrl,
  daySlots,
  nowAndNext,
  programmeAt,
  replayState,
  restartOffsetSeconds,
} from '../../../src/guide/helpers'
import { brusselsTime, fromBrussels } from '../../../src/guide/zone'

const MIN = 60_000
const HOUR = 60 * MIN
const T0 = Date.UTC(2026, 11, 2, 18, 30)

const programme = (over: Partial<Programme> = {}): Programme => ({
  id: `ardenne-1-${over.start ?? T0}`,
  channelId: 'ardenne-1',
  start: T0,
  end: T0 + 45 * MIN,
  title: { fr: 'Le Journal de 19h30' },
  classification: classify([{ system: 'CSA', value: 'TP' }]),
  restart: true,
  replay: true,
  ...over,
})

const channel = {
  restart: true,
  replayDays: 7,
  catchup: {
    dash: 'http://box/live/ardenne-1/catchup.mpd?start={start}&end={end}',
    hls: 'http://box/live/ardenne-1/catchup.m3u8?start={start}&end={end}',
  },
}

describe('what is on', () => {
  const list = [
    programme({ start: T0 - HOUR, end: T0 }),
    programme(),
    programme({ start: T0 + 60 * MIN, end: T0 + 90 * MIN }), // a gap from 19:15 to 19:30
    programme({ channelId: 'kadee', start: T0, end: T0 + HOUR }),
  ]

  test('programmeAt: start inclusive, end exclusive, per channel', () => {
    expect(programmeAt(list, 'ardenne-1', T0)?.start).toBe(T0)
    expect(programmeAt(list, 'ardenne-1', T0 - 1)?.start).toBe(T0 - HOUR)
    expect(programmeAt(list, 'ardenne-1', T0 + 45 * MIN)).toBeUndefined()
    expect(programmeAt(list, 'kadee', T0 + 30 * MIN)?.channelId).toBe('kadee')
  })

  test('nowAndNext, and in a gap: nothing now, the next one', () => {
    expect(nowAndNext(list, 'ardenne-1', T0 + MIN)).toEqual({ now: list[1], next: list[2] })
    expect(nowAndNext(list, 'ardenne-1', T0 + 50 * MIN)).toEqual({ next: list[2] })
    expect(nowAndNext(list, 'ardenne-1', T0 + 2 * HOUR)).toEqual({})
  })
})

describe('30-minute slots of a Brussels day', () => {
  test('48 slots from local midnight on an ordinary day', () => {
    const slots = daySlots(fromBrussels(2026, 12, 2, 15))
    expect(slots).toHaveLength(48)
    expect(brusselsTime(slots[0]!.start)).toMatchObject({ day: 2, hour: 0, minute: 0 })
    expect(brusselsTime(slots[47]!.end)).toMatchObject({ day: 3, hour: 0, minute: 0 })
  })

  test('46 on the spring-forward day, 50 on the fall-back day', () => {
    expect(daySlots(fromBrussels(2026, 3, 29, 12))).toHaveLength(46)
    expect(daySlots(fromBrussels(2026, 10, 25, 12))).toHaveLength(50)
  })
})

describe('replayState at its boundaries', () => {
  const p = programme()

  test('upcoming until its first millisecond, then restartable while on air', () => {
    expect(replayState(p, channel, T0 - 1)).toEqual({ state: 'upcoming', until: T0 })
    expect(replayState(p, channel, T0)).toEqual({ state: 'restartable' })
    expect(replayState(p, channel, p.end - 1)).toEqual({ state: 'restartable' })
  })

  test('on air without restart: live, with the reason', () => {
    expect(replayState(p, { ...channel, restart: false }, T0 + MIN)).toEqual({
      state: 'live',
      reason: 'channel-no-restart',
    })
    expect(replayState(programme({ restart: false }), channel, T0 + MIN)).toEqual({
      state: 'live',
      reason: 'programme-no-restart',
    })
    const long = programme({ end: T0 + 5 * HOUR })
    expect(replayState(long, channel, T0 + 3 * HOUR).state).toBe('restartable')
    expect(replayState(long, channel, T0 + 3 * HOUR + 1)).toEqual({
      state: 'live',
      reason: 'beyond-timeshift',
    })
  })

  test('replay from its end for replayDays, then expired', () => {
    const until = p.end + 7 * 24 * HOUR
    expect(replayState(p, channel, p.end)).toEqual({ state: 'replay', until })
    expect(replayState(p, channel, until - 1).state).toBe('replay')
    expect(replayState(p, channel, until)).toEqual({ state: 'no-replay', reason: 'replay-expired' })
  })

  test('no replay without the channel right, a catch-up stream, or the programme right', () => {
    const after = p.end + MIN
    expect(replayState(p, { ...channel, replayDays: 0 }, after).reason).toBe('channel-no-replay')
    expect(replayState(p, { restart: true, replayDays: 7 }, after).reason).toBe('channel-no-replay')
    expect(replayState(programme({ replay: false }), channel, after)).toEqual({
      state: 'no-replay',
      reason: 'programme-no-replay',
    })
  })
})

describe('playing a past or current programme', () => {
  test('catch-up URL: the window in epoch seconds, start down and end up', () => {
    const p = programme({ start: T0 + 500, end: T0 + 45 * MIN + 500 })
    const start = Math.floor((T0 + 500) / 1000)
    const end = Math.ceil((T0 + 45 * MIN + 500) / 1000)
    expect(catchupUrl(p, channel)).toEqual({
      url: `http://box/live/ardenne-1/catchup.mpd?start=${start}&end=${end}`,
      format: 'dash',
    })
    expect(catchupUrl(p, channel, 'hls')?.format).toBe('hls')
    expect(catchupUrl(p, { catchup: { hls: channel.catchup.hls } })?.format).toBe('hls')
    expect(catchupUrl(p, {})).toBeUndefined()
  })

  test('restart offset: seconds back from the live edge to the start', () => {
    expect(restartOffsetSeconds(programme(), T0 + 12 * MIN)).toBe(720)
    expect(restartOffsetSeconds(programme(), T0 - 5)).toBe(0)
  })
})
