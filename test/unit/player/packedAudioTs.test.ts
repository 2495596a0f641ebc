import { adtsFromTransportStream, isTransportStream } from '../../../src/player/packedAudioTs'
import { packedAudioSegment, startsWithId3 } from '../../../src/player/packedAudioTimestamp'

import { adtsFrame, AUDIO_PID, packet, pat, pes, pmt } from './tsPackets'

describe('packed audio written as MPEG-2 TS (HLS .aac segments holding TS packets)', () => {
  const frames = [adtsFrame(300, 1), adtsFrame(250, 2), adtsFrame(20, 3)]

  test('the AAC frames of every PES are joined, without PES headers or stuffing', () => {
    const ts = Uint8Array.from([
      ...pat(),
      ...pmt([[0x0f, AUDIO_PID]]),
      ...pes(AUDIO_PID, [...frames[0]!, ...frames[1]!]),
      ...pes(AUDIO_PID, frames[2]!),
    ])
    expect(isTransportStream(ts)).toBe(true)
    expect([...adtsFromTransportStream(ts)!]).toEqual(frames.flat())
  })

  test('other streams of the program (timed ID3, a picture) are left out', () => {
    const ts = Uint8Array.from([
      ...pat(),
      ...pmt([
        [0x15, 0x102],
        [0x1b, 0x100],
        [0x0f, AUDIO_PID],
      ]),
      ...pes(0x102, [9, 9, 9]),
      ...pes(AUDIO_PID, frames[0]!),
      ...pes(0x100, [7, 7, 7, 7]),
      ...pes(AUDIO_PID, frames[1]!),
    ])
    expect([...adtsFromTransportStream(ts)!]).toEqual([...frames[0]!, ...frames[1]!])
  })

  test('the tail of a PES begun in the previous segment is dropped', () => {
    const tail = packet(AUDIO_PID, false, [5, 5, 5, 5])
    const ts = Uint8Array.from([
      ...pat(),
      ...pmt([[0x0f, AUDIO_PID]]),
      ...tail,
      ...pes(AUDIO_PID, frames[1]!),
    ])
    expect([...adtsFromTransportStream(ts)!]).toEqual(frames[1])
  })

  test('a TS whose sound is not AAC in ADTS, and what is not TS, are not read', () => {
    const mp3 = Uint8Array.from([...pat(), ...pmt([[0x03, AUDIO_PID]]), ...pes(AUDIO_PID, [1])])
    expect(adtsFromTransportStream(mp3)).toBeNull()
    const adts = Uint8Array.from(frames.flat())
    expect(isTransportStream(adts)).toBe(false)
    expect(adtsFromTransportStream(adts)).toBeNull()
  })

  test('a TS .aac segment reaches Shaka as dated ADTS; a bare one keeps its bytes', () => {
    const ts = Uint8Array.from([
      ...pat(),
      ...pmt([[0x0f, AUDIO_PID]]),
      ...pes(AUDIO_PID, frames[0]!),
    ])
    const fromTs = packedAudioSegment(ts, 4)
    expect(startsWithId3(fromTs)).toBe(true)
    expect([...fromTs.subarray(fromTs.length - 300)]).toEqual(frames[0])
    expect(fromTs.length).toBeLessThan(ts.length)
    const bare = Uint8Array.from(frames[0]!)
    expect([...packedAudioSegment(bare, 4).subarray(-300)]).toEqual(frames[0])
  })
})
