import type { Platform } from './platform'

type Storage = Platform['storage']

/**
 * The box's storage, usable from the first line of start-up. The SDK's Storage only works once
 * Launch has initialised it, yet the app's stores (profiles, PINs, progress) read their state when
 * the context is built, before Launch. Same keys and JSON as the SDK's Storage (`<id>.<key>` when
 * platformSettings has an id), so data written by either is read by both.
 */
export function browserStorage(
  namespace: string | undefined,
  fallback: Storage,
  scope: { localStorage?: globalThis.Storage } = globalThis,
): Storage {
  const local = usableLocalStorage(scope)
  if (!local) return fallback
  const key = (name: string) => (namespace ? `${namespace}.${name}` : name)
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
      try {
        local.setItem(key(name), JSON.stringify(value))
      } catch (error) {
        // Quota full: like the SDK's Storage, never break the screen that saves; say it in the log.
        console.warn(`storage: could not save "${name}" (${String(error)})`)
      }
    },
    remove(name) {
      local.removeItem(key(name))
    },
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
