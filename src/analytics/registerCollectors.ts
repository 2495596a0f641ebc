import { httpCollector } from './http'
import { noCollector } from './none'
import { CollectorRegistry } from './registry'

/**
 * The one place analytics collectors are registered; appSettings.analytics.collector picks one
 * by name. An operator adds its own here, e.g.
 *
 *   registry.register('acme', (host) => acmeCollector(host))
 *
 * The contract is contract.ts.
 */
export function registerCollectors(registry = new CollectorRegistry()): CollectorRegistry {
  registry.register('none', () => noCollector())
  registry.register('http', httpCollector)
  return registry
}
