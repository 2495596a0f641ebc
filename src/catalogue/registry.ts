import type { BackendFactory } from './backend'

/**
 * Catalogue backends by name. Factories are registered explicitly at start-up (see
 * app/registerBackends.ts), never as a side effect of importing a module; an operator adds its own
 * there. Tests register a fake and unregister it afterwards.
 */
export class BackendRegistry {
  private readonly factories = new Map<string, BackendFactory>()

  register(name: string, factory: BackendFactory): void {
    if (this.factories.has(name))
      throw new Error(`catalogue backend "${name}" is already registered`)
    this.factories.set(name, factory)
  }

  unregister(name: string): void {
    this.factories.delete(name)
  }

  get(name: string): BackendFactory | undefined {
    return this.factories.get(name)
  }

  names(): string[] {
    return [...this.factories.keys()]
  }
}
