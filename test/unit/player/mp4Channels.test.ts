import { channelsOfInitSegment } from '../../../src/player/mp4Channels'
import { box, fullBox, init, u32, visualEntry } from './isoBoxes'

/** Bytes from a string of bit fields ("00010 0011 0110"), spaces ignored, zero-padded. */
const fields = (text: string): number[] => {
  const bits = text.replace(/\s/g, '')
  const out: number[] = []
  for (let at = 0; at < bits.length; at += 8)
    out.push(parseInt(bits.slice(at, at + 8).padEnd(8, '0'), 2))
  return out
}
const binary = (value: number, width: number): string => value.toString(2).padStart(width, '0')

/** An audio sample entry whose `channelcount` field says `count`. */
const audioEntry = (type: string, count: number, ...children: number[][]): number[] =>
  box(type, new Array(16).fill(0), [0, count], new Array(10).fill(0), ...children)

/** esds around an AudioSpecificConfig. */
const esds = (specific: number[]): number[] => {
  const info = [0x05, specific.length, ...specific]
  const decoder = [0x04, 13 + info.length, 0x40, 0x15, 0, 0, 0, ...u32(0), ...u32(0), ...info]
  return fullBox('esds', [0x03, 3 + decoder.length, 0, 1, 0, ...decoder])
}
const aac = (config: string, count = 2): Uint8Array =>
  init(audioEntry('mp4a', count, esds(fields(config))))

describe('channelsOfInitSegment', () => {
  test("AAC: the AudioSpecificConfig's channelConfiguration, not the entry's count", () => {
    // AAC-LC (00010), 48 kHz (0011), then the configuration.
    expect(channelsOfInitSegment(aac('00010 0011 0010 000'))).toBe(2)
    expect(channelsOfInitSegment(aac('00010 0011 0110 000', 2))).toBe(6)
    expect(channelsOfInitSegment(aac('00010 0011 0111 000'))).toBe(8)
    expect(channelsOfInitSegment(aac('00010 0011 0001 000'))).toBe(1)
  })

  test('AAC with an explicit sampling frequency or an escaped object type', () => {
    expect(channelsOfInitSegment(aac(`00010 1111 ${binary(44100, 24)} 0110 000`))).toBe(6)
    // Object type 42 (USAC): 11111 then 001010.
    expect(channelsOfInitSegment(aac('11111 001010 0011 0010 0'))).toBe(2)
  })

  test("AAC whose layout is in a program config element: the entry's count", () => {
    expect(channelsOfInitSegment(aac('00010 0011 0000 000', 6))).toBe(6)
  })

  test('AC-3: acmod and lfeon of dac3, whatever the entry says', () => {
    // fscod 00, bsid 01000, bsmod 000, acmod, lfeon, bit_rate_code, reserved.
    const ac3 = (acmod: number, lfe: number) =>
      init(
        audioEntry(
          'ac-3',
          2,
          box('dac3', fields(`00 01000 000 ${binary(acmod, 3)} ${lfe} 01010 00000`)),
        ),
      )
    expect(channelsOfInitSegment(ac3(7, 1))).toBe(6)
    expect(channelsOfInitSegment(ac3(2, 0))).toBe(2)
    expect(channelsOfInitSegment(ac3(1, 0))).toBe(1)
  })

  test('E-AC-3: the first independent substream, with its dependent ones', () => {
    // data_rate, num_ind_sub 0; fscod, bsid 16, reserved, asvc, bsmod, acmod, lfeon, reserved,
    // num_dep_sub, then chan_loc (9 bits) or a reserved bit.
    const ec3 = (acmod: number, lfe: number, dependent: string) =>
      init(
        audioEntry(
          'ec-3',
          2,
          box(
            'dec3',
            fields(
              `${binary(640, 13)} 000 00 10000 0 0 000 ${binary(acmod, 3)} ${lfe} 000 ${dependent}`,
            ),
          ),
        ),
      )
    expect(channelsOfInitSegment(ec3(7, 1, '0000 0'))).toBe(6)
    expect(channelsOfInitSegment(ec3(2, 0, '0000 0'))).toBe(2)
    // One dependent substream adding the rear surround pair: 7.1.
    expect(channelsOfInitSegment(ec3(7, 1, '0001 010000000'))).toBe(8)
  })

  test("Opus: dOps's output channel count", () => {
    expect(channelsOfInitSegment(init(audioEntry('Opus', 2, box('dOps', [0, 6, 0, 0]))))).toBe(6)
  })

  test('an encrypted entry is read as the format it protects', () => {
    const sinf = box(
      'sinf',
      box(
        'frma',
        [...'mp4a'].map((c) => c.charCodeAt(0)),
      ),
    )
    const entry = audioEntry('enca', 2, sinf, esds(fields('00010 0011 0110 000')))
    expect(channelsOfInitSegment(init(entry))).toBe(6)
  })

  test('nothing to tell: picture only, or a codec without its configuration box', () => {
    expect(channelsOfInitSegment(init(visualEntry('avc1', box('avcC', [1, 0x64, 0, 0x1f]))))).toBe(
      undefined,
    )
    expect(channelsOfInitSegment(init(audioEntry('ec-3', 2)))).toBeUndefined()
    expect(channelsOfInitSegment(Uint8Array.from([0, 0]))).toBeUndefined()
  })

  test('a muxed file: the sound track after the picture', () => {
    const video = visualEntry('avc1', box('avcC', [1, 0x64, 0, 0x1f]))
    expect(
      channelsOfInitSegment(init(video, audioEntry('mp4a', 2, esds(fields('00010 0011 0110'))))),
    ).toBe(6)
  })
})
