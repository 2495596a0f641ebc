import { loadTrackPreference, saveTrackPreference } from '../../../src/state/playbackPreferences'
import { memoryPlatform } from '../../harness/fakeContext'

describe('household track preference', () => {
  test('nothing stored means no preference', () => {
    expect(loadTrackPreference(memoryPlatform())).toEqual({})
  })

  test('audio and subtitle choices are merged and remembered, "off" included', () => {
    const platform = memoryPlatform()
    saveTrackPreference(platform, { audio: 'nl' })
    saveTrackPreference(platform, { text: 'fr' })
    expect(loadTrackPreference(platform)).toEqual({ audio: 'nl', text: 'fr' })
    saveTrackPreference(platform, { text: null })
    expect(loadTrackPreference(platform)).toEqual({ audio: 'nl', text: null })
  })

  test('junk in storage is ignored', () => {
    const platform = memoryPlatform()
    platform.storage.set('playback-tracks', { audio: 'x<script>', text: 3 })
    expect(loadTrackPreference(platform)).toEqual({})
  })
})
