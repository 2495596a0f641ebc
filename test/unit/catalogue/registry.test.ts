import type { BackendFactory } from '../../../src/catalogue/backend'
import { BackendRegistry } from '../../../src/catalogue/registry'

const fakeBackend =
  (name: string): BackendFactory =>
  () => ({
    name,
    load: async () => ({ titles: [], problems: [] }),
    dispose: () => {},
  })

describe('BackendRegistry', () => {
  test('a registered factory is found by name', () => {
    const registry = new BackendRegistry()
    const factory = fakeBackend('fake')
    registry.register('fake', factory)
    expect(registry.get('fake')).toBe(factory)
    expect(registry.names()).toEqual(['fake'])
  })

  test('an unknown name gives undefined', () => {
    expect(new BackendRegistry().get('embedded')).toBeUndefined()
  })

  test('a name cannot be registered twice', () => {
    const registry = new BackendRegistry()
    registry.register('fake', fakeBackend('fake'))
    expect(() => registry.register('fake', fakeBackend('other'))).toThrow(
      'catalogue backend "fake" is already registered',
    )
  })

  test('unregister removes the factory, and the name can be registered again', () => {
    const registry = new BackendRegistry()
    registry.register('fake', fakeBackend('fake'))
    registry.unregister('fake')
    expect(registry.get('fake')).toBeUndefined()
    const second = fakeBackend('fake')
    registry.register('fake', second)
    expect(registry.get('fake')).toBe(second)
  })

  test('names lists factories in registration order', () => {
    const registry = new BackendRegistry()
    registry.register('embedded', fakeBackend('embedded'))
    registry.register('http', fakeBackend('http'))
    expect(registry.names()).toEqual(['embedded', 'http'])
  })

  test('registries are independent', () => {
    const a = new BackendRegistry()
    a.register('fake', fakeBackend('fake'))
    expect(new BackendRegistry().names()).toEqual([])
  })
})
