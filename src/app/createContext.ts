import { Language } from '@lightningjs/sdk'
import { Catalogue } from '../catalogue/Catalogue'
import { CatalogueError, CatalogueErrorCode, type CatalogueProblem } from '../catalogue/errors'
import type { BackendRegistry } from '../catalogue/registry'
import type { AppConfig } from '../config/defaults'
import { fallbackOrder } from '../i18n/localize'
import type { Platform } from '../platform/platform'
import { saveLanguagePreference } from '../state/preferences'
import { Store } from '../state/Store'
import type { AppContext, CatalogueState, UiState } from './context'

/** Builds the context screens share. No I/O happens until reloadCatalogue/setLanguage are called. */
export function createContext(options: {
  config: AppConfig
  platform: Platform
  registry: BackendRegistry
  language: string
  asset(path: string): string
}): AppContext {
  const { config, platform, registry } = options
  const catalogue = new Store<{ state: CatalogueState }>({ state: { status: 'loading' } })
  const ui = new Store<UiState>({ language: options.language })
  let pending: AbortController | undefined

  const problemOf = (error: unknown): CatalogueProblem =>
    error instanceof CatalogueError
      ? error.problem
      : {
          severity: 'critical',
          category: 'network',
          code: CatalogueErrorCode.NETWORK,
          backend: config.catalogue.backend,
          message: String(error),
        }

  return {
    config,
    platform,
    catalogue,
    ui,
    t: (key, values) => (values ? Language.translate(key, values) : Language.translate(key)),
    contentOrder: () => fallbackOrder(ui.value.language, config.language.contentFallback),
    async setLanguage(language) {
      await Language.set(language)
      saveLanguagePreference(platform, language)
      ui.update({ language })
    },
    async reloadCatalogue() {
      pending?.abort()
      const controller = new AbortController()
      pending = controller
      const factory = registry.get(config.catalogue.backend)
      if (!factory) {
        catalogue.update({
          state: {
            status: 'error',
            problem: {
              severity: 'critical',
              category: 'config',
              code: CatalogueErrorCode.UNKNOWN_BACKEND,
              backend: config.catalogue.backend,
              message: `no catalogue backend "${config.catalogue.backend}" (known: ${registry.names().join(', ')})`,
            },
          },
        })
        return
      }
      const backend = factory({
        settings: config.catalogue,
        fetch: platform.fetch,
        asset: (path) => options.asset(path),
        baseUrl: document.baseURI,
        log: (message) => console.warn(message),
      })
      try {
        const loaded = await backend.load(controller.signal)
        if (controller.signal.aborted) return
        catalogue.update({
          state: { status: 'ready', catalogue: new Catalogue(loaded.titles, loaded.problems) },
        })
      } catch (error) {
        if (controller.signal.aborted) return
        catalogue.update({ state: { status: 'error', problem: problemOf(error) } })
      } finally {
        backend.dispose()
      }
    },
  }
}
