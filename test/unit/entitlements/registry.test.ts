import type {
  EntitlementBackend,
  EntitlementFactory,
  EntitlementHost,
} from '../../../src/entitlements/contract'
import { EntitlementErrorCode } from '../../../src/entitlements/errors'
import { registerEntitlementBackends } from '../../../src/entitlements/registerBackends'
import { EntitlementRegistry } from '../../../src/entitlements/registry'
import { memoryStorage } from './fixtures'

const host = (backend: string, log = jest.fn()): EntitlementHost => ({
  settings: { backend, url: '', timeoutMs: 8000, demoPasses: [] },
  fetch: jest.fn(),
  storage: memoryStorage(),
  wallClock: () => 0,
  log,
})

const fake: EntitlementFactory = () =>
  ({ name: 'fake', dispose: () => {} }) as unknown as EntitlementBackend

describe('EntitlementRegistry', () => {
  test('registerEntitlementBackends registers embedded and http, nothing else', () => {
    expect(registerEntitlementBackends().names()).toEqual(['embedded', 'http'])
  })

  test('create builds the backend the settings name', async () => {
    const registry = registerEntitlementBackends()
    const signal = new AbortController().signal
    expect(await registry.create(host('embedded')).holdings({ signal })).toEqual({
      passes: [],
      rentals: [],
    })
    expect(registry.create(host('http')).name).toBe('http')
  })

  test('a test registers a fake and removes it afterwards', () => {
    const registry = new EntitlementRegistry()
    const made = fake(host('fake'))
    registry.register('fake', () => made)
    expect(registry.create(host('fake'))).toBe(made)
    registry.unregister('fake')
    expect(registry.get('fake')).toBeUndefined()
  })

  test('a name cannot be registered twice', () => {
    const registry = registerEntitlementBackends()
    expect(() => registry.register('http', fake)).toThrow(
      'entitlement backend "http" is already registered',
    )
  })

  test('an unknown backend does not stop the app: it is logged, and every call rejects with UNKNOWN_BACKEND', async () => {
    const log = jest.fn()
    const backend = registerEntitlementBackends().create(host('acme', log))
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no backend "acme"'))
    const signal = new AbortController().signal
    await expect(backend.holdings({ signal })).rejects.toMatchObject({
      code: EntitlementErrorCode.UNKNOWN_BACKEND,
      kind: 'invalid',
      recoverable: false,
    })
  })
})
