import type { ExitOutcome } from './lifecycle'

/**
 * Every global the app touches (time, storage, network, user agent, leaving the app) goes through
 * this object, so tests replace it instead of patching window.
 */
export interface Platform {
  /** Monotonic milliseconds, for durations (performance.now()). */
  now(): number
  /** Wall-clock milliseconds since 1970, for dates (availability windows, saved times). */
  wallClock(): number
  fetch: typeof fetch
  userAgent: string
  storage: {
    get(key: string): unknown
    /** Never throws: a refused write is reported (StorageHealth), and the app goes on. */
    set(key: string, value: unknown): void
    remove(key: string): void
    /** The app's own keys (without the namespace), where the storage can list them. */
    keys?(): string[]
    /** Characters the app's own entries take (keys and values), where the storage can tell. */
    usedChars?(): number
  }
  /**
   * Leaves the app the platform's way (see lifecycle.ts). `closed: false` means the app is still
   * on screen (a browser tab, a missing API) and must tell the household.
   */
  exit(): ExitOutcome
  /**
   * Starts the app again (a change that needs every screen rebuilt), on `route` when given (the
   * same screen with where its focus was), else on the current one.
   */
  reload?(route?: string): void
}

export function browserPlatform(storage: Platform['storage'], exit: () => ExitOutcome): Platform {
  return {
    now: () => performance.now(),
    wallClock: () => Date.now(),
    fetch: (input, init) => window.fetch(input, init),
    userAgent: navigator.userAgent,
    storage,
    exit,
    reload: (route) => {
      // Replaced, not navigated to: the Router would build the screen again before the reload.
      if (route !== undefined) window.history.replaceState(null, '', `#${route}`)
      window.location.reload()
    },
  }
}
