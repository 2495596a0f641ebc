import { createContext } from '../../../src/app/createContext'
import { registerBackends } from '../../../src/app/registerBackends'
import type { BackendFactory } from '../../../src/catalogue/backend'
import { defaultAppConfig } from '../../../src/config/defaults'
import { registerEntitlementBackends } from '../../../src/entitlements/registerBackends'
import { memoryPlatform } from '../../harness/fakeContext'

/** A context whose catalogue backend counts its loads and never answers. */
function countingContext() {
  let loads = 0
  const registry = registerBackends()
  const counting: BackendFactory = () => ({
    name: 'counting',
    dispose: () => undefined,
    load: () => {
      loads++
      return new Promise(() => undefined)
    },
  })
  registry.register('counting', counting)
  const context = createContext({
    config: {
      ...defaultAppConfig(),
      catalogue: { ...defaultAppConfig().catalogue, backend: 'counting' },
    },
    platform: memoryPlatform(),
    registry,
    entitlementRegistry: registerEntitlementBackends(),
    pinCrypto: null,
    language: 'fr',
    asset: (path) => path,
    baseUrl: 'http://box.invalid/',
    log: () => undefined,
  })
  return { context, loads: () => loads }
}

describe('the first catalogue load', () => {
  it('is started once: the App waits for the one src/index.ts started at launch', () => {
    const { context, loads } = countingContext()
    const early = context.startCatalogue()
    const fromApp = context.startCatalogue()
    expect(fromApp).toBe(early)
    expect(loads()).toBe(1)
  })

  it('is loaded again on an explicit reload (Retry, diagnostics)', () => {
    const { context, loads } = countingContext()
    void context.startCatalogue()
    void context.reloadCatalogue()
    expect(loads()).toBe(2)
  })
})
