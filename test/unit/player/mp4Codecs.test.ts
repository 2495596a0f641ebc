import { codecsOfInitSegment } from '../../../src/player/mp4Codecs'
import { ascii, audioEntry, box, fullBox, init, u32, visualEntry } from './isoBoxes'

/** esds: ES descriptor > decoder config (object type) > decoder specific info (first bytes). */
const esds = (objectType: number, specific: number[]): number[] => {
  const info = [0x05, specific.length, ...specific]
  const decoder = [0x04, 13 + info.length, objectType, 0x15, 0, 0, 0, ...u32(0), ...u32(0), ...info]
  return fullBox('esds', [0x03, 3 + decoder.length, 0, 1, 0, ...decoder])
}

describe('codecsOfInitSegment', () => {
  test('H.264: avc1 with profile, constraints and level from avcC', () => {
    const avcC = box('avcC', [1, 0x64, 0x00, 0x1f, 0xff])
    expect(codecsOfInitSegment(init(visualEntry('avc1', avcC)))).toEqual(['avc1.64001f'])
    expect(
      codecsOfInitSegment(init(visualEntry('avc3', box('avcC', [1, 0x42, 0xc0, 0x1e])))),
    ).toEqual(['avc3.42c01e'])
  })

  test('AAC: mp4a.40 with the audio object type from the decoder specific info', () => {
    // AAC-LC (2), 48 kHz, stereo: 00010 0011 0010 ...
    expect(codecsOfInitSegment(init(audioEntry('mp4a', esds(0x40, [0x11, 0x90]))))).toEqual([
      'mp4a.40.2',
    ])
    // HE-AAC (5)
    expect(codecsOfInitSegment(init(audioEntry('mp4a', esds(0x40, [0x2b, 0x92]))))).toEqual([
      'mp4a.40.5',
    ])
    // MP3 in MP4 names its object type only.
    expect(codecsOfInitSegment(init(audioEntry('mp4a', esds(0x6b, [0]))))).toEqual(['mp4a.6B'])
  })

  test('a muxed file names both tracks, in track order', () => {
    const video = visualEntry('avc1', box('avcC', [1, 0x4d, 0x40, 0x28]))
    const audio = audioEntry('mp4a', esds(0x40, [0x12, 0x10]))
    expect(codecsOfInitSegment(init(video, audio))).toEqual(['avc1.4d4028', 'mp4a.40.2'])
  })

  test('HEVC, VP9, AV1, Opus, AC-3 and E-AC-3', () => {
    // Main profile, compatibility flags 0x60000000, main tier, level 93, constraint byte 0xB0.
    const hvcC = box('hvcC', [1, 0x01, 0x60, 0, 0, 0, 0xb0, 0, 0, 0, 0, 0, 93])
    expect(codecsOfInitSegment(init(visualEntry('hvc1', hvcC)))).toEqual(['hvc1.1.6.L93.B0'])
    const vpcC = fullBox('vpcC', [0, 31, 0x80, 1, 1, 1, 0, 0])
    expect(codecsOfInitSegment(init(visualEntry('vp09', vpcC)))).toEqual(['vp09.00.31.08'])
    const av1C = box('av1C', [0x81, 0x08, 0x40, 0])
    expect(codecsOfInitSegment(init(visualEntry('av01', av1C)))).toEqual(['av01.0.08M.10'])
    expect(codecsOfInitSegment(init(audioEntry('Opus')))).toEqual(['opus'])
    expect(codecsOfInitSegment(init(audioEntry('ac-3')))).toEqual(['ac-3'])
    expect(codecsOfInitSegment(init(audioEntry('ec-3')))).toEqual(['ec-3'])
  })

  test('an encrypted entry names the format it protects (sinf/frma)', () => {
    const sinf = box(
      'sinf',
      box('frma', ascii('avc1')),
      fullBox('schm', ascii('cenc'), u32(0x10000)),
    )
    const entry = visualEntry('encv', box('avcC', [1, 0x64, 0x00, 0x28]), sinf)
    expect(codecsOfInitSegment(init(entry))).toEqual(['avc1.640028'])
  })

  test('a QuickTime version 1 sound description keeps its esds after the longer header', () => {
    const fields = new Array(28).fill(0)
    fields[8] = 0
    fields[9] = 1
    const entry = box('mp4a', fields, new Array(16).fill(0), esds(0x40, [0x2b, 0x92]))
    expect(codecsOfInitSegment(init(entry))).toEqual(['mp4a.40.5'])
  })

  test('a sample entry without its configuration box gets the usual profile', () => {
    expect(codecsOfInitSegment(init(visualEntry('avc1')))).toEqual(['avc1.64001f'])
    expect(codecsOfInitSegment(init(audioEntry('mp4a')))).toEqual(['mp4a.40.2'])
  })

  test('WebM: the Matroska codec ids in its header', () => {
    const header = Uint8Array.from([
      0x1a,
      0x45,
      0xdf,
      0xa3,
      0x9f,
      ...ascii('webm'),
      0x86,
      0x85,
      ...ascii('V_VP9'),
    ])
    expect(codecsOfInitSegment(header)).toEqual(['vp9'])
    const audio = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x86, 0x86, ...ascii('A_OPUS')])
    expect(codecsOfInitSegment(audio)).toEqual(['opus'])
  })

  test('bytes that are not a stream, or cut off before the moov, give nothing', () => {
    expect(codecsOfInitSegment(new Uint8Array())).toEqual([])
    expect(
      codecsOfInitSegment(Uint8Array.from(ascii('<html><body>Not found</body></html>'))),
    ).toEqual([])
    expect(codecsOfInitSegment(init(visualEntry('avc1')).subarray(0, 30))).toEqual([])
    // A box claiming more than is there is read as far as it goes.
    const cut = init(visualEntry('avc1', box('avcC', [1, 0x64, 0x00, 0x1f])))
    expect(codecsOfInitSegment(cut.subarray(0, cut.length - 1))).toEqual(['avc1.64001f'])
  })
})
