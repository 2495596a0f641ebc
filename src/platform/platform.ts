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
  /** Leaves the app (the box takes over); in a browser, the best we can do is close the tab. */
  exit(): void
}

export function browserPlatform(storage: Platform['storage'], exit: () => void): Platform {
  return {
    now: () => performance.now(),
    wallClock: () => Date.now(),
    fetch: (input, init) => window.fetch(input, init),
    userAgent: navigator.userAgent,
    storage,
    exit,
  }
}
