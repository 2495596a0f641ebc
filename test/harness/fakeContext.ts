import { wallZone } from '../../src/i18n/wallZone'
import { FULL_PROFILE } from '../../src/performance/renderProfile'
import { createStorageHealth } from '../../src/platform/storageHealth'
import { initialGuideHealth, recordGuideEvent } from '../../src/guide/guideHealth'
import type {
  AppContext,
  CatalogueDiagnostics,
  CatalogueState,
  UiState,
} from '../../src/app/context'
import { Catalogue } from '../../src/catalogue/Catalogue'
import { parseCatalogueDocument } from '../../src/catalogue/parse'
import { defaultAppConfig } from '../../src/config/defaults'
import { fallbackOrder } from '../../src/i18n/localize'
import type { Platform } from '../../src/platform/platform'
import { followActiveProfile } from '../../src/app/createContext'
import { webcrypto } from 'node:crypto'
import { createEmbeddedEntitlements } from '../../src/entitlements/embedded'
import { EntitlementsStore } from '../../src/entitlements/store'
import { writeHoldings } from '../../src/entitlements/holdingsCache'
import { ParentalStore } from '../../src/parental/ParentalStore'
import type { PinCrypto } from '../../src/parental/pin'
import { MyListStore } from '../../src/state/MyListStore'
import { ProfileStore } from '../../src/state/ProfileStore'
import { ProgressStore } from '../../src/state/progress'
import { Store } from '../../src/state/Store'
import { GuideCache } from '../../src/app/guideCache'
import type { GuideSource } from '../../src/guide/contract'
import smallCatalogue from '../fixtures/catalogue-small.json'
import translations from '../../static/translations.json'
import type { CatalogueError } from '../../src/catalogue/errors'
import { genreNamesFrom } from '../../src/search/genreNames'
import { LocalSearch } from '../../src/search/LocalSearch'
import { searchableBy } from '../../src/search/offered'
import { RecentSearchesStore } from '../../src/search/recentSearches'
import { viewerOf } from '../../src/state/homeRails'
import { ConsentStore } from '../../src/consent/ConsentStore'
import { adTargeting } from '../../src/consent/adTargeting'
import { Analytics } from '../../src/analytics/Analytics'
import { PlaybackHub } from '../../src/player/playbackHub'
import { noCollector } from '../../src/analytics/none'
import { AccessibilityStore } from '../../src/accessibility/preferences'
import { Announcer } from '../../src/accessibility/Announcer'

/** Translation stand-in: the key, with values appended, so tests can see what was asked for. */
export const fakeTranslate = (key: string, values?: Record<string, string | number>): string =>
  values ? `${key}${JSON.stringify(values)}` : key

export function memoryPlatform(): Platform & { stored: Map<string, unknown> } {
  const stored = new Map<string, unknown>()
  return {
    stored,
    now: () => 0,
    wallClock: () => Date.UTC(2026, 11, 2, 12),
    fetch: () => Promise.reject(new Error('no network in unit tests')),
    userAgent: 'jest',
    storage: {
      get: (key) => stored.get(key) ?? null,
      set: (key, value) => void stored.set(key, value),
      remove: (key) => void stored.delete(key),
    },
    exit: () => ({ closed: false, reason: 'not-possible', detail: 'a test page closes nothing' }),
  }
}

export function fixtureCatalogue(): Catalogue {
  const parsed = parseCatalogueDocument(smallCatalogue, 'fixture', 'fixture.json')
  return new Catalogue(parsed.titles, parsed.problems)
}

/** A context over a given catalogue, with no SDK plugins behind it. */
export function fakeContext(
  catalogue: Catalogue = fixtureCatalogue(),
  /** Programme schedules (see fakeGuide.ts); by default channels have none. */
  guideSource?: GuideSource,
): AppContext {
  const ui = new Store<UiState>({ language: 'fr' })
  const state: CatalogueState = { status: 'ready', catalogue }
  const platform = memoryPlatform()
  let ids = 0
  const profiles = new ProfileStore(platform.storage, () => `profile-${++ids}`)
  const progress = new ProgressStore(platform.storage, () => platform.wallClock())
  const myList = new MyListStore(platform.storage)
  const recentSearches = new RecentSearchesStore(platform.storage)
  const consent = new ConsentStore(
    platform.storage,
    () => platform.wallClock(),
    defaultAppConfig().consent.version,
    (id) => profiles.profiles.some((profile) => profile.id === id && profile.kids),
  )
  followActiveProfile(profiles, [progress, myList, recentSearches, consent])
  const searcher = new LocalSearch({
    backend: 'fixture',
    titles: () => catalogue.titles,
    genreNames: async () => genreNamesFrom(translations),
  })
  const wallClock = () => platform.wallClock()
  const demoPasses = defaultAppConfig().entitlements.demoPasses
  // The household's rights are known from the start, as on a box that kept them from an earlier
  // run (the app refreshes them at boot, which no test does): titles show "Louer", "Inclus"...
  // Tests of rights not known yet give the context a store of their own (storeHarness.ts).
  writeHoldings(
    platform.storage,
    'embedded',
    { passes: demoPasses.map((passId) => ({ passId, activeUntil: null })), rentals: [] },
    wallClock(),
    wallClock(),
  )
  const entitlements = new EntitlementsStore({
    backend: createEmbeddedEntitlements({
      storage: platform.storage,
      wallClock,
      grantPass: demoPasses,
    }),
    storage: platform.storage,
    wallClock,
  })
  // As createContext wires them: each source call's outcome reaches the diagnostics' record.
  const guideHealth = new Store(initialGuideHealth('catalogue', ''))
  const guide = guideSource
    ? new GuideCache(
        () => guideSource,
        undefined,
        undefined,
        (outcome) =>
          guideHealth.update((health) => recordGuideEvent(health, { ...outcome, at: wallClock() })),
      )
    : undefined
  const parental = new ParentalStore({
    ...nodePinCrypto(),
    storage: platform.storage,
    wallClock,
    // Tests write times on the machine's clock (new Date(y, m, d, h)).
    zone: wallZone('box'),
    settings: defaultAppConfig().parental,
    // Hashing as on a box would make every test that sets a PIN slow; the format is the same.
    iterations: 1000,
  })
  const accessibility = new AccessibilityStore(platform.storage)
  return {
    zone: wallZone('box'),
    entitlements,
    parental,
    consent,
    accessibility,
    // Mute: tests of speech build an announcer with a recording speaker.
    announcer: new Announcer({
      speaker: { speak: () => undefined, cancel: () => undefined },
      enabled: () => false,
      language: () => ui.value.language,
      t: fakeTranslate,
    }),
    // Records nothing ('none' collector); analytics tests build their own with a fake collector.
    analytics: new Analytics({
      collector: noCollector(),
      consent,
      settings: defaultAppConfig().analytics,
      storage: platform.storage,
      wallClock,
      app: { version: 'test', platform: 'jest' },
      log: () => undefined,
    }),
    playback: new PlaybackHub(),
    // Hours in UTC, so tests do not depend on the machine's zone.
    adTargeting: () =>
      adTargeting({
        adsGranted: consent.granted('ads'),
        kids: profiles.active.kids,
        entries: Object.values(progress.store.value.entries),
        catalogue,
        hourOf: (ms) => new Date(ms).getUTCHours(),
      }),
    config: defaultAppConfig(),
    render: FULL_PROFILE,
    platform,
    device: {
      auth: null,
      fetch: platform.fetch,
      header: 'Authorization',
      notRecognised: (url: string) => `device.notRecognised ${url}`,
    },
    profiles,
    progress,
    myList,
    // Tests that need a PIN answer replace askPin; by default every prompt is abandoned.
    askPin: async () => false,
    changePin: async () => false,
    setPinPrompter: () => undefined,
    catalogue: new Store<{ state: CatalogueState }>({ state }),
    diagnostics: new Store<CatalogueDiagnostics>({
      backend: 'fixture',
      url: '',
      titles: catalogue.size,
      problems: [...catalogue.problems],
    }),
    storageHealth: createStorageHealth(),
    guideHealth,
    ui,
    t: fakeTranslate,
    contentOrder: () =>
      fallbackOrder(ui.value.language, defaultAppConfig().language.contentFallback),
    setLanguage: async (language) => ui.update({ language }),
    reloadCatalogue: async () => undefined,
    startCatalogue: async () => undefined,
    canGrowRail: () => false,
    growRail: async () => 0,
    findTitle: async (id) => {
      const title = catalogue.title(id) ?? catalogue.episode(id)?.series
      return title ? { status: 'found', title, id } : { status: 'missing' }
    },
    liveChannels: async () => ({ status: 'ok', channels: [] }),
    recentSearches,
    // The app's own in-memory search over the fixture; tests of failures replace it.
    search: async (query, signal) => {
      const accept = searchableBy(viewerOf(profiles.active), wallClock(), 'hide')
      try {
        return { status: 'ok', titles: await searcher.search(query, { signal, limit: 60, accept }) }
      } catch (error) {
        return { status: 'failed', problem: (error as CatalogueError).problem }
      }
    },
    prepareSearch: () => void searcher.prepare(),
    guide: (channelIds, from, to, signal) =>
      guide
        ? guide.guide(channelIds, from, to, signal)
        : Promise.resolve({ programmes: [], problems: [] }),
  }
}

/** Node's WebCrypto, as the browser's: jsdom has no crypto.subtle. */
export function nodePinCrypto(): PinCrypto {
  const crypto = webcrypto as unknown as Crypto
  return { subtle: crypto.subtle, random: (bytes) => crypto.getRandomValues(bytes) }
}
