import {
  id3Timestamp,
  startsWithId3,
  withStartTimestamp,
} from '../../../src/player/packedAudioTimestamp'

/** Reads the timestamp back as Shaka does: the PRIV frame's last 8 bytes, in 90 kHz ticks. */
function ticksOf(tag: Uint8Array): number {
  const text = String.fromCharCode(...tag)
  const owner = 'com.apple.streaming.transportStreamTimestamp\0'
  const at = text.indexOf(owner) + owner.length
  const bytes = tag.subarray(at, at + 8)
  return (
    (bytes[3]! & 1) * 2 ** 32 +
    ((bytes[4]! << 24) >>> 0) +
    (bytes[5]! << 16) +
    (bytes[6]! << 8) +
    bytes[7]!
  )
}

/** An ID3v2 tag's size from its header (syncsafe), plus the header. */
const tagLength = (tag: Uint8Array) =>
  10 + ((tag[6]! << 21) | (tag[7]! << 14) | (tag[8]! << 7) | tag[9]!)

const ADTS = Uint8Array.from([0xff, 0xf1, 0x4c, 0x40, 0x18, 0xff, 0xfc, 0xde])

describe('packed audio timestamps (HLS .aac segments without ID3)', () => {
  test('an ID3v2.4 tag with one PRIV transportStreamTimestamp frame, in 90 kHz ticks', () => {
    const tag = id3Timestamp(8.010667)
    expect(startsWithId3(tag)).toBe(true)
    expect(tagLength(tag)).toBe(tag.length)
    expect(String.fromCharCode(...tag.subarray(10, 14))).toBe('PRIV')
    expect(ticksOf(tag)).toBe(720_960)
  })

  test('a time past 2^32 ticks (13 h 15 min) keeps its 33rd bit', () => {
    expect(ticksOf(id3Timestamp(50_000))).toBe(4_500_000_000)
  })

  test('an undated segment gets the tag in front of its first ADTS frame', () => {
    const dated = withStartTimestamp(ADTS, 4)
    expect(startsWithId3(dated)).toBe(true)
    expect(ticksOf(dated)).toBe(360_000)
    expect([...dated.subarray(tagLength(dated))]).toEqual([...ADTS])
  })

  test('a segment that dates itself is left as it is', () => {
    const own = withStartTimestamp(ADTS, 12)
    expect(withStartTimestamp(own, 4)).toBe(own)
    expect(withStartTimestamp(ADTS, 0)).not.toBe(ADTS)
  })
})
