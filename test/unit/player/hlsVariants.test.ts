import { variantUris, withoutVariants } from '../../../src/player/hlsVariants'

const BASE = 'https://cdn.example/film/master.m3u8'
const master = [
  '#EXTM3U',
  '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",LANGUAGE="fr",URI="audio-fr.m3u8"',
  '#EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720,AUDIO="aud"',
  'video-720p.m3u8',
  '#EXT-X-STREAM-INF:BANDWIDTH=1400000,RESOLUTION=854x480,AUDIO="aud"',
  '',
  '../backup/video-480p.m3u8',
  '#EXT-X-STREAM-INF:BANDWIDTH=600000,RESOLUTION=426x240,AUDIO="aud"',
  'https://other.example/video-240p.m3u8?token=1',
].join('\n')

describe('HLS variants', () => {
  test('each variant by its media playlist, resolved against the playlist', () => {
    expect(variantUris(master, BASE)).toEqual([
      'https://cdn.example/film/video-720p.m3u8',
      'https://cdn.example/backup/video-480p.m3u8',
      'https://other.example/video-240p.m3u8?token=1',
    ])
    expect(variantUris('#EXTM3U\n#EXTINF:4,\nseg1.ts\n', BASE)).toEqual([])
  })

  test('a failed variant is left out with its tag; the others and the renditions stay', () => {
    const kept = withoutVariants(
      master,
      BASE,
      new Set(['https://cdn.example/film/video-720p.m3u8']),
    )
    expect(kept).not.toContain('video-720p')
    expect(kept).not.toContain('RESOLUTION=1280x720')
    expect(kept).toContain('audio-fr.m3u8')
    expect(variantUris(kept!, BASE)).toEqual([
      'https://cdn.example/backup/video-480p.m3u8',
      'https://other.example/video-240p.m3u8?token=1',
    ])
  })

  test('nothing to leave out, or nothing that would remain, changes nothing', () => {
    expect(withoutVariants(master, BASE, new Set())).toBeNull()
    expect(
      withoutVariants(master, BASE, new Set(['https://cdn.example/elsewhere.m3u8'])),
    ).toBeNull()
    expect(withoutVariants(master, BASE, new Set(variantUris(master, BASE)))).toBeNull()
  })
})
