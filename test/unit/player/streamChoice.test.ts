import { chooseManifest } from '../../../src/player/streamChoice'

const BOTH = { dash: 'a/manifest.mpd', hls: 'a/master.m3u8' }

describe('chooseManifest', () => {
  test('the preferred format when the title has it', () => {
    expect(chooseManifest(BOTH, 'dash')).toBe('a/manifest.mpd')
    expect(chooseManifest(BOTH, 'hls')).toBe('a/master.m3u8')
  })

  test('the other format when the preferred one is missing', () => {
    expect(chooseManifest({ hls: 'a/master.m3u8' }, 'dash')).toBe('a/master.m3u8')
    expect(chooseManifest({ dash: 'a/manifest.mpd' }, 'hls')).toBe('a/manifest.mpd')
  })

  test('nothing when there is no stream at all', () => {
    expect(chooseManifest({}, 'dash')).toBeUndefined()
  })
})
