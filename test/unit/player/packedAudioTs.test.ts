import { adtsFromTransportStream, isTransportStream } from '../../../src/player/packedAudioTs'
import { packedAudioSegment, startsWithId3 } from '../../../src/player/packedAudioTimestamp'

const PMT_PID = 0x1000
const AUDIO_PID = 0x101

/** One 188-byte packet; a short payload is padded with an adaptation field, as muxers do. */
function packet(pid: number, unitStart: boolean, payload: number[]): number[] {
  const header = [0x47, (unitStart ? 0x40 : 0) | (pid >> 8), pid & 0xff]
  const room = 184 - payload.length
  if (room === 0) return [...header, 0x10, ...payload]
  const stuffing = room === 1 ? [0] : [room - 1, 0x00, ...Array<number>(room - 2).fill(0xff)]
  return [...header, 0x30, ...stuffing, ...payload]
}

/** A PSI section (after a zero pointer field) with a dummy CRC: the reader does not check it. */
function section(tableId: number, body: number[]): number[] {
  const length = 5 + body.length + 4
  return [0, tableId, 0xb0 | (length >> 8), length & 0xff, 0, 1, 0xc1, 0, 0, ...body, 0, 0, 0, 0]
}

const pat = () => packet(0, true, section(0x00, [0, 1, 0xe0 | (PMT_PID >> 8), PMT_PID & 0xff]))

/** A program map listing `streams` ([stream_type, pid]), each with one 2-byte descriptor. */
const pmt = (streams: [number, number][]) =>
  packet(
    PMT_PID,
    true,
    section(0x02, [
      0xe1,
      0x00,
      0xf0,
      0x00,
      ...streams.flatMap(([type, pid]) => [type, 0xe0 | (pid >> 8), pid & 0xff, 0xf0, 2, 0x0a, 0]),
    ]),
  )

/** A PES packet (stream 0xC0, with a PTS) carrying `data`, cut into TS packets. */
function pes(pid: number, data: number[]): number[] {
  const header = [0, 0, 1, 0xc0, 0, 0, 0x80, 0x80, 5, 0x21, 0, 1, 0, 1]
  const bytes = [...header, ...data]
  const out: number[] = []
  for (let at = 0; at < bytes.length; at += 184) {
    out.push(...packet(pid, at === 0, bytes.slice(at, at + 184)))
  }
  return out
}

/** An ADTS frame of `size` bytes in all (7-byte header), filled with `fill`. */
function adtsFrame(size: number, fill: number): number[] {
  return [
    0xff,
    0xf1,
    0x4c,
    0x80 | ((size >> 11) & 0x3),
    (size >> 3) & 0xff,
    ((size & 0x7) << 5) | 0x1f,
    0xfc,
    ...Array<number>(size - 7).fill(fill),
  ]
}

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
