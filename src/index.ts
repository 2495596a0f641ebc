// First: later imports (zod) read globalThis when they load, and old engines lack more (see there).
import './polyfills'
import './platform/zodSetup'
import { Launch, Storage, Utils } from '@lightningjs/sdk'
import { createApp } from './app/App'
import { fitStage, keepStagePlaced } from './app/stageFit'
import { closeOnceUp } from './app/closeOnceUp'
import { setHashAndAnnounce } from './app/routerHash'
import { countStartReload, readsAsJson, startReloadsLeft, watchStart } from './app/startWatch'
import { isRecord } from './catalogue/tolerant'
import { createContext } from './app/createContext'
import { registerBackends } from './app/registerBackends'
import { applyBrandTheme, brandFontFaces, tolerantFontLoader } from './brand/brandTheme'
import { theme } from './components/theme'
import { applyHighContrast } from './accessibility/palette'
import { registerEntitlementBackends } from './entitlements/registerBackends'
import { registerCollectors } from './analytics/registerCollectors'
import { browserPinCrypto } from './parental/pin'
import { cpuProbe, decideLite } from './performance/lite'
import { cappedBuffer, renderProfile } from './performance/renderProfile'
import { CHECKED_SETTINGS_GLOBAL, checkedConfig } from './config/checkedAtBuild'
import { validateAppSettings } from './config/validate'
import { detectPlatform } from './platform/detect'
import { buildCodeMap } from './platform/keymap'
import { platformLifecycle, type PlatformGlobals } from './platform/lifecycle'
import { browserPlatform } from './platform/platform'
import { browserStorage } from './platform/storage'
import { createStorageHealth } from './platform/storageHealth'

/** Where a package keeps its assets (settings.json's platformSettings.path). */
const STATIC_PATH = './static'

/**
 * Entry point called by the SDK's start-up with settings.json's appSettings and platformSettings.
 * Order: config -> platform -> catalogue and entitlement registries -> context -> App.
 */
export default function (
  givenAppSettings: unknown,
  givenPlatformSettings: unknown,
  appData: unknown,
) {
  // A package's settings are the operator's text: `null` or a list must reach validation, which
  // names them on screen, not stop the start with a TypeError.
  const appSettings = isRecord(givenAppSettings) ? givenAppSettings : {}
  // Without platformSettings (an operator's file with appSettings only, which `lng dist` packs as
  // `undefined`) every asset, translations and the embedded catalogue included, was asked for at
  // the page's root: a black screen. The package keeps its assets in ./static.
  const platformSettings: Record<string, unknown> = isRecord(givenPlatformSettings)
    ? { ...givenPlatformSettings }
    : {}
  if (typeof platformSettings.path !== 'string' || !platformSettings.path) {
    console.warn(`[settings] platformSettings.path is missing: assets are read from ${STATIC_PATH}`)
    platformSettings.path = STATIC_PATH
  }
  // Before validation: catalogue.backend and entitlements.backend are checked against the names
  // these hold.
  const registry = registerBackends()
  const entitlementRegistry = registerEntitlementBackends()
  // A package's settings were checked when it was built; changed ones are validated here.
  const validation =
    (isRecord(givenAppSettings)
      ? checkedConfig(appSettings, (globalThis as Record<string, unknown>)[CHECKED_SETTINGS_GLOBAL])
      : null) ??
    validateAppSettings(givenAppSettings, {
      catalogueBackends: registry.names(),
      entitlementBackends: entitlementRegistry.names(),
    })
  // Lite mode is decided before the first template: it changes what screens build.
  // The CPU probe only where the engine does not say how much memory the box has: it runs cold
  // (interpreted), which costs a weak box tens of milliseconds of its start, and Chromium-based
  // engines, which report it, are judged by their memory.
  const deviceMemoryGb = (navigator as Navigator & { deviceMemory?: number }).deviceMemory
  const render = renderProfile(
    decideLite(validation.config.lite, {
      deviceMemoryGb,
      cpuProbeMs:
        validation.config.lite.mode === 'auto' && deviceMemoryGb === undefined
          ? cpuProbe(() => performance.now())
          : undefined,
    }),
  )
  const config = {
    ...validation.config,
    player: { ...validation.config.player, ...cappedBuffer(validation.config.player, render) },
  }
  if (render.lite) console.info(`[lite] lite mode on (${render.reason})`)
  // Before any template is built: templates read the theme's tokens when they are made.
  applyBrandTheme(theme, config.brand)

  const sdkStorage = {
    get: (key: string) => Storage.get(key),
    set: (key: string, value: unknown) => void Storage.set(key, value),
    remove: (key: string) => Storage.remove(key),
  }
  const namespace = typeof platformSettings.id === 'string' ? platformSettings.id : undefined
  const storageHealth = createStorageHealth()
  const storage = browserStorage(namespace, sdkStorage, globalThis, {
    onFailure: (failure) =>
      storageHealth.update((s) => ({ failedWrites: s.failedWrites + 1, lastFailure: failure })),
    onReclaimed: (keys) =>
      storageHealth.update((s) => ({ reclaimed: [...s.reclaimed, ...keys].slice(-20) })),
    onUsage: (usedChars) => storageHealth.update({ usedChars }),
  })
  const platformName =
    config.platform === 'auto' ? detectPlatform(navigator.userAgent) : config.platform
  // Tizen's registerKey and the HbbTV keyset before the first key; the app says on screen when
  // leaving is not possible (a browser tab) rather than leaving a blank page.
  const lifecycle = platformLifecycle(platformName, globalThis as unknown as PlatformGlobals, {
    androidBridge: config.device.androidBridge,
  })
  const started = lifecycle.start()
  started.problems.forEach((problem) => console.warn(`[platform] ${problem}`))
  const platform = browserPlatform(storage, () => lifecycle.exit())
  const keys = buildCodeMap(platformName, config.keys, started.deviceKeys)

  const context = createContext({
    config,
    platform,
    registry,
    storageHealth,
    entitlementRegistry,
    collectorRegistry: registerCollectors(),
    appInfo: {
      version: typeof appSettings.version === 'string' ? appSettings.version.slice(0, 40) : '',
      platform: platformName,
    },
    pinCrypto: browserPinCrypto(),
    language: config.language.default,
    asset: (path) => Utils.asset(path),
    render,
  })
  // The household's high contrast over the operator's palette, before any template is built.
  if (context.accessibility.prefs.highContrast) applyHighContrast(theme)

  let appMade = false
  const App = createApp({
    context,
    configProblems: validation.ok ? [] : validation.problems,
    onStarted: () => {
      appMade = true
      // The boot guard's loading line (scripts/lib/bootGuard.mjs) gives way to the app's screens.
      ;(globalThis as { belgicaStarted?: () => void }).belgicaStarted?.()
    },
  })

  // The operator's font through the SDK's own font loading (App.getFonts), with a loader that
  // keeps the sans-serif fallback when a file is missing instead of never drawing the app.
  // Asked by the SDK once it has its settings: Utils.asset has no path before Launch.
  const BrandedApp = class extends App {
    static getFonts() {
      return brandFontFaces(config.brand.font, (path) => Utils.asset(path))
    }
  }
  const fontLoader = tolerantFontLoader(globalThis, (url) =>
    console.warn(`Font ${url} did not load; the text falls back to sans-serif`),
  )

  const launch = Launch as unknown as (...args: unknown[]) => unknown
  // As validated: sizes written as text are read as numbers, and sizes that cannot draw are not
  // passed on (the configuration screen names them).
  const stageSettings: Record<string, unknown> = config.stage
  const fit = fitStage(globalThis, platformSettings, stageSettings)
  // What the stage does not cover (a window of another shape) is a TV's black, not a page's white.
  if (typeof document !== 'undefined' && document.body) {
    document.body.style.backgroundColor = '#000'
    keepStagePlaced(globalThis, document, platformSettings, stageSettings)
  }
  // The Router builds a screen the first time it is visited, not all fourteen before home:
  // building them was part of home's critical path on a slow box.
  const router = { lazyCreate: true }
  // Each navigation read with its own hash (routerHash.ts); a platform's own setter is kept.
  const givenPlugins = isRecord(platformSettings.plugins) ? platformSettings.plugins : {}
  const plugins = {
    ...givenPlugins,
    router: {
      setHash: setHashAndAnnounce,
      ...(isRecord(givenPlugins.router) ? givenPlugins.router : {}),
    },
  }
  const app = launch(
    BrandedApp,
    { ...appSettings, keys, stage: { ...stageSettings, ...fit } },
    {
      ...platformSettings,
      plugins,
      fontLoader,
      router,
      onClose: closeOnceUp(platformSettings, () => app),
    },
    appData,
  )
  // The SDK now has its storage and asset path: the catalogue's request goes out beside the SDK's
  // translations and fonts rather than after them (home's critical path). Not on a settings error:
  // the App shows that instead of loading anything.
  if (validation.ok) void context.startCatalogue()
  watchStart({
    started: () => appMade,
    file: 'translations.json',
    fileAnswers: () => readsAsJson(Utils.asset('translations.json')),
    showMissing: (file) =>
      (globalThis as { belgicaBootError?: (file: string) => void }).belgicaBootError?.(file),
    reload: () => {
      countStartReload(globalThis.sessionStorage)
      location.reload()
    },
    reloadsLeft: startReloadsLeft(globalThis.sessionStorage),
    setTimeout: (run, ms) => setTimeout(run, ms),
  })
  return app
}
