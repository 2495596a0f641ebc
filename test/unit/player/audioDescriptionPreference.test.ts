import { planTracks, shakaPreferences, type AudioTrackInfo } from '../../../src/player/tracks'
import { loadTrackPreference, saveTrackPreference } from '../../../src/state/playbackPreferences'
import { memoryPlatform } from '../../harness/fakeContext'

const track = (language: string, roles: string[], active = false): AudioTrackInfo => ({
  language,
  roles,
  label: null,
  active,
})

// What the player screen does: save the menu choice, load it at the next title's start.
describe('audio description is remembered for the next title', () => {
  test('chosen once, it is selected again where a title has it, in Shaka terms too', () => {
    const platform = memoryPlatform()
    saveTrackPreference(platform.storage, 'p1', { audio: 'fr', audioDescription: true })
    const preference = loadTrackPreference(platform.storage, 'p1')
    expect(preference).toEqual({ audio: 'fr', audioDescription: true })
    expect(shakaPreferences(preference).preferredAudio).toEqual([
      { language: 'fr', role: 'description' },
    ])
    const next = [track('fr', ['main'], true), track('nl', ['dub']), track('fr', ['description'])]
    expect(planTracks(preference, next, []).audio).toBe(next[2])
  })

  test('choosing plain audio afterwards turns it off for the next titles', () => {
    const platform = memoryPlatform()
    saveTrackPreference(platform.storage, 'p1', { audio: 'fr', audioDescription: true })
    saveTrackPreference(platform.storage, 'p1', { audio: 'fr', audioDescription: false })
    const preference = loadTrackPreference(platform.storage, 'p1')
    expect(preference.audioDescription).toBeUndefined()
    const next = [track('fr', ['description'], true), track('fr', ['main'])]
    expect(planTracks(preference, next, []).audio).toBe(next[1])
  })
})

describe('subtitles for the hard of hearing are remembered for the next title', () => {
  test('chosen once, they are kept; plain subtitles chosen afterwards turn them off', () => {
    const platform = memoryPlatform()
    saveTrackPreference(platform.storage, 'p1', { text: 'nl', textHardOfHearing: true })
    expect(loadTrackPreference(platform.storage, 'p1')).toEqual({
      text: 'nl',
      textHardOfHearing: true,
    })
    saveTrackPreference(platform.storage, 'p1', { text: 'nl', textHardOfHearing: false })
    expect(loadTrackPreference(platform.storage, 'p1').textHardOfHearing).toBeUndefined()
  })
})
