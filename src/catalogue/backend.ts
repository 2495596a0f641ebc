import type { CatalogueProblem } from './errors'
import type { Title } from './schema'

/**
 * A catalogue backend, created by a factory from the registry.
 *
 * Lifecycle: the factory builds it from its settings (no I/O); `load` fetches and validates the
 * catalogue; `dispose` releases what it holds. A call receives an AbortSignal: when it is aborted
 * the call rejects with a CatalogueError of code ABORTED and leaves no partial state behind.
 * Errors are CatalogueError values (see errors.ts); malformed items are not errors but entries in
 * `problems` of an otherwise successful result.
 */
export interface CatalogueBackend {
  readonly name: string
  load(signal: AbortSignal): Promise<CatalogueLoad>
  dispose(): void
}

export interface CatalogueLoad {
  titles: Title[]
  problems: CatalogueProblem[]
}

/** What a factory gets: only what a backend may use, never the app. */
export interface BackendHost {
  /** The backend's settings from `appSettings.catalogue`. */
  settings: { backend: string; url: string }
  fetch: typeof fetch
  /** Resolves a path relative to the app's static folder (for embedded files). */
  asset(path: string): string
  /** The app's own URL: relative URLs in the embedded catalogue are relative to it. */
  baseUrl: string
  log(message: string): void
}

export type BackendFactory = (host: BackendHost) => CatalogueBackend
