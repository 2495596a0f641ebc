import { RECLAIMABLE_PREFIXES, type StorageFailure } from './storageHealth'
import type { Platform } from './platform'

type Storage = Platform['storage']

export interface StorageReports {
  /** A write refused even after room was made: the value it carried is lost. */
  onFailure?: (failure: StorageFailure) => void
  /** Entries removed to make room for a write, and the characters the app's entries now take. */
  onReclaimed?: (keys: string[]) => void
  onUsage?: (usedChars: number) => void
  clock?: () => number
}

/**
 * The box's storage, usable from the first line of start-up. The SDK's Storage only works once
 * Launch has initialised it, yet the app's stores (profiles, PINs, progress) read their state when
 * the context is built, before Launch. Same keys and JSON as the SDK's Storage (`<id>.<key>` when
 * platformSettings has an id), so data written by either is read by both.
 *
 * Unlike the SDK's Storage, a full quota is not swallowed: re-fetchable copies (the last good
 * catalogue) are removed to make room and the write is tried once more; a write that still fails
 * is reported, so the diagnostics page can say that the household's changes are not being kept.
 */
export function browserStorage(
  namespace: string | undefined,
  fallback: Storage,
  scope: { localStorage?: globalThis.Storage } = globalThis,
  reports: StorageReports = {},
): Storage {
  const local = usableLocalStorage(scope)
  if (!local) return fallback
  const prefix = namespace ? `${namespace}.` : ''
  const key = (name: string) => `${prefix}${name}`
  const ownKeys = (): string[] => {
    const names: string[] = []
    for (let i = 0; i < local.length; i++) {
      const stored = local.key(i)
      if (stored !== null && stored.startsWith(prefix)) names.push(stored.slice(prefix.length))
    }
    return names
  }
  const usedChars = (): number =>
    ownKeys().reduce(
      (sum, name) => sum + key(name).length + (local.getItem(key(name))?.length ?? 0),
      0,
    )
  /** Removes re-fetchable entries other than `keep`; returns their names. */
  const reclaim = (keep: string): string[] => {
    const removed = ownKeys().filter(
      (name) =>
        name !== keep && RECLAIMABLE_PREFIXES.some((reclaimable) => name.startsWith(reclaimable)),
    )
    removed.forEach((name) => local.removeItem(key(name)))
    return removed
  }
  const clock = reports.clock ?? (() => Date.now())
  return {
    get(name) {
      try {
        const raw = local.getItem(key(name))
        return raw === null ? null : (JSON.parse(raw) as unknown)
      } catch {
        // A value another program wrote that is not JSON: as good as absent.
        return null
      }
    },
    set(name, value) {
      let text: string
      try {
        text = JSON.stringify(value)
      } catch (error) {
        reports.onFailure?.({ key: name, at: clock(), message: String(error) })
        return
      }
      try {
        local.setItem(key(name), text)
        return
      } catch (error) {
        const removed = reclaim(name)
        if (removed.length) {
          reports.onReclaimed?.(removed)
          try {
            local.setItem(key(name), text)
            reports.onUsage?.(usedChars())
            return
          } catch {
            // Still no room: reported below.
          }
        }
        // Never break the screen that saves; say it where the operator looks.
        console.warn(`storage: could not save "${name}" (${String(error)})`)
        reports.onFailure?.({ key: name, at: clock(), message: String(error) })
        reports.onUsage?.(usedChars())
      }
    },
    remove(name) {
      local.removeItem(key(name))
    },
    keys: ownKeys,
    usedChars,
  }
}

/** localStorage when it exists and accepts a write (private modes and some boxes refuse). */
function usableLocalStorage(scope: {
  localStorage?: globalThis.Storage
}): globalThis.Storage | null {
  try {
    const local = scope.localStorage
    if (!local) return null
    local.setItem('belgica-probe', '1')
    local.removeItem('belgica-probe')
    return local
  } catch {
    return null
  }
}
