import type { EntitlementBackend, EntitlementFactory, EntitlementHost } from './contract'
import { EntitlementError, EntitlementErrorCode } from './errors'

/**
 * Entitlement backends by name. Factories are registered explicitly at start-up (see
 * registerBackends.ts), never as a side effect of importing a module; an operator adds its own
 * there. Tests register a fake and unregister it afterwards.
 */
export class EntitlementRegistry {
  private readonly factories = new Map<string, EntitlementFactory>()

  register(name: string, factory: EntitlementFactory): void {
    if (this.factories.has(name))
      throw new Error(`entitlement backend "${name}" is already registered`)
    this.factories.set(name, factory)
  }

  unregister(name: string): void {
    this.factories.delete(name)
  }

  get(name: string): EntitlementFactory | undefined {
    return this.factories.get(name)
  }

  names(): string[] {
    return [...this.factories.keys()]
  }

  /**
   * The backend `host.settings.backend` names. An unknown name is not thrown at start-up: the app
   * still starts (free titles play) and every call rejects with UNKNOWN_BACKEND, which the
   * screens show like any other entitlement error.
   */
  create(host: EntitlementHost): EntitlementBackend {
    const name = host.settings.backend
    const factory = this.factories.get(name)
    if (factory) return factory(host)
    host.log(`entitlements: no backend "${name}" (registered: ${this.names().join(', ')})`)
    return unknownBackend(name)
  }
}

function unknownBackend(name: string): EntitlementBackend {
  const fail = () =>
    Promise.reject(
      new EntitlementError(
        EntitlementErrorCode.UNKNOWN_BACKEND,
        `no entitlement backend "${name}" is registered`,
        name,
      ),
    )
  return {
    name,
    holdings: fail,
    rent: fail,
    subscribe: fail,
    startRental: fail,
    dispose() {},
  }
}
