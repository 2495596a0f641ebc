import { FULL_PROFILE, type RenderProfile } from '../performance/renderProfile'
import { createStorageHealth, type StorageHealth } from '../platform/storageHealth'
import { withOperatorOffers } from '../brand/passNames'
import { Language } from '@lightningjs/sdk'
import { CatalogueLoader } from '../catalogue/loader'
import type { BackendRegistry } from '../catalogue/registry'
import type { EntitlementRegistry } from '../entitlements/registry'
import { EntitlementsStore } from '../entitlements/store'
import { ParentalStore } from '../parental/ParentalStore'
import { fallbackPinCrypto, type PinCrypto } from '../parental/pin'
import type { AppConfig } from '../config/defaults'
import { fallbackOrder, pickText } from '../i18n/localize'
import type { Platform } from '../platform/platform'
import { createDeviceAccess } from '../device/deviceAccess'
import type { DeviceAuthRegistry } from '../device/registry'
import { registerDeviceAuth } from '../device/registerDeviceAuth'
import { deviceId } from '../entitlements/deviceId'
import type { GuideSource } from '../guide/contract'
import { createGuideSource } from '../guide/sources'
import { GuideCache } from './guideCache'
import { withPlainFallback } from '../device/plainFallback'
import { askPinGuarded } from './purchasePinGuard'
import { initialGuideHealth, recordGuideEvent, type GuideHealth } from '../guide/guideHealth'
import { MyListStore } from '../state/MyListStore'
import { saveLanguagePreference } from '../state/preferences'
import { ProfileStore, randomProfileId } from '../state/ProfileStore'
import { ProgressStore } from '../state/progress'
import { Store } from '../state/Store'
import { genreNamesFrom } from '../search/genreNames'
import { searchableBy } from '../search/offered'
import { RecentSearchesStore } from '../search/recentSearches'
import { viewerOf } from '../state/homeRails'
import { ConsentStore } from '../consent/ConsentStore'
import { adTargeting } from '../consent/adTargeting'
import { wallZone } from '../i18n/wallZone'
import { Analytics } from '../analytics/Analytics'
import { PlaybackHub } from '../player/playbackHub'
import type { CollectorRegistry } from '../analytics/registry'
import { registerCollectors } from '../analytics/registerCollectors'
import { noResultCounter } from '../analytics/usage'
import { watchPlayback } from '../analytics/playbackAnalytics'
import { AccessibilityStore } from '../accessibility/preferences'
import { Announcer } from '../accessibility/Announcer'
import { speechSynthesisSpeaker, type Speaker } from '../accessibility/speaker'
import type {
  AppContext,
  CatalogueDiagnostics,
  CatalogueState,
  PinPrompter,
  UiState,
} from './context'

/** Builds the context screens share. No I/O happens until reloadCatalogue/setLanguage are called. */
export function createContext(options: {
  config: AppConfig
  platform: Platform
  registry: BackendRegistry
  /** Filled by the storage the platform was given (src/index.ts); a fresh one otherwise. */
  storageHealth?: Store<StorageHealth>
  entitlementRegistry: EntitlementRegistry
  /** WebCrypto for hashing PINs; null where the engine has none, for the JavaScript fallback. */
  pinCrypto: PinCrypto | null
  language: string
  asset(path: string): string
  /** Wall clock for the age of the device's last good catalogue; default Date.now. */
  clock?: () => number
  /** Where relative catalogue URLs resolve; default document.baseURI. */
  baseUrl?: string
  log?: (message: string) => void
  /** Where programme schedules come from; default: the one appSettings.guide names. */
  guideSource?: GuideSource
  /** Analytics collectors by name; default: the app's own ('none', 'http'). */
  collectorRegistry?: CollectorRegistry
  /** What batches say of the app: its version and the platform it runs on. */
  appInfo?: { version: string; platform: string }
  /** Device-token plug-ins by name; default: the app's own ('embedded', 'http'). */
  deviceAuthRegistry?: DeviceAuthRegistry
  /** The announcer's voice; default the engine's speech synthesis (none: the announcer is mute). */
  speaker?: Speaker | null
  /** Lite mode's decisions (src/index.ts makes them before the first frame); default: full. */
  render?: RenderProfile
}): AppContext {
  const { config, platform, registry } = options
  const catalogue = new Store<{ state: CatalogueState }>({
    state: { status: 'loading' },
  })
  const ui = new Store<UiState>({ language: options.language })
  const diagnostics = new Store<CatalogueDiagnostics>({
    backend: config.catalogue.backend,
    url: config.catalogue.url,
    titles: 0,
    problems: [],
  })

  const zone = wallZone(config.clock.zone)
  const profiles = new ProfileStore(platform.storage, () => randomProfileId())
  const progress = new ProgressStore(platform.storage, () => platform.wallClock())
  const myList = new MyListStore(platform.storage)
  const recentSearches = new RecentSearchesStore(platform.storage)
  const consent = new ConsentStore(
    platform.storage,
    () => platform.wallClock(),
    config.consent.version,
    (id) => profiles.profiles.some((profile) => profile.id === id && profile.kids),
  )
  followActiveProfile(profiles, [progress, myList, recentSearches, consent])
  const log = options.log ?? ((message: string) => console.warn(message))
  // The operator's services get a fetch that carries the box's token (src/device); the guide,
  // artwork and ad servers keep the plain one.
  const device = createDeviceAccess({
    settings: config.device,
    registry: options.deviceAuthRegistry ?? registerDeviceAuth(),
    deviceId: () => deviceId(platform.storage),
    fetch: platform.fetch,
    wallClock: () => platform.wallClock(),
    app: options.appInfo ?? { version: '', platform: '' },
    log,
    notRecognised: (url) =>
      t('device.notRecognised', {
        url,
        support: config.device.support || t('device.yourOperator'),
      }),
  })
  const entitlements = new EntitlementsStore({
    backend: options.entitlementRegistry.create({
      settings: config.entitlements,
      fetch: device.fetch,
      storage: platform.storage,
      wallClock: () => platform.wallClock(),
      log,
      baseUrl: options.baseUrl ?? document.baseURI,
    }),
    storage: platform.storage,
    wallClock: () => platform.wallClock(),
    settings: config.entitlements,
    log,
  })
  const parental = new ParentalStore({
    ...(options.pinCrypto ?? fallbackPinCrypto()),
    storage: platform.storage,
    wallClock: () => platform.wallClock(),
    zone,
    settings: config.parental,
  })

  const analytics = new Analytics({
    collector: (options.collectorRegistry ?? registerCollectors()).create({
      settings: config.analytics,
      fetch: device.fetch,
      log,
    }),
    consent,
    settings: config.analytics,
    storage: platform.storage,
    wallClock: () => platform.wallClock(),
    app: options.appInfo ?? { version: '', platform: '' },
    log,
  })
  // The player's stream, for the rest of the app; analytics reports each viewing from it (title
  // started and finished, playback quality). Lives as long as the context: nothing to release.
  const playback = new PlaybackHub()
  watchPlayback(playback.events$, analytics, { stats: () => playback.stats() })
  // Searches that found nothing are counted, typing on past one once; the text stays on the box.
  const countNoResult = noResultCounter((event) => analytics.record(event))

  const loader = new CatalogueLoader({
    registry,
    settings: config.catalogue,
    storage: platform.storage,
    // Feeds are often exported to hosts that take no token: see withPlainFallback.
    fetch: withPlainFallback(device.fetch, platform.fetch, log),
    asset: (path) => options.asset(path),
    baseUrl: options.baseUrl ?? document.baseURI,
    log,
    clock: options.clock ?? (() => Date.now()),
    railName: (name) =>
      pickText(name, fallbackOrder(ui.value.language, config.language.contentFallback)),
    onState: (state) => catalogue.update({ state }),
    onRecord: (change) => diagnostics.update(change),
    // Read again (from the HTTP cache) when search first needs it, never during start-up.
    genreNames: () =>
      platform
        .fetch(options.asset('translations.json'))
        .then((response) => response.json())
        .then(genreNamesFrom),
  })

  const accessibility = new AccessibilityStore(platform.storage, config.accessibility.speech)
  // The operator's pass names and prices (appSettings.offers) before the app's translations.
  const t: AppContext['t'] = withOperatorOffers(
    (key, values) => (values ? Language.translate(key, values) : Language.translate(key)),
    config.offers,
    () => ui.value.language,
  )
  const speaker =
    options.speaker === undefined ? speechSynthesisSpeaker(globalThis) : options.speaker
  const announcer = new Announcer({
    speaker: speaker ?? { speak: () => {}, cancel: () => {} },
    enabled: () => speaker !== null && accessibility.speechOn,
    language: () => ui.value.language,
    t,
  })

  let pinPrompter: PinPrompter | null = null
  // Made on the guide's first use: the 'catalogue' source builds a backend of its own.
  let guideSource = options.guideSource
  const guideHealth = new Store<GuideHealth>(
    initialGuideHealth(options.guideSource?.name ?? config.guide.source, config.guide.url),
  )
  const guide = new GuideCache(
    () =>
      (guideSource ??= createGuideSource(config.guide, {
        fetch: platform.fetch,
        log,
        asset: (path) => options.asset(path),
        baseUrl: options.baseUrl ?? document.baseURI,
        catalogue: config.catalogue,
        catalogueBackends: registry,
        xmlParser: () => new DOMParser(),
        liveChannels: async () => {
          const list = await loader.liveChannels()
          return list.status === 'ok' ? list.channels : []
        },
      })),
    undefined,
    log,
    (outcome) =>
      guideHealth.update((health) => recordGuideEvent(health, { ...outcome, at: Date.now() })),
    zone,
  )

  let firstLoad: Promise<void> | undefined
  return {
    config,
    render: options.render ?? FULL_PROFILE,
    zone,
    platform,
    device,
    catalogue,
    diagnostics,
    storageHealth: options.storageHealth ?? createStorageHealth(),
    guideHealth,
    ui,
    profiles,
    progress,
    myList,
    entitlements,
    parental,
    consent,
    playback,
    adTargeting: () =>
      adTargeting({
        adsGranted: consent.granted('ads'),
        kids: profiles.active.kids,
        entries: Object.values(progress.store.value.entries),
        catalogue:
          catalogue.value.state.status === 'ready' ? catalogue.value.state.catalogue : undefined,
        hourOf: (at) => zone.read(at).hour,
      }),
    askPin: (kind, prompt, unlocks) =>
      pinPrompter
        ? askPinGuarded(
            pinPrompter,
            (which) => parental.status(which),
            { title: t('pin.purchaseGuardTitle'), message: t('pin.purchaseGuardMessage') },
            kind,
            prompt,
            () => {
              if (unlocks !== undefined) parental.unlock(unlocks)
            },
          )
        : Promise.resolve(false),
    changePin: (kind) =>
      pinPrompter
        ? pinPrompter(kind, { kind: 'current', pin: kind }, 'change')
        : Promise.resolve(false),
    setPinPrompter: (prompter) => {
      pinPrompter = prompter
    },
    accessibility,
    announcer,
    t,
    contentOrder: () => fallbackOrder(ui.value.language, config.language.contentFallback),
    async setLanguage(language) {
      await Language.set(language)
      saveLanguagePreference(platform, language)
      ui.update({ language })
    },
    reloadCatalogue: () => (firstLoad = loader.reload()),
    startCatalogue: () => (firstLoad ??= loader.reload()),
    canGrowRail: (railId) => loader.canGrow(railId),
    growRail: (railId) => loader.moreOf(railId),
    findTitle: (id) => loader.findTitle(id),
    liveChannels: () => loader.liveChannels(),
    recentSearches,
    analytics,
    search: async (query, signal) => {
      // One past the limit: the screen says when more titles match than it shows.
      const result = await loader.search(
        query,
        signal,
        SEARCH_LIMIT + 1,
        searchableBy(viewerOf(profiles.active), platform.wallClock(), config.catalogue.upcoming),
      )
      if (result.status !== 'ok') return result
      countNoResult(query, result.titles.length)
      const more = result.titles.length > SEARCH_LIMIT
      return more ? { ...result, titles: result.titles.slice(0, SEARCH_LIMIT), more } : result
    },
    prepareSearch: () => loader.prepareSearch(),
    guide: (channelIds, from, to, signal) => guide.guide(channelIds, from, to, signal),
  }
}

/**
 * Results a search shows: three screens of tiles, more than anyone scrolls through on a remote.
 * Each key asks again, and an HTTP answer is validated title by title: more would cost every key.
 */
export const SEARCH_LIMIT = 24

/** Per-profile stores switch to the new profile's data whenever the household changes profile. */
export function followActiveProfile(
  profiles: ProfileStore,
  stores: { useProfile(profileId: string): void }[],
): void {
  // Lives as long as the context, which lives as long as the app: nothing to release.
  profiles.store
    .select((state) => state.activeId)
    .subscribe((id) => stores.forEach((store) => store.useProfile(id)))
}
