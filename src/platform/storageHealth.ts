import { Store } from '../state/Store'

/** A write the box's storage refused, even after room was made. */
export interface StorageFailure {
  key: string
  /** Wall-clock ms. */
  at: number
  message: string
}

/**
 * How the box's storage is doing, for the operator's diagnostics page: a full quota must not go
 * unnoticed, since progress, preferences, profiles, PIN lockout and consent are all kept there.
 */
export interface StorageHealth {
  /** Writes refused since start (each one lost the value it carried). */
  failedWrites: number
  lastFailure: StorageFailure | null
  /** Entries removed to make room (re-fetchable copies only), since start. */
  reclaimed: string[]
  /** Characters the app's own entries take (keys and values), when the storage can tell. */
  usedChars: number | null
}

export const createStorageHealth = (): Store<StorageHealth> =>
  new Store<StorageHealth>({ failedWrites: 0, lastFailure: null, reclaimed: [], usedChars: null })

/**
 * Entries that may be removed to make room for another write, most expendable first: copies
 * the app can fetch again (the last good catalogue of any backend). Progress, profiles, PINs,
 * lockout and consent are never removed to make room.
 */
export const RECLAIMABLE_PREFIXES = ['catalogue.lastGood.'] as const
