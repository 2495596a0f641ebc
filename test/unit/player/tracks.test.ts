import {
  audioOptions,
  findAudioTrack,
  findTextTrack,
  planTracks,
  shakaPreferences,
  streamDefaultText,
  textOptions,
  type AudioTrackInfo,
  type TextTrackInfo,
} from '../../../src/player/tracks'

const audio = (language: string, active = false, roles: string[] = []): AudioTrackInfo => ({
  language,
  roles,
  label: null,
  active,
})
const text = (id: number, language: string, active = false, forced = false): TextTrackInfo => ({
  id,
  language,
  roles: [],
  label: null,
  active,
  kind: 'subtitle',
  forced,
})

const AUDIO = [
  audio('fr', true, ['main']),
  audio('nl', false, ['dub']),
  audio('fr', false, ['description']),
]
const TEXT = [text(1, 'fr'), text(2, 'nl-BE'), text(3, 'fr', false, true)]

describe('track options', () => {
  test('one audio option per language, audio description apart', () => {
    expect(audioOptions(AUDIO).map((o) => [o.key, o.active])).toEqual([
      ['audio:fr', true],
      ['audio:nl', false],
      ['audio:fr:ad', false],
    ])
  })

  test('each option carries what Shaka says of its track: roles, purpose, subtitle format', () => {
    const described = {
      ...audio('fr', false, ['description']),
      accessibilityPurpose: 'visually impaired',
    }
    expect(audioOptions([described])[0]).toMatchObject({
      key: 'audio:fr:ad',
      audioDescription: true,
      roles: ['description'],
      accessibilityPurpose: 'visually impaired',
    })
    const ttml = { ...text(1, 'fr', true), mimeType: 'application/ttml+xml' }
    expect(textOptions([ttml], true)[1]).toMatchObject({
      key: 'text:fr',
      active: true,
      mimeType: 'application/ttml+xml',
    })
  })

  test('HLS audio description (describes-video) is recognised by its purpose alone', () => {
    const hls = {
      ...audio('fr', false, ['public.accessibility.describes-video']),
      accessibilityPurpose: 'visually impaired',
    }
    expect(audioOptions([audio('fr', true), hls]).map((o) => o.key)).toEqual([
      'audio:fr',
      'audio:fr:ad',
    ])
  })

  test('an audio language repeated over bitrates is listed once', () => {
    expect(audioOptions([audio('nl'), audio('nl', true)])).toHaveLength(1)
  })

  test('subtitles: off first, languages without region, forced tracks left out', () => {
    expect(textOptions(TEXT, true).map((o) => o.key)).toEqual(['text:off', 'text:fr', 'text:nl'])
    expect(textOptions(TEXT, true)[0]!.active).toBe(true)
    const on = textOptions([text(1, 'fr'), text(2, 'nl', true)], true)
    expect(on.filter((o) => o.active).map((o) => o.key)).toEqual(['text:nl'])
  })
})

describe('one language in two regional forms (a Flemish and a Dutch dubbing)', () => {
  const tracks = [
    audio('fr', true),
    audio('nl'),
    audio('nl-BE'),
    audio('nl', false, ['description']),
  ]

  test('each form is a choice of its own, keyed by its region; a lone regional track keeps its base', () => {
    expect(audioOptions(tracks).map((o) => o.key)).toEqual([
      'audio:fr',
      'audio:nl',
      'audio:nl-be',
      'audio:nl:ad',
    ])
    expect(audioOptions([audio('fr'), audio('nl-BE')]).map((o) => o.key)).toEqual([
      'audio:fr',
      'audio:nl',
    ])
    expect(textOptions([text(1, 'nl-BE'), text(2, 'nl')], false).map((o) => o.key)).toEqual([
      'text:off',
      'text:nl-be',
      'text:nl',
    ])
  })

  test('each choice finds its own track; a regional preference falls back to the base language', () => {
    expect(findAudioTrack(tracks, 'nl-be')?.language).toBe('nl-BE')
    expect(findAudioTrack(tracks, 'nl')?.language).toBe('nl')
    expect(findAudioTrack([audio('fr'), audio('nl')], 'nl-be')?.language).toBe('nl')
    expect(findTextTrack([text(1, 'nl-BE'), text(2, 'nl')], 'nl')?.id).toBe(2)
  })
})

describe('tracks of no known language, by their name (HLS NAME without LANGUAGE, DASH Label)', () => {
  const named = (label: string | null, active = false): AudioTrackInfo => ({
    ...audio('und', active),
    label,
  })
  const tracks = [named('Français', true), named('Nederlands'), named(null), audio('fr')]

  test('each name is a choice of its own; unnamed ones stay one "unknown"; a known language keeps its key', () => {
    expect(audioOptions(tracks).map((o) => [o.key, o.label, o.active])).toEqual([
      ['audio:und=Fran%C3%A7ais', 'Français', true],
      ['audio:und=Nederlands', 'Nederlands', false],
      ['audio:und', undefined, false],
      ['audio:fr', undefined, false],
    ])
  })

  test("Shaka's own name for a lone HLS media playlist is no name: it would show in English", () => {
    expect(audioOptions([named('Media Playlist', true)]).map((o) => [o.key, o.label])).toEqual([
      ['audio:und', undefined],
    ])
  })

  test('the name finds its track; without it, the first of the language as before', () => {
    expect(findAudioTrack(tracks, 'und', false, 'Nederlands')).toBe(tracks[1])
    expect(findAudioTrack(tracks, 'und')).toBe(tracks[0])
    const subtitles = [
      { ...text(1, ''), label: 'English' },
      { ...text(2, ''), label: 'Deutsch' },
    ]
    expect(textOptions(subtitles, true).map((o) => o.key)).toEqual([
      'text:off',
      'text:=English',
      'text:=Deutsch',
    ])
    expect(findTextTrack(subtitles, '', false, 'Deutsch')).toBe(subtitles[1])
  })
})

describe('a second track of the same language under a name of its own (a commentary)', () => {
  const labelled = (language: string, label: string, roles: string[] = []): AudioTrackInfo => ({
    ...audio(language, false, roles),
    label,
  })
  // DASH: the commentary listed first, its Role saying what it is.
  const dash = [
    labelled('fr', 'Commentaire du réalisateur', ['commentary']),
    labelled('fr', 'Français', ['main']),
    audio('nl'),
  ]
  // HLS: two renditions of one language told apart by their NAME only.
  const hls = [labelled('fr', 'Français'), labelled('fr', 'Français – commentaire'), audio('nl')]

  test('is a choice of its own, by its name; the language stays the main track', () => {
    expect(audioOptions(dash).map((o) => [o.key, o.label])).toEqual([
      ['audio:fr=Commentaire%20du%20r%C3%A9alisateur', 'Commentaire du réalisateur'],
      ['audio:fr', undefined],
      ['audio:nl', undefined],
    ])
    expect(audioOptions(hls).map((o) => o.key)).toEqual([
      'audio:fr',
      'audio:fr=Fran%C3%A7ais%20%E2%80%93%20commentaire',
      'audio:nl',
    ])
  })

  test('each choice finds its track; the language, or a preference for it, finds the main one', () => {
    expect(findAudioTrack(dash, 'fr')).toBe(dash[1])
    expect(findAudioTrack(dash, 'fr', false, 'Commentaire du réalisateur')).toBe(dash[0])
    expect(findAudioTrack(hls, 'fr')).toBe(hls[0])
    expect(findAudioTrack(hls, 'fr', false, 'Français – commentaire')).toBe(hls[1])
    expect(planTracks({ audio: 'fr' }, dash, []).audio).toBe(dash[1])
  })

  test('one name per language, or the same name over bitrates: no extra choice', () => {
    const same = [
      labelled('fr', 'Français'),
      labelled('fr', 'Français'),
      labelled('nl', 'Nederlands'),
    ]
    expect(audioOptions(same).map((o) => o.key)).toEqual(['audio:fr', 'audio:nl'])
  })
})

describe('subtitles for the deaf and hard of hearing', () => {
  // Shaka's kind 'caption': DASH Role "caption", HLS CHARACTERISTICS describes-music-and-sound.
  const sdh = (id: number, language: string, active = false): TextTrackInfo => ({
    ...text(id, language, active),
    kind: 'caption',
    roles: ['caption'],
  })
  const WITH_SDH = [text(1, 'nl'), sdh(2, 'nl'), text(3, 'fr')]

  test('are an option of their own beside plain subtitles of the same language', () => {
    const options = textOptions(WITH_SDH, true)
    expect(options.map((o) => [o.key, o.hardOfHearing ?? false])).toEqual([
      ['text:off', false],
      ['text:nl', false],
      ['text:nl:sdh', true],
      ['text:fr', false],
    ])
    const chosen = textOptions([text(1, 'nl'), sdh(2, 'nl', true)], true)
    expect(chosen.filter((o) => o.active).map((o) => o.key)).toEqual(['text:nl:sdh'])
    // A DASH Role "captions" (DASH-IF's spelling) without Shaka's kind counts as well.
    expect(textOptions([{ ...text(4, 'de'), roles: ['captions'] }], true)[1]!.key).toBe(
      'text:de:sdh',
    )
    // A catalogue's sidecar file marked captions, added with the HTML kind 'captions'.
    expect(textOptions([{ ...text(5, 'fr'), kind: 'captions' }], true)[1]!.key).toBe('text:fr:sdh')
  })

  test('asked for, they are planned where the title has them, else plain subtitles', () => {
    expect(planTracks({ text: 'nl', textHardOfHearing: true }, [], WITH_SDH).text?.id).toBe(2)
    expect(planTracks({ text: 'nl' }, [], WITH_SDH).text?.id).toBe(1)
    expect(planTracks({ text: 'fr', textHardOfHearing: true }, [], WITH_SDH).text?.id).toBe(3)
  })
})

describe('planTracks (the household preference at the start of a title)', () => {
  test('no preference changes nothing', () => {
    expect(planTracks({}, AUDIO, TEXT)).toEqual({})
  })

  test('Dutch audio and French subtitles', () => {
    const plan = planTracks({ audio: 'nl', text: 'fr' }, AUDIO, TEXT)
    expect(plan.audio?.language).toBe('nl')
    expect(plan.text?.id).toBe(1)
  })

  test('audio description when asked for, in the preferred language', () => {
    expect(planTracks({ audio: 'fr', audioDescription: true }, AUDIO, TEXT).audio?.roles).toEqual([
      'description',
    ])
  })

  test('audio description asked for on a title without one: the same language, plain', () => {
    const plain = [audio('nl', true, ['main']), audio('fr', false, ['dub'])]
    expect(planTracks({ audio: 'fr', audioDescription: true }, plain, TEXT).audio).toBe(plain[1])
  })

  test('the active track is not selected again', () => {
    expect(planTracks({ audio: 'fr' }, AUDIO, TEXT).audio).toBeUndefined()
  })

  test('subtitles off is applied; a missing language is not', () => {
    expect(planTracks({ text: null }, AUDIO, TEXT).text).toBeNull()
    expect(planTracks({ audio: 'de', text: 'de' }, AUDIO, TEXT)).toEqual({})
  })

  test('the same preference, as Shaka start-up configuration', () => {
    expect(shakaPreferences({ audio: 'nl', text: 'fr' })).toEqual({
      preferredAudio: [{ language: 'nl', role: '' }],
      preferredText: [{ language: 'fr' }],
    })
    expect(shakaPreferences({ text: null })).toEqual({ preferredAudio: [], preferredText: [] })
  })
})

describe('streamDefaultText (HLS DEFAULT=YES subtitles for a household that has not chosen)', () => {
  const marked = [text(1, 'fr'), { ...text(2, 'nl'), primary: true }, text(3, 'fr', false, true)]

  test('the rendition an HLS stream marks DEFAULT=YES, when the household has not chosen', () => {
    expect(streamDefaultText({}, marked, 'HLS')?.id).toBe(2)
  })

  test('a choice of the household wins: off, or a language', () => {
    expect(streamDefaultText({ text: null }, marked, 'HLS')).toBeUndefined()
    expect(streamDefaultText({ text: 'fr' }, marked, 'HLS')).toBeUndefined()
  })

  test('not for DASH, whose Role "main" Shaka reads into the same flag', () => {
    expect(streamDefaultText({}, marked, 'DASH')).toBeUndefined()
    expect(streamDefaultText({}, marked, null)).toBeUndefined()
  })

  test('forced subtitles are not the default subtitles; no mark, nothing shown', () => {
    const forcedOnly = [{ ...text(4, 'fr', false, true), primary: true }, text(5, 'nl')]
    expect(streamDefaultText({}, forcedOnly, 'HLS')).toBeUndefined()
    expect(streamDefaultText({}, TEXT, 'HLS')).toBeUndefined()
  })
})
