import { unnamedAudioLabel } from '../../../src/player/mpdAudioSets'
import { audioOptions, findAudioTrack, type TrackOption } from '../../../src/player/tracks'
import {
  activeTracks,
  parseTrackKey,
  trackLabel,
  trackMenuColumns,
} from '../../../src/screens/Player/trackMenuModel'

const WORDS: Record<string, string> = {
  'player.audio': 'Audio',
  'player.subtitles': 'Sous-titres',
  'player.subtitlesOff': 'Désactivés',
  'player.audioDescription': 'audiodescription',
  'player.hardOfHearing': 'sourds et malentendants',
  'lang.fr': 'Français',
  'lang.nl': 'Nederlands',
}
const t = (key: string) => WORDS[key] ?? key

const option = (key: string, patch: Partial<TrackOption> = {}): TrackOption => {
  const [kind, language, flag] = key.split(':')
  return {
    key,
    kind: kind as 'audio' | 'text',
    language: language === 'off' ? null : language!,
    audioDescription: flag === 'ad',
    hardOfHearing: flag === 'sdh',
    active: false,
    roles: [],
    ...patch,
  }
}

const TRACKS = {
  audio: [
    option('audio:fr', { roles: ['main'] }),
    option('audio:fr:ad', {
      active: true,
      roles: ['description'],
      accessibilityPurpose: 'visually impaired',
    }),
  ],
  text: [
    option('text:off'),
    option('text:nl', { active: true, mimeType: 'application/ttml+xml' }),
    option('text:nl:sdh', { roles: ['caption'], mimeType: 'text/vtt' }),
  ],
}

describe('track menu model', () => {
  test('audio description and "off" are labelled in the UI language', () => {
    const [audio, text] = trackMenuColumns(TRACKS, t)
    expect(audio!.heading).toBe('Audio')
    expect(audio!.items.map((i) => [i.label, i.active])).toEqual([
      ['Français', false],
      ['Français · audiodescription', true],
    ])
    expect(text!.items.map((i) => i.label)).toEqual([
      'Désactivés',
      'Nederlands',
      'Nederlands · sourds et malentendants',
    ])
  })

  test('menu keys become choices; unknown keys are refused', () => {
    expect(parseTrackKey('audio:und=Fran%C3%A7ais')).toEqual({
      kind: 'audio',
      language: 'und',
      audioDescription: false,
      label: 'Français',
    })
    expect(parseTrackKey('text:=English:sdh')).toEqual({
      kind: 'text',
      language: '',
      hardOfHearing: true,
      label: 'English',
    })
    expect(parseTrackKey('audio:fr:ad')).toEqual({
      kind: 'audio',
      language: 'fr',
      audioDescription: true,
    })
    expect(parseTrackKey('audio:nl')).toEqual({
      kind: 'audio',
      language: 'nl',
      audioDescription: false,
    })
    expect(parseTrackKey('text:off')).toEqual({
      kind: 'text',
      language: null,
      hardOfHearing: false,
    })
    expect(parseTrackKey('text:fr')).toEqual({ kind: 'text', language: 'fr', hardOfHearing: false })
    expect(parseTrackKey('text:fr:sdh')).toEqual({
      kind: 'text',
      language: 'fr',
      hardOfHearing: true,
    })
    expect(parseTrackKey('video:720')).toBeUndefined()
    expect(parseTrackKey('audio')).toBeUndefined()
  })

  test('the tracks playing, as Shaka describes them; subtitles off is no text track', () => {
    expect(activeTracks(TRACKS)).toEqual({
      activeAudio: {
        language: 'fr',
        audioDescription: true,
        roles: ['description'],
        accessibilityPurpose: 'visually impaired',
      },
      activeText: { language: 'nl', mimeType: 'application/ttml+xml', hardOfHearing: false },
    })
    const off = { ...TRACKS, text: [option('text:off', { active: true })] }
    expect(activeTracks(off).activeText).toBeNull()
    expect(activeTracks(undefined)).toEqual({ activeAudio: null, activeText: null })
  })
})

describe('trackMenuColumns with tracks of no known language', () => {
  test('a named one shows its own name, an unnamed one the unknown language', () => {
    const [audio] = trackMenuColumns(
      {
        audio: [
          option('audio:und=Nederlands', { label: 'Nederlands' }),
          option('audio:und=Director%27s%20cut:ad', { label: "Director's cut" }),
          option('audio:und'),
        ],
        text: [],
      },
      t,
    )
    expect(audio!.items.map((i) => i.label)).toEqual([
      'Nederlands',
      "Director's cut · audiodescription",
      'UND',
    ])
  })
})

describe('trackMenuColumns without audio tracks', () => {
  test('a stream that lists no audio track (a progressive file) gets the subtitle column only', () => {
    const columns = trackMenuColumns(
      { audio: [], text: [option('text:off', { active: true }), option('text:fr')] },
      (key) => key,
    )
    expect(columns.map((c) => c.heading)).toEqual(['player.subtitles'])
    expect(columns[0]!.items.map((i) => i.key)).toEqual(['text:off', 'text:fr'])
  })
})

test('a regional form and the original-version code read as words, not codes', () => {
  const words = (key: string) =>
    (({ 'lang.nl': 'néerlandais', 'lang.qaa': 'version originale' }) as Record<string, string>)[
      key
    ] ?? key
  expect(trackLabel(option('audio:nl'), words, 'fr')).toBe('néerlandais')
  expect(trackLabel(option('audio:nl-be'), words, 'fr')).toBe('flamand')
  expect(trackLabel(option('audio:qaa'), words, 'fr')).toBe('version originale')
})

describe('audio sets the stream left without language and name', () => {
  const words = (key: string, values?: Record<string, string | number>): string =>
    ({
      'player.audioNumbered': `Audio ${values?.n}`,
      'player.channelsMono': 'mono',
      'player.channelsStereo': 'stéréo',
      'player.channelsCount': `${values?.n} canaux`,
      'player.commentary': 'commentaire',
    })[key] ?? key
  const shaka = (n: number, channelsCount: number, codecs: string, roles: string[] = []) => ({
    language: 'und',
    label: unnamedAudioLabel(n),
    roles,
    active: n === 1,
    channelsCount,
    codecs,
  })

  it('are one choice each, named by their place, channels, format and role', () => {
    const options = audioOptions([
      shaka(1, 2, 'mp4a.40.2'),
      shaka(2, 6, 'ec-3'),
      shaka(3, 2, 'mp4a.40.2', ['commentary']),
      shaka(4, 3, 'mp4a.40.2'),
    ])
    const [column] = trackMenuColumns({ audio: options, text: [] }, words, 'fr')
    expect(column!.items.map((item) => item.label)).toEqual([
      'Audio 1 (stéréo)',
      'Audio 2 (5.1, Dolby Digital Plus)',
      'Audio 3 (stéréo, commentaire)',
      'Audio 4 (3 canaux)',
    ])
    expect(new Set(options.map((o) => o.key)).size).toBe(4)
  })

  it('the second is what its menu key selects, though both are stereo AAC', () => {
    const tracks = [shaka(1, 2, 'mp4a.40.2'), shaka(2, 2, 'mp4a.40.2')]
    const second = audioOptions(tracks)[1]!
    const choice = parseTrackKey(second.key)
    expect(choice?.kind).toBe('audio')
    if (choice?.kind !== 'audio') return
    expect(findAudioTrack(tracks, choice.language, choice.audioDescription, choice.label)).toBe(
      tracks[1],
    )
    expect(trackLabel(second, words)).toBe('Audio 2 (stéréo)')
  })

  it('without channels or format in the manifest, by their place alone', () => {
    const option = audioOptions([
      { language: 'und', label: unnamedAudioLabel(2), roles: [], active: false },
    ])[0]!
    expect(trackLabel(option, words)).toBe('Audio 2')
  })
})

describe('two audio tracks of one language told apart only by their layout', () => {
  const words = (key: string, values?: Record<string, string | number>): string =>
    ({
      'lang.fr': 'français',
      'player.channelsStereo': 'stéréo',
      'player.audioNumbered': `Audio ${values?.n}`,
    })[key] ?? key
  // A DASH stereo AAC set and a 5.1 E-AC-3 one, both lang="fr", neither labelled.
  const tracks = [
    { language: 'fr', label: null, roles: [], active: true, channelsCount: 2, codecs: 'mp4a.40.2' },
    { language: 'fr', label: null, roles: [], active: false, channelsCount: 6, codecs: 'ec-3' },
  ]

  it('are two choices: the language, and the language with its layout', () => {
    const options = audioOptions(tracks)
    expect(options.map((o) => trackLabel(o, words, 'fr'))).toEqual([
      'français',
      'français (5.1, Dolby Digital Plus)',
    ])
  })

  it("the second's key selects the 5.1 track; the language alone still the main one", () => {
    const choice = parseTrackKey(audioOptions(tracks)[1]!.key)
    if (choice?.kind !== 'audio') throw new Error('not an audio key')
    expect(findAudioTrack(tracks, choice.language, false, choice.label)).toBe(tracks[1])
    expect(findAudioTrack(tracks, 'fr')).toBe(tracks[0])
  })
})
