import { PlaybackErrorCode, type PlaybackError } from '../../../src/player/errors'
import {
  afterAudioChoiceFailure,
  afterSubtitleFailure,
  CHOICE_FAILURE_MS,
  recoverFromTrackFailure,
} from '../../../src/player/trackRecovery'

const notFound: PlaybackError = {
  code: PlaybackErrorCode.NOT_FOUND,
  category: 'network',
  severity: 'critical',
  detail: 'Shaka error 1001 (https://cdn.example/nl/audio.m3u8)',
}
const licence: PlaybackError = {
  code: PlaybackErrorCode.DRM,
  category: 'drm',
  severity: 'critical',
  detail: 'licence refused',
}

describe('recoverFromTrackFailure', () => {
  test('a track chosen moments ago that fails puts back the preference from before it', () => {
    const previous = { audio: 'fr', text: null }
    expect(
      recoverFromTrackFailure({
        error: notFound,
        started: true,
        now: 10_000,
        choice: { at: 8_000, previous },
        preference: { audio: 'nl', text: null },
      }),
    ).toEqual({ kind: 'revert-choice', preference: previous })
  })

  test('a choice long past is not blamed for a later failure', () => {
    expect(
      recoverFromTrackFailure({
        error: notFound,
        started: true,
        now: 8_000 + CHOICE_FAILURE_MS + 1,
        choice: { at: 8_000, previous: {} },
        preference: { audio: 'nl' },
      }),
    ).toBeNull()
  })

  test("a title that fails to start with the profile's languages tries the stream's defaults", () => {
    for (const preference of [{ audio: 'nl' }, { text: 'de' }, { audioDescription: true }]) {
      expect(
        recoverFromTrackFailure({ error: notFound, started: false, now: 0, preference }),
      ).toEqual({ kind: 'default-tracks' })
    }
  })

  test('a progressive file that fails is the file: no second load with other tracks', () => {
    expect(
      recoverFromTrackFailure({
        error: notFound,
        started: false,
        now: 0,
        preference: { text: 'fr' },
        progressive: true,
      }),
    ).toBeNull()
    expect(
      recoverFromTrackFailure({
        error: notFound,
        started: true,
        now: 10_000,
        choice: { at: 8_000, previous: {} },
        preference: { text: 'fr' },
        progressive: true,
      }),
    ).toBeNull()
  })

  test('without languages to drop, or once started, or for a licence, it is not about tracks', () => {
    expect(
      recoverFromTrackFailure({ error: notFound, started: false, now: 0, preference: {} }),
    ).toBeNull()
    expect(
      recoverFromTrackFailure({
        error: notFound,
        started: false,
        now: 0,
        preference: { text: null },
      }),
    ).toBeNull()
    expect(
      recoverFromTrackFailure({
        error: notFound,
        started: true,
        now: 0,
        preference: { audio: 'nl' },
      }),
    ).toBeNull()
    expect(
      recoverFromTrackFailure({
        error: licence,
        started: false,
        now: 0,
        choice: { at: 0, previous: {} },
        preference: { audio: 'nl' },
      }),
    ).toBeNull()
  })
})

describe('afterSubtitleFailure', () => {
  // The profile had Dutch audio and English subtitles, then chose French subtitles in the menu.
  const choice = { at: 8_000, kind: 'text' as const, previous: { audio: 'nl', text: 'en' } }
  const stored = { audio: 'nl', text: 'fr' }

  test('subtitles chosen moments ago that fail are not kept: those from before come back', () => {
    expect(afterSubtitleFailure({ now: 11_000, choice, stored })).toEqual({
      audio: 'nl',
      text: 'en',
    })
    // Before the choice the profile had none: none it is again.
    expect(
      afterSubtitleFailure({ now: 11_000, choice: { ...choice, previous: {} }, stored }),
    ).toEqual({ audio: 'nl' })
  })

  test('only the subtitle part goes back: audio chosen since stays', () => {
    expect(
      afterSubtitleFailure({ now: 11_000, choice, stored: { audio: 'fr', text: 'fr' } }),
    ).toEqual({ audio: 'fr', text: 'en' })
    expect(
      afterSubtitleFailure({
        now: 11_000,
        choice: { ...choice, previous: { text: 'en', textHardOfHearing: false } },
        stored: { text: 'fr', textHardOfHearing: true },
      }),
    ).toEqual({ text: 'en', textHardOfHearing: false })
  })

  test("a rendition chosen that could not be read is the choice's however long it took", () => {
    const now = choice.at + CHOICE_FAILURE_MS + 30_000
    expect(afterSubtitleFailure({ now, choice, stored })).toBeNull()
    expect(afterSubtitleFailure({ now, choice, stored, ofChoice: true })).toEqual({
      audio: 'nl',
      text: 'en',
    })
  })

  test("the profile's own language, or an audio choice, is left as it is", () => {
    expect(afterSubtitleFailure({ now: 11_000, stored })).toBeNull()
    expect(
      afterSubtitleFailure({ now: 11_000, choice: { ...choice, kind: 'audio' }, stored }),
    ).toBeNull()
  })
})

describe('afterAudioChoiceFailure', () => {
  test('an audio choice that could not be loaded gives the profile back the sound from before, its subtitles as they are now', () => {
    const choice = {
      at: 0,
      previous: { audio: 'fr', text: 'nl' },
      kind: 'audio' as const,
    }
    expect(
      afterAudioChoiceFailure(choice, { audio: 'nl', audioDescription: false, text: 'en' }),
    ).toEqual({ audio: 'fr', text: 'en' })
    // Audio described before the choice comes back too.
    expect(
      afterAudioChoiceFailure(
        { ...choice, previous: { audio: 'fr', audioDescription: true } },
        { audio: 'nl', audioDescription: false },
      ),
    ).toEqual({ audio: 'fr', audioDescription: true })
  })

  test('a subtitle choice, or none, leaves the preference alone', () => {
    expect(afterAudioChoiceFailure(undefined, { audio: 'nl' })).toBeNull()
    expect(
      afterAudioChoiceFailure({ at: 0, previous: {}, kind: 'text' }, { audio: 'nl' }),
    ).toBeNull()
  })
})
