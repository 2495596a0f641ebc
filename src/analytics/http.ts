import { DeviceAuthError, DeviceAuthErrorCode } from '../device/contract'
import { CollectorError, type AnalyticsCollector, type CollectorHost } from './contract'

/** A collector that does not answer within this is given up on for this attempt. */
export const SEND_TIMEOUT_MS = 10_000

/**
 * POSTs each batch as JSON to appSettings.analytics.url (docs/analytics-api/). Any 2xx is taken;
 * 408, 429 and 5xx and network failures are retried by the service; other answers drop the batch.
 */
export function httpCollector(host: CollectorHost): AnalyticsCollector {
  const url = host.settings.url
  return {
    name: 'http',
    collects: url !== '',
    async send(batch, signal) {
      const controller = new AbortController()
      const abort = () => controller.abort()
      signal.addEventListener('abort', abort)
      const timer = setTimeout(abort, SEND_TIMEOUT_MS)
      try {
        const response = await host.fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(batch),
          signal: controller.signal,
          credentials: 'omit',
        })
        if (response.ok) return
        const status = response.status
        const retryable = status === 408 || status === 429 || status >= 500
        throw new CollectorError(`collector answered ${status}`, retryable, status)
      } catch (error) {
        if (error instanceof CollectorError) throw error
        if (signal.aborted) throw error
        // The operator does not recognise the box (src/device): sending again would not help.
        if (error instanceof DeviceAuthError && error.code === DeviceAuthErrorCode.NOT_RECOGNISED)
          throw new CollectorError(error.message, false, 401)
        throw new CollectorError(
          controller.signal.aborted
            ? 'collector timed out'
            : `collector unreachable (${String(error)})`,
          true,
        )
      } finally {
        clearTimeout(timer)
        signal.removeEventListener('abort', abort)
      }
    },
    dispose() {},
  }
}
