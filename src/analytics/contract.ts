import type { AppConfig } from '../config/defaults'
import type { Batch } from './schema'

/**
 * An analytics collector: where batches of events go. Factories are registered by name (see
 * registerCollectors.ts) and get a narrow host, never the app.
 *
 * Lifecycle: created once at start from appSettings.analytics; `send` is called with one batch
 * at a time (never two at once); `dispose` when the app leaves.
 *
 * `send` resolves once the collector has the batch. It rejects with a CollectorError: retryable
 * (network down, a timeout, 408, 429, 5xx) keeps the batch queued and tries again after a
 * backoff; not retryable (another 4xx: the collector refuses it) drops the batch, logged. When
 * `signal` aborts (consent withdrawn while sending) the request stops and `send` rejects with
 * an AbortError; the service then drops what was withdrawn and keeps the rest.
 */
export interface AnalyticsCollector {
  readonly name: string
  /** false: nothing is ever sent ('none'), so the app does not even queue events. */
  readonly collects: boolean
  send(batch: Batch, signal: AbortSignal): Promise<void>
  dispose(): void
}

export interface CollectorHost {
  settings: AppConfig['analytics']
  fetch: typeof fetch
  log(message: string): void
}

export type CollectorFactory = (host: CollectorHost) => AnalyticsCollector

export class CollectorError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'CollectorError'
  }
}
