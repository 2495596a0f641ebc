import type { AnalyticsCollector } from './contract'

/** The default: nothing leaves the box, and nothing is queued for it. */
export function noCollector(): AnalyticsCollector {
  return {
    name: 'none',
    collects: false,
    send: () => Promise.resolve(),
    dispose() {},
  }
}
