import type { Platform } from '../platform/platform'

const KEY = 'live.lastChannel'

/**
 * The channel a profile watched last: the guide opens on it and Live TV could tune to it. Kept
 * per profile, since each member of the household has their own habits.
 */
export function saveLastChannel(
  storage: Platform['storage'],
  profileId: string,
  channelId: string,
): void {
  const all = readAll(storage)
  if (all[profileId] === channelId) return
  storage.set(KEY, { ...all, [profileId]: channelId })
}

export function loadLastChannel(
  storage: Platform['storage'],
  profileId: string,
): string | undefined {
  return readAll(storage)[profileId]
}

function readAll(storage: Platform['storage']): Record<string, string> {
  const value = storage.get(KEY)
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
}
