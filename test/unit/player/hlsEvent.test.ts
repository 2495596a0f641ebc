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

  test('an event still being written (its dated segments end near now) is left live; a finished one dated long ago is closed', () => {
    const now = Date.parse('2026-12-06T20:00:30Z')
    // Two 4 s segments from 20:00:20: they end at 20:00:28, two seconds before now.
    const live = media('#EXT-X-PLAYLIST-TYPE:EVENT').replace(
      '#EXT-X-MAP',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-06T20:00:20.000Z\n#EXT-X-MAP',
    )
    expect(closeEventPlaylist(live, now)).toBeNull()
    // The same playlist read a day later: a finished export that never got its ENDLIST.
    expect(closeEventPlaylist(live, now + 86_400_000)).toMatch(/#EXT-X-ENDLIST\n$/)
    // A box whose clock was never set (far behind the dates) does not make every export live.
    expect(closeEventPlaylist(live, Date.parse('2020-01-01T00:00:00Z'))).toMatch(/ENDLIST\n$/)
    // A clock a few seconds behind the encoder's still sees the live edge.
    expect(closeEventPlaylist(live, now - 10_000)).toBeNull()
    // A box two minutes fast (or an encoder two minutes slow) still sees it live.
    expect(closeEventPlaylist(live, now + 120_000)).toBeNull()
    // Undated: read as finished, as before.
    expect(closeEventPlaylist(media('#EXT-X-PLAYLIST-TYPE:EVENT'), now)).toMatch(/ENDLIST\n$/)
    // A date that cannot be read says nothing either way.
    expect(closeEventPlaylist(live.replace('2026-12-06T20:00:20.000Z', 'yesterday'), now)).toMatch(
      /ENDLIST\n$/,
    )
  })
})
