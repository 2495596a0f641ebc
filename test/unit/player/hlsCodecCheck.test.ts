import {
  declaredMedia,
  HlsCodecCheck,
  inTsSegments,
  misdeclared,
  withoutCodecs,
  type TsCodecs,
} from '../../../src/player/hlsCodecCheck'

const master = (...infs: string[]) =>
  ['#EXTM3U', ...infs.flatMap((inf, i) => [`#EXT-X-STREAM-INF:${inf}`, `v${i}.m3u8`])].join('\n')
const TS_PLAYLIST = '#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\ns0.ts\n#EXT-X-ENDLIST\n'
const FMP4_PLAYLIST = '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:4.0,\ns0.m4s\n#EXT-X-ENDLIST\n'

describe('what a master says its variants carry', () => {
  test('picture and sound from CODECS, when every variant says the same', () => {
    expect(declaredMedia(master('BANDWIDTH=1,CODECS="avc1.640015,mp4a.40.2"'))).toEqual({
      audio: true,
      video: true,
    })
    expect(
      declaredMedia(
        master('CODECS="hvc1.2.4.L93",BANDWIDTH=1', 'BANDWIDTH=2,CODECS="avc1.4d401e"'),
      ),
    ).toEqual({ audio: false, video: true })
    expect(declaredMedia(master('BANDWIDTH=1,CODECS="ec-3"'))).toEqual({
      audio: true,
      video: false,
    })
  })

  test('nothing to check: no CODECS, variants that differ, sound in renditions of its own', () => {
    expect(declaredMedia(master('BANDWIDTH=1'))).toBeNull()
    expect(declaredMedia(master('CODECS="avc1.64001f,mp4a.40.2"', 'BANDWIDTH=2'))).toBeNull()
    expect(
      declaredMedia(master('CODECS="avc1.64001f,mp4a.40.2"', 'CODECS="avc1.64001f"')),
    ).toBeNull()
    const withAudioGroup =
      '#EXTM3U\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",NAME="fr",URI="fr.m3u8"\n' +
      '#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS="avc1.64001f,mp4a.40.2",AUDIO="a"\nv.m3u8\n'
    expect(declaredMedia(withAudioGroup)).toBeNull()
  })

  test('SUPPLEMENTAL-CODECS is not CODECS', () => {
    expect(
      declaredMedia(
        master('SUPPLEMENTAL-CODECS="dvh1.08.07/db4h",BANDWIDTH=1,CODECS="hvc1.2.4.L150"'),
      ),
    ).toEqual({ audio: false, video: true })
    expect(
      withoutCodecs(master('SUPPLEMENTAL-CODECS="dvh1.08.07/db4h",CODECS="hvc1.2.4.L150"')),
    ).toBe(master('SUPPLEMENTAL-CODECS="dvh1.08.07/db4h"'))
  })
})

test('the master without CODECS keeps every other attribute and line', () => {
  expect(withoutCodecs(master('BANDWIDTH=1,CODECS="avc1,mp4a.40.2",RESOLUTION=1x1'))).toBe(
    master('BANDWIDTH=1,RESOLUTION=1x1'),
  )
  expect(withoutCodecs(master('CODECS="avc1",BANDWIDTH=1'))).toBe(master('BANDWIDTH=1'))
})

test('clear TS media playlists are those without an initialisation segment or a key', () => {
  expect(inTsSegments(TS_PLAYLIST)).toBe(true)
  expect(inTsSegments(FMP4_PLAYLIST)).toBe(false)
  expect(inTsSegments('#EXTM3U\n')).toBe(false)
  const keyed = (method: string) =>
    TS_PLAYLIST.replace('#EXTINF', `#EXT-X-KEY:METHOD=${method},URI="k.bin"\n#EXTINF`)
  expect(inTsSegments(keyed('AES-128'))).toBe(false)
  expect(inTsSegments(keyed('NONE'))).toBe(true)
})

test('misdeclared: a sound or a picture said and missing, or there and not said', () => {
  const both = { audio: true, video: true }
  expect(misdeclared(both, { audio: 'aac', video: 'avc' })).toBe(false)
  expect(misdeclared(both, { audio: null, video: 'avc' })).toBe(true)
  expect(misdeclared({ audio: false, video: true }, { audio: 'aac', video: 'avc' })).toBe(true)
})

describe('a load checked against its first TS segment', () => {
  const ts = (codecs: TsCodecs) =>
    new Uint8Array([0x47, codecs.audio ? 1 : 0, codecs.video ? 1 : 0])
  const readTs = (bytes: Uint8Array): TsCodecs | null =>
    bytes[0] === 0x47 ? { audio: bytes[1] ? 'aac' : null, video: bytes[2] ? 'avc' : null } : null

  /** A check that has read a master with `inf` and then `playlist` as the given kind. */
  function checkAfter(
    inf: string,
    playlist = TS_PLAYLIST,
    kind: Parameters<HlsCodecCheck['playlist']>[1] = 'variant',
  ): HlsCodecCheck {
    const check = new HlsCodecCheck(readTs)
    check.playlist(master(inf), 'master')
    check.playlist(playlist, kind)
    return check
  }

  test('CODECS naming a sound the segments lack: misled, and the master is read without them', async () => {
    const check = new HlsCodecCheck(readTs)
    const text = master('BANDWIDTH=1,CODECS="avc1.640015,mp4a.40.2"')
    expect(check.playlist(text, 'master')).toBeNull()
    expect(check.playlist(TS_PLAYLIST, 'variant')).toBeNull()
    check.segment(ts({ audio: null, video: 'avc' }))
    await expect(check.misled()).resolves.toBe(true)
    expect(check.playlist(text, 'master')).toBe(master('BANDWIDTH=1'))
    // Once read without them, the next load is not checked again.
    await expect(check.misled(0)).resolves.toBe(false)
    check.reset()
    expect(check.playlist(text, 'master')).toBeNull()
  })

  test('CODECS that say what the segments carry: not misled; the segment may come after the load', async () => {
    const check = checkAfter('CODECS="avc1.640015,mp4a.40.2"')
    const answer = check.misled()
    check.segment(ts({ audio: 'aac', video: 'avc' }))
    await expect(answer).resolves.toBe(false)
  })

  test('fMP4, no CODECS, or no segment in time: played as it is', async () => {
    const fmp4 = checkAfter('CODECS="avc1.640015,mp4a.40.2"', FMP4_PLAYLIST)
    await expect(fmp4.misled()).resolves.toBe(false)
    const bare = checkAfter('BANDWIDTH=1')
    await expect(bare.misled()).resolves.toBe(false)
    const slow = checkAfter('CODECS="avc1.640015,mp4a.40.2"')
    await expect(slow.misled(10)).resolves.toBe(false)
  })

  test('a first segment that is not TS (packed audio) ends the wait unchecked; subtitles are not the variants', async () => {
    const packed = checkAfter('CODECS="mp4a.40.2"')
    const answer = packed.misled(60_000)
    packed.segment(new Uint8Array([0xff, 0xf1]))
    await expect(answer).resolves.toBe(false)
    const subtitles = checkAfter('CODECS="avc1.640015,mp4a.40.2"', TS_PLAYLIST, 'other')
    await expect(subtitles.misled(60_000)).resolves.toBe(false)
  })

  test('a new title ends the wait of the load before it', async () => {
    const check = checkAfter('CODECS="avc1.640015,mp4a.40.2"')
    const answer = check.misled(60_000)
    check.reset()
    await expect(answer).resolves.toBe(false)
  })
})
