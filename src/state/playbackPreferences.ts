import type { TrackPreference } from '../player/tracks'
import type { Platform } from '../platform/platform'

const KEY = 'playback-tracks'
const LANGUAGE = /^[a-z]{2,3}$/

/** The household's audio and subtitle choice, kept on the box and used at the next title. */
export function loadTrackPreference(platform: Platform): TrackPreference {
  const stored = platform.storage.get(KEY)
  if (typeof stored !== 'object' || stored === null) return {}
  const raw = stored as Record<string, unknown>
  const preference: TrackPreference = {}
  if (typeof raw.audio === 'string' && LANGUAGE.test(raw.audio)) preference.audio = raw.audio
  if (raw.audioDescription === true) preference.audioDescription = true
  if (raw.text === null) preference.text = null
  else if (typeof raw.text === 'string' && LANGUAGE.test(raw.text)) preference.text = raw.text
  return preference
}

export function saveTrackPreference(platform: Platform, change: TrackPreference): TrackPreference {
  const next = { ...loadTrackPreference(platform), ...change }
  platform.storage.set(KEY, next)
  return next
}
