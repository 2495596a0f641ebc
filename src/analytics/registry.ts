import type { AnalyticsCollector, CollectorFactory, CollectorHost } from './contract'
import { noCollector } from './none'

/**
 * Analytics collectors by name. Factories are registered explicitly at start-up (see
 * registerCollectors.ts), never as a side effect of importing a module; an operator adds its own
 * there. Tests register a fake and unregister it afterwards.
 */
export class CollectorRegistry {
  private readonly factories = new Map<string, CollectorFactory>()

  register(name: string, factory: CollectorFactory): void {
    if (this.factories.has(name))
      throw new Error(`analytics collector "${name}" is already registered`)
    this.factories.set(name, factory)
  }

  unregister(name: string): void {
    this.factories.delete(name)
  }

  names(): string[] {
    return [...this.factories.keys()]
  }

  /** The collector appSettings.analytics.collector names; an unknown name sends nothing (logged). */
  create(host: CollectorHost): AnalyticsCollector {
    const name = host.settings.collector
    const factory = this.factories.get(name)
    if (factory) return factory(host)
    host.log(
      `analytics: no collector "${name}" (registered: ${this.names().join(', ')}); nothing is sent`,
    )
    return noCollector()
  }
}
