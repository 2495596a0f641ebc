import type { DeviceAuth, DeviceAuthFactory, DeviceAuthHost } from './contract'

/**
 * Device-token plug-ins by name ("embedded", "http", or an operator's own), registered explicitly
 * at start-up (registerDeviceAuth.ts), never as a side effect of an import. Tests register a fake
 * and unregister it afterwards.
 */
export class DeviceAuthRegistry {
  private readonly factories = new Map<string, DeviceAuthFactory>()

  register(name: string, factory: DeviceAuthFactory): void {
    if (this.factories.has(name)) throw new Error(`device auth "${name}" is already registered`)
    this.factories.set(name, factory)
  }

  unregister(name: string): void {
    this.factories.delete(name)
  }

  names(): string[] {
    return [...this.factories.keys()]
  }

  /** The plug-in named in the settings; "none" (or an unknown name, reported) sends no token. */
  create(host: DeviceAuthHost, log: (message: string) => void = () => {}): DeviceAuth | null {
    const name = host.settings.auth
    if (name === 'none') return null
    const factory = this.factories.get(name)
    if (!factory) {
      log(`device.auth "${name}" is not registered (known: ${this.names().join(', ')}): no token`)
      return null
    }
    return factory(host)
  }
}
