import { registerBackends } from '../../../src/app/registerBackends'
import {
  CatalogueLoader,
  type LoaderSettings,
  type LoaderState,
} from '../../../src/catalogue/loader'

export interface LoaderRun {
  loader: CatalogueLoader
  states: LoaderState[]
  logs: string[]
  storage: Map<string, unknown>
  last(): LoaderState
}

/** A loader as the app builds it, with Node's fetch, a storage in memory and a settable clock. */
export function makeLoader(
  settings: Partial<LoaderSettings> & { backend: string; url: string },
  storage = new Map<string, unknown>(),
  clock: () => number = () => Date.now(),
): LoaderRun {
  const states: LoaderState[] = []
  const logs: string[] = []
  const loader = new CatalogueLoader({
    registry: registerBackends(),
    settings: {
      timeoutMs: 2000,
      retries: 0,
      maxPages: 20,
      cacheMaxAgeHours: 24,
      cacheFallbackMs: 1500,
      offlineRetryMs: 60_000,
      ...settings,
    },
    storage: {
      // Through JSON, as the SDK's Storage does: no object is shared with the cache.
      get: (key) => (storage.has(key) ? JSON.parse(storage.get(key) as string) : null),
      set: (key, value) => void storage.set(key, JSON.stringify(value)),
      remove: (key) => void storage.delete(key),
    },
    fetch: (input, init) => fetch(input, init),
    asset: (path) => `http://app.invalid/static/${path}`,
    baseUrl: 'http://app.invalid/',
    log: (message) => logs.push(message),
    clock,
    onState: (state) => states.push(state),
  })
  return {
    loader,
    states,
    logs,
    storage,
    last: () => {
      const state = states[states.length - 1]
      if (!state) throw new Error('the loader emitted no state')
      return state
    },
  }
}

export function readyState(state: LoaderState) {
  if (state.status !== 'ready') {
    throw new Error(
      `expected a ready catalogue, got ${state.status}${state.status === 'error' ? `: ${state.problem.message}` : ''}`,
    )
  }
  return state
}
