import type { Platform } from '../platform/platform'

type Storage = Platform['storage']

/** What each profile keeps of its own; removing a profile removes all of these. */
export const PROFILE_DATA = ['progress', 'mylist', 'tracks', 'searches', 'consent'] as const
export type ProfileData = (typeof PROFILE_DATA)[number]

export const profileKey = (profileId: string, kind: ProfileData): string =>
  `profile:${profileId}:${kind}`

/** Forgets everything a removed profile kept on the box. */
export function removeProfileData(storage: Storage, profileId: string): void {
  for (const kind of PROFILE_DATA) storage.remove(profileKey(profileId, kind))
}

/**
 * Keys written by versions without profiles belong to the household's first profile: moved once,
 * so an update keeps everyone's Continue watching and track choices.
 */
const LEGACY_KEYS: Partial<Record<ProfileData, string>> = {
  progress: 'playback-progress',
  tracks: 'playback-tracks',
}

const absent = (value: unknown): boolean => value === null || value === undefined

export function migrateLegacyData(storage: Storage, profileId: string): void {
  for (const [kind, legacy] of Object.entries(LEGACY_KEYS) as [ProfileData, string][]) {
    const value = storage.get(legacy)
    if (absent(value)) continue
    if (absent(storage.get(profileKey(profileId, kind)))) {
      storage.set(profileKey(profileId, kind), value)
    }
    storage.remove(legacy)
  }
}
