import { directPublisherBackend } from '../catalogue/directPublisher'
import { embeddedBackend } from '../catalogue/embedded'
import { httpBackend } from '../catalogue/httpBackend'
import { mrssBackend } from '../catalogue/mrss'
import { BackendRegistry } from '../catalogue/registry'

/**
 * The one place catalogue backends are registered; `appSettings.catalogue.backend` picks one by
 * name. An operator adds its own factory here (or in its fork of this file), e.g.
 *
 *   registry.register('acme', (host) => acmeBackend(host))
 *
 * and sets `"catalogue": { "backend": "acme", "url": "..." }`; screens never know which backend
 * is in use. The contract is src/catalogue/backend.ts.
 */
export function registerBackends(
  registry: BackendRegistry = new BackendRegistry(),
): BackendRegistry {
  registry.register('embedded', embeddedBackend)
  registry.register('http', httpBackend)
  registry.register('directpublisher', directPublisherBackend)
  registry.register('mrss', mrssBackend)
  return registry
}
