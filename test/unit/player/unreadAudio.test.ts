import { unreadAudioStreams } from '../../../src/player/unreadAudio'

const variant = (
  language: string,
  audioId: number,
  label: string | null = null,
  roles = ['main'],
) => ({
  language,
  label,
  audioRoles: roles,
  audioId,
})
const stream = (id: number, read = false) => ({ id, segmentIndex: read ? {} : null })

describe('unreadAudioStreams', () => {
  // Two pictures (variants) share each audio rendition, as an HLS master's groups do.
  const tracks = [
    variant('fr', 1),
    variant('nl', 2),
    variant('fr', 1),
    variant('nl', 2),
    variant('nl', 3, 'Audiodescription', ['description']),
  ]

  test("the track's renditions not read yet, each once", () => {
    const nl = stream(2)
    const streams = [stream(1, true), nl, stream(1, true), nl, stream(3)]
    expect(
      unreadAudioStreams({ language: 'nl', label: null, roles: ['main'] }, tracks, streams),
    ).toEqual([nl])
  })

  test('a rendition already read, or of another label or role, is not read again', () => {
    const streams = [stream(1, true), stream(2, true), stream(3)]
    expect(
      unreadAudioStreams({ language: 'nl', label: null, roles: ['main'] }, tracks, streams),
    ).toEqual([])
    expect(
      unreadAudioStreams(
        { language: 'nl', label: 'Audiodescription', roles: ['description'] },
        tracks,
        streams,
      ),
    ).toEqual([streams[2]])
  })

  test('variants without audio are passed over', () => {
    expect(
      unreadAudioStreams({ language: 'fr', label: null, roles: ['main'] }, tracks, [
        null,
        stream(1),
      ]),
    ).toEqual([stream(1)])
  })
})
