import { embeddedEntitlements } from './embedded'
import { httpEntitlements } from './http'
import { EntitlementRegistry } from './registry'

/**
 * The one place entitlement backends are registered; `appSettings.entitlements.backend` picks one
 * by name. An operator adds its own factory here, e.g.
 *
 *   registry.register('acme', (host) => acmeEntitlements(host))
 *
 * The contract is contract.ts; screens never know which backend is in use.
 */
export function registerEntitlementBackends(
  registry: EntitlementRegistry = new EntitlementRegistry(),
): EntitlementRegistry {
  registry.register('embedded', embeddedEntitlements)
  registry.register('http', httpEntitlements)
  return registry
}
