import { closeEventPlaylist } from '../../../src/player/hlsEvent'

const media = (type: string, end = ''): string =>
  [
    '#EXTM3U',
    '#EXT-X-VERSION:6',
    '#EXT-X-TARGETDURATION:4',
    type,
    '#EXT-X-MAP:URI="init.mp4"',
    '#EXTINF:4.000,',
    'seg-1.m4s',
    '#EXTINF:4.000,',
    'seg-2.m4s',
    end,
  ].join('\n')

describe('closeEventPlaylist', () => {
  test('an EVENT media playlist without ENDLIST is read as finished with what it holds', () => {
    const closed = closeEventPlaylist(media('#EXT-X-PLAYLIST-TYPE:EVENT'))
    expect(closed).toBe(`${media('#EXT-X-PLAYLIST-TYPE:EVENT').trimEnd()}\n#EXT-X-ENDLIST\n`)
    expect(closeEventPlaylist(`\uFEFF${media('#EXT-X-PLAYLIST-TYPE:EVENT ')}\r\n`)).toMatch(
      /seg-2\.m4s\n#EXT-X-ENDLIST\n$/,
    )
  })

  test('a media playlist with neither type nor ENDLIST, from its first segment, is closed too', () => {
    expect(closeEventPlaylist(media(''))).toMatch(/seg-2\.m4s\n#EXT-X-ENDLIST\n$/)
    expect(closeEventPlaylist(media('#EXT-X-MEDIA-SEQUENCE:0'))).toMatch(/#EXT-X-ENDLIST\n$/)
  })

  test('VOD, a closed EVENT, a sliding live window, a multivariant playlist or a DASH manifest are left alone', () => {
    expect(closeEventPlaylist(media('#EXT-X-PLAYLIST-TYPE:VOD', '#EXT-X-ENDLIST'))).toBeNull()
    expect(closeEventPlaylist(media('#EXT-X-PLAYLIST-TYPE:EVENT', '#EXT-X-ENDLIST'))).toBeNull()
    expect(closeEventPlaylist(media('#EXT-X-MEDIA-SEQUENCE:120'))).toBeNull()
    const multivariant = [
      '#EXTM3U',
      '#EXT-X-PLAYLIST-TYPE:EVENT',
      '#EXT-X-STREAM-INF:BANDWIDTH=800000',
      'video.m3u8',
    ].join('\n')
    expect(closeEventPlaylist(multivariant)).toBeNull()
    expect(closeEventPlaylist('<?xml version="1.0"?><MPD type="dynamic"/>')).toBeNull()
  })
})
