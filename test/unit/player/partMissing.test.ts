import { PlaybackErrorCode, type PlaybackError } from '../../../src/player/errors'
import { isPartMissing, partMessageKey } from '../../../src/player/partMissing'
import { initialPlaybackState, reducePlayback } from '../../../src/player/playbackState'

const notFound: PlaybackError = {
  code: PlaybackErrorCode.NOT_FOUND,
  category: 'network',
  severity: 'critical',
  detail: 'HTTP 404 seg-0-00013.m4s',
}

describe('isPartMissing: a 404 once a title had played is a part missing, not the video', () => {
  const played = { startupMs: 400, lastGoodTime: 23 }
  const neverPlayed = { startupMs: undefined, lastGoodTime: 0 }

  test('a title that played, then lost a segment', () => {
    expect(isPartMissing(notFound, played, true)).toBe(true)
  })

  test('not a start that never played, nor live TV, nor another error', () => {
    expect(isPartMissing(notFound, neverPlayed, true)).toBe(false)
    // A resume point is where the start was asked for, not something that played.
    expect(isPartMissing(notFound, { startupMs: undefined, lastGoodTime: 600 }, true)).toBe(false)
    expect(isPartMissing(notFound, played, false)).toBe(false)
    expect(isPartMissing({ ...notFound, code: PlaybackErrorCode.NETWORK }, played, true)).toBe(
      false,
    )
  })

  test('the start after a skip that failed too: still a part missing (the gap is longer)', () => {
    expect(isPartMissing(notFound, neverPlayed, true, true)).toBe(true)
  })
})

describe('a retry that skips ahead', () => {
  test('starts that many seconds past where playback stopped', () => {
    const playedTo = [
      { type: 'open', at: 0, id: 't', url: 'u', live: false, startPosition: 0 },
      { type: 'playing', at: 10 },
      { type: 'timeupdate', at: 100, time: 23, playing: true },
      { type: 'error', at: 200, error: notFound },
    ] as const
    const failed = playedTo.reduce(reducePlayback, initialPlaybackState(5000))
    expect(reducePlayback(failed, { type: 'retry', at: 300, skip: 10 }).startPosition).toBe(33)
    expect(reducePlayback(failed, { type: 'retry', at: 300 }).startPosition).toBe(23)
  })
})

describe('a segment refused as damaged (cut short), once the title had played', () => {
  const damaged: PlaybackError = {
    code: PlaybackErrorCode.MEDIA,
    category: 'media',
    severity: 'critical',
    shakaCode: 3016,
    detail: 'Shaka error 3016 (3)',
  }

  test('is a part of the video, said as damaged rather than missing', () => {
    expect(isPartMissing(damaged, { startupMs: 400, lastGoodTime: 2 }, true)).toBe(true)
    expect(partMessageKey(damaged)).toBe('player.error.partDamaged')
    expect(partMessageKey(notFound)).toBe('player.error.partMissing')
    // A video that cannot be decoded from its start is the whole video, not a part.
    expect(isPartMissing(damaged, { startupMs: undefined, lastGoodTime: 0 }, true)).toBe(false)
  })

  test('a skip goes on past where the good data ended, not from the playhead seconds before it', () => {
    // The engine refuses the segment at 12 s on arrival, while the playhead is at 2 s.
    const refused = [
      { type: 'open', at: 0, id: 't', url: 'u', live: false, startPosition: 0 },
      { type: 'playing', at: 10 },
      { type: 'timeupdate', at: 100, time: 2, playing: true },
      { type: 'error', at: 200, error: damaged, bufferedEnd: 12 },
    ] as const
    const failed = refused.reduce(reducePlayback, initialPlaybackState(5000))
    expect(reducePlayback(failed, { type: 'retry', at: 300, skip: 10 }).startPosition).toBe(22)
    expect(reducePlayback(failed, { type: 'retry', at: 300 }).startPosition).toBe(2)
  })
})
