import type { TrackPreference } from '../player/tracks'
import type { Platform } from '../platform/platform'
import { profileKey } from './scopedStorage'

const LANGUAGE = /^[a-z]{2,3}$/

type Storage = Platform['storage']

/** A profile's audio and subtitle choice, kept on the box and used at its next title. */
export function loadTrackPreference(storage: Storage, profileId: string): TrackPreference {
  const stored = storage.get(profileKey(profileId, 'tracks'))
  if (typeof stored !== 'object' || stored === null) return {}
  const raw = stored as Record<string, unknown>
  const preference: TrackPreference = {}
  if (typeof raw.audio === 'string' && LANGUAGE.test(raw.audio)) preference.audio = raw.audio
  if (raw.audioDescription === true) preference.audioDescription = true
  if (raw.text === null) preference.text = null
  else if (typeof raw.text === 'string' && LANGUAGE.test(raw.text)) preference.text = raw.text
  if (raw.textHardOfHearing === true) preference.textHardOfHearing = true
  return preference
}

export function saveTrackPreference(
  storage: Storage,
  profileId: string,
  change: TrackPreference,
): TrackPreference {
  const next = { ...loadTrackPreference(storage, profileId), ...change }
  storage.set(profileKey(profileId, 'tracks'), next)
  return next
}

/** Puts back a preference read earlier (a choice that failed to load is not kept). */
export function replaceTrackPreference(
  storage: Storage,
  profileId: string,
  preference: TrackPreference,
): void {
  storage.set(profileKey(profileId, 'tracks'), preference)
}
