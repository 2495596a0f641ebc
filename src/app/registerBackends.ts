import { embeddedBackend } from '../catalogue/embedded'
import { BackendRegistry } from '../catalogue/registry'

/**
 * The one place catalogue backends are registered. An operator adds its own factory here (or in
 * its fork of this file); screens never know which backend is in use.
 */
export function registerBackends(
  registry: BackendRegistry = new BackendRegistry(),
): BackendRegistry {
  registry.register('embedded', embeddedBackend)
  return registry
}
