import { loadTrackPreference, saveTrackPreference } from '../../../src/state/playbackPreferences'
import { memoryPlatform } from '../../harness/fakeContext'

describe('household track preference', () => {
  test('nothing stored means no preference', () => {
    expect(loadTrackPreference(memoryPlatform().storage, 'p1')).toEqual({})
  })

  test('audio and subtitle choices are merged and remembered, "off" included', () => {
    const platform = memoryPlatform()
    saveTrackPreference(platform.storage, 'p1', { audio: 'nl' })
    saveTrackPreference(platform.storage, 'p1', { text: 'fr' })
    expect(loadTrackPreference(platform.storage, 'p1')).toEqual({ audio: 'nl', text: 'fr' })
    saveTrackPreference(platform.storage, 'p1', { text: null })
    expect(loadTrackPreference(platform.storage, 'p1')).toEqual({ audio: 'nl', text: null })
  })

  test('junk in storage is ignored', () => {
    const platform = memoryPlatform()
    platform.storage.set('profile:p1:tracks', { audio: 'x<script>', text: 3 })
    expect(loadTrackPreference(platform.storage, 'p1')).toEqual({})
  })

  test('each profile keeps its own choice', () => {
    const platform = memoryPlatform()
    saveTrackPreference(platform.storage, 'p1', { audio: 'nl' })
    saveTrackPreference(platform.storage, 'p2', { audio: 'fr', text: 'nl' })
    expect(loadTrackPreference(platform.storage, 'p1')).toEqual({ audio: 'nl' })
    expect(loadTrackPreference(platform.storage, 'p2')).toEqual({ audio: 'fr', text: 'nl' })
  })
})
