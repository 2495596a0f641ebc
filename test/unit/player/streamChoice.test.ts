import { PlaybackErrorCode, type PlaybackError } from '../../../src/player/errors'
import {
  fallbackSources,
  sourceFailed,
  movesOn,
  chooseSource,
  isProgressive,
  sidecarTracks,
  SOURCE_MIME_TYPES,
} from '../../../src/player/streamChoice'

const DASH = 'a/manifest.mpd'
const HLS = 'a/master.m3u8'
const MP4 = 'a/film.mp4'

describe('chooseSource', () => {
  test('the preferred manifest format when the title has it', () => {
    expect(chooseSource({ dash: DASH, hls: HLS, mp4: MP4 }, 'dash')).toEqual({
      url: DASH,
      kind: 'dash',
      mimeType: 'application/dash+xml',
    })
    expect(chooseSource({ dash: DASH, hls: HLS, mp4: MP4 }, 'hls')).toEqual({
      url: HLS,
      kind: 'hls',
      mimeType: 'application/x-mpegurl',
    })
  })

  test('the other manifest format before an MP4 file, whatever the preference', () => {
    expect(chooseSource({ hls: HLS, mp4: MP4 }, 'dash')?.kind).toBe('hls')
    expect(chooseSource({ dash: DASH, mp4: MP4 }, 'hls')?.kind).toBe('dash')
    expect(chooseSource({ dash: DASH, mp4: MP4 }, 'dash')?.kind).toBe('dash')
  })

  test('the MP4 file, as video/mp4, when there is no manifest', () => {
    for (const preferred of ['dash', 'hls'] as const) {
      expect(chooseSource({ mp4: MP4 }, preferred)).toEqual({
        url: MP4,
        kind: 'mp4',
        mimeType: 'video/mp4',
      })
    }
  })

  test('nothing when there is no stream at all', () => {
    expect(chooseSource({}, 'dash')).toBeUndefined()
    expect(chooseSource({ dash: '' }, 'dash')).toBeUndefined()
  })
})

describe('fallbackSources: what else a title lists, to try when its source fails', () => {
  const all = { dash: DASH, hls: HLS, mp4: MP4 }
  test('the other manifest format first, then the MP4, in the order of the preference', () => {
    const dash = chooseSource(all, 'dash')!
    expect(fallbackSources(all, 'dash', dash)).toEqual([
      { url: HLS, kind: 'hls', mimeType: 'application/x-mpegurl' },
      { url: MP4, kind: 'mp4', mimeType: 'video/mp4' },
    ])
    const hls = chooseSource(all, 'hls')!
    expect(fallbackSources(all, 'hls', hls).map((s) => s.kind)).toEqual(['dash', 'mp4'])
  })

  test("after the MP4, its fallbacks in the feed's order, each URL once", () => {
    const files = { mp4: MP4, mp4Fallbacks: ['hd.mp4', MP4, 'sd.mp4'] }
    const mp4 = chooseSource(files, 'dash')!
    expect(mp4.url).toBe(MP4)
    expect(fallbackSources(files, 'dash', mp4)).toEqual([
      { url: 'hd.mp4', kind: 'mp4', mimeType: 'video/mp4' },
      { url: 'sd.mp4', kind: 'mp4', mimeType: 'video/mp4' },
    ])
    const both = { ...files, hls: HLS }
    expect(fallbackSources(both, 'hls', chooseSource(both, 'hls')!).map((s) => s.url)).toEqual([
      MP4,
      'hd.mp4',
      'sd.mp4',
    ])
  })

  test('never the source that failed, nor one URL listed under two formats', () => {
    const mp4 = chooseSource({ mp4: MP4 }, 'dash')!
    expect(fallbackSources({ mp4: MP4 }, 'dash', mp4)).toEqual([])
    const same = { dash: DASH, hls: DASH }
    expect(fallbackSources(same, 'dash', chooseSource(same, 'dash')!)).toEqual([])
    expect(fallbackSources({ hls: HLS }, 'dash', chooseSource({ hls: HLS }, 'dash')!)).toEqual([])
  })

  test('only for failures of the source itself, not of a licence or of the player', () => {
    const error = (category: PlaybackError['category']): PlaybackError => ({
      code: PlaybackErrorCode.NOT_FOUND,
      category,
      severity: 'critical',
      detail: '',
    })
    expect(
      ['network', 'manifest', 'media', 'drm', 'player'].map((c) =>
        sourceFailed(error(c as PlaybackError['category'])),
      ),
    ).toEqual([true, true, true, false, false])
  })
})

describe('movesOn: whether a failure plays the next source', () => {
  const unsupported = {
    code: PlaybackErrorCode.UNSUPPORTED,
    category: 'media' as const,
    severity: 'critical' as const,
    detail: 'the picture is HEVC',
  }
  test('a failure of the source before anything played', () => {
    expect(movesOn(unsupported, false, { kind: 'dash' })).toBe(true)
  })
  test('a file whose picture the box cannot decode, though its sound had started', () => {
    expect(movesOn(unsupported, true, { kind: 'mp4' })).toBe(true)
    expect(movesOn(unsupported, true, { kind: 'dash' })).toBe(false)
    const network = {
      ...unsupported,
      code: PlaybackErrorCode.NETWORK,
      category: 'network' as const,
    }
    expect(movesOn(network, true, { kind: 'mp4' })).toBe(false)
  })
  test('never a licence failure', () => {
    const drm = { ...unsupported, code: PlaybackErrorCode.DRM, category: 'drm' as const }
    expect(movesOn(drm, false, { kind: 'mp4' })).toBe(false)
  })
})

describe('isProgressive', () => {
  test('a file type plays through the element; manifests and a guessed type do not', () => {
    expect(isProgressive(SOURCE_MIME_TYPES.mp4)).toBe(true)
    expect(isProgressive(SOURCE_MIME_TYPES.dash)).toBe(false)
    expect(isProgressive(SOURCE_MIME_TYPES.hls)).toBe(false)
    expect(isProgressive(undefined)).toBe(false)
  })
})

describe('sidecarTracks', () => {
  test('each format gets its MIME type; captions are kind captions, the rest subtitles', () => {
    expect(
      sidecarTracks([
        { url: 'fr.srt', language: 'fr', format: 'srt' },
        { url: 'nl.vtt', language: 'nl', format: 'vtt', captions: true },
        { url: 'de.ttml', language: 'de', format: 'ttml', captions: false },
      ]),
    ).toEqual([
      { url: 'fr.srt', language: 'fr', kind: 'subtitles', mimeType: 'text/srt' },
      { url: 'nl.vtt', language: 'nl', kind: 'captions', mimeType: 'text/vtt' },
      { url: 'de.ttml', language: 'de', kind: 'subtitles', mimeType: 'application/ttml+xml' },
    ])
  })

  test('none listed gives none; a file listed twice is added once', () => {
    expect(sidecarTracks(undefined)).toEqual([])
    const twice = sidecarTracks([
      { url: 'fr.vtt', language: 'fr', format: 'vtt' },
      { url: 'fr.vtt', language: 'fr', format: 'vtt', captions: true },
    ])
    expect(twice).toHaveLength(1)
  })
})
