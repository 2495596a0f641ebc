import { keepMuxedAudioOnly } from '../../../src/player/hlsMuxedAudio'

const master = (...media: string[]) =>
  [
    '#EXTM3U',
    ...media,
    '#EXT-X-STREAM-INF:BANDWIDTH=500000,CODECS="avc1.640015,mp4a.40.2",AUDIO="a"',
    'media.m3u8',
    '',
  ].join('\n')

describe('keepMuxedAudioOnly', () => {
  test('a group with its main language in the variant is dropped, with the reference to it', () => {
    const result = keepMuxedAudioOnly(
      master(
        '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",LANGUAGE="fr",NAME="Français",DEFAULT=YES,AUTOSELECT=YES',
        '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",LANGUAGE="nl",NAME="Nederlands, VRT",URI="nl.m3u8"',
        '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="s",LANGUAGE="nl",NAME="NL",URI="subs.m3u8"',
      ),
    )
    expect(result?.dropped).toEqual(['Français', 'Nederlands, VRT'])
    expect(result?.text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="s",LANGUAGE="nl",NAME="NL",URI="subs.m3u8"',
        '#EXT-X-STREAM-INF:BANDWIDTH=500000,CODECS="avc1.640015,mp4a.40.2"',
        'media.m3u8',
        '',
      ].join('\n'),
    )
  })

  test('groups whose renditions all have URIs, or none, are left as they are', () => {
    expect(
      keepMuxedAudioOnly(
        master(
          '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",LANGUAGE="fr",NAME="FR",URI="fr.m3u8"',
          '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",LANGUAGE="nl",NAME="NL",URI="nl.m3u8"',
        ),
      ),
    ).toBeNull()
    expect(
      keepMuxedAudioOnly(
        master(
          '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",LANGUAGE="fr",NAME="FR"',
          '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="b",LANGUAGE="nl",NAME="NL",URI="nl.m3u8"',
        ),
      ),
    ).toBeNull()
    expect(keepMuxedAudioOnly(master())).toBeNull()
  })
})
