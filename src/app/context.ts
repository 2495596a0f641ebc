import type { RenderProfile } from '../performance/renderProfile'
import type { StorageHealth } from '../platform/storageHealth'
import type { Catalogue } from '../catalogue/Catalogue'
import type { CatalogueProblem } from '../catalogue/errors'
import type { ChannelList, LoadRecord, SearchResult, TitleLookup } from '../catalogue/loader'
import type { Translate } from '../catalogue/offers'
import type { AppConfig } from '../config/defaults'
import type { Platform } from '../platform/platform'
import type { DeviceAccess } from '../device/deviceAccess'
import type { MyListStore } from '../state/MyListStore'
import type { ProfileStore } from '../state/ProfileStore'
import type { ProgressStore } from '../state/progress'
import type { Store } from '../state/Store'
import type { PinDialogPrompt } from '../components/PinDialog/pinDialogModel'
import type { EntitlementsStore } from '../entitlements/store'
import type { ParentalStore } from '../parental/ParentalStore'
import type { RecentSearchesStore } from '../search/recentSearches'
import type { GuideLoad } from '../guide/contract'
import type { GuideHealth } from '../guide/guideHealth'
import type { ConsentStore } from '../consent/ConsentStore'
import type { AdTargeting } from '../consent/adTargeting'
import type { Analytics } from '../analytics/Analytics'
import type { PlaybackHub } from '../player/playbackHub'
import type { AccessibilityStore } from '../accessibility/preferences'
import type { Announcer } from '../accessibility/Announcer'
import type { WallZone } from '../i18n/wallZone'

export type CatalogueState =
  | { status: 'loading' }
  | {
      status: 'ready'
      catalogue: Catalogue
      /** 'cache': the backend is unreachable and home shows the last good catalogue. */
      source?: 'network' | 'cache'
      /** With source 'cache': wall-clock ms when that catalogue was last fetched. */
      cachedAt?: number
    }
  | { status: 'error'; problem: CatalogueProblem }

/** What the operator's diagnostics page shows: the configured backend and what its loads gave. */
export interface CatalogueDiagnostics extends LoadRecord {
  backend: string
  url: string
}

/** Which PIN a prompt asks for: Belgian operators keep the purchase PIN apart from the parental one. */
export type PinKind = 'parental' | 'purchase'

/** What the prompt says: worded by the PIN dialog's model, or a screen's own title and message. */
export type PinPrompt = PinDialogPrompt

/**
 * Shows a PIN prompt over the current screen; true once the right PIN was entered ('ask'), or
 * once the PIN was replaced ('change': the current one first, then the new one twice).
 */
export type PinPrompter = (
  kind: PinKind,
  prompt: PinPrompt,
  mode?: 'ask' | 'change',
) => Promise<boolean>

export interface UiState {
  language: string
}

/**
 * What screens receive from the app: configuration, the platform seam, stores and translation.
 * Handed to each screen by its route, never imported as a global.
 */
export interface AppContext {
  config: AppConfig
  /** How much this box draws: lite mode on weak boxes (src/performance), fixed at start. */
  render: RenderProfile
  /** The wall clock the household reads times in (appSettings.clock.zone), fixed at start. */
  zone: WallZone
  platform: Platform
  /** The box's token towards the operator's services (src/device), and the fetch that sends it. */
  device: DeviceAccess
  catalogue: Store<{ state: CatalogueState }>
  /** Recorded by the catalogue loader for the diagnostics page; the household never sees it. */
  diagnostics: Store<CatalogueDiagnostics>
  /** Whether the box's storage keeps what the app saves (a full quota loses changes). */
  storageHealth: Store<StorageHealth>
  /** How the guide source's fetches went, for the same page. */
  guideHealth: Store<GuideHealth>
  ui: Store<UiState>
  /** The household's profiles and the one watching; the stores below follow it. */
  profiles: ProfileStore
  /** Resume points of the profile watching. */
  progress: ProgressStore
  /** "Ma liste" of the profile watching. */
  myList: MyListStore
  /** The household's passes and rentals, and purchases. */
  entitlements: EntitlementsStore
  /** The parental and purchase PINs, their lockouts and this session's unlocked titles. */
  parental: ParentalStore
  /** The consent (GDPR) of the profile watching: what may be collected, for which purpose. */
  consent: ConsentStore
  /**
   * What an ad request may carry about the profile watching, read at each request: audience
   * segment ids computed on the box, only with consent to personalised advertising, never for
   * a kids profile ({ personalised: false, segments: [] } otherwise).
   */
  adTargeting(): AdTargeting
  /**
   * Usage and playback-quality events for the operator's collector: `record` keeps only what
   * the profile watching consented to, and nothing at all with the 'none' collector.
   */
  analytics: Analytics
  /**
   * The player's one event stream (src/player/playbackEvents.ts: intents, element, Shaka, tick,
   * ad breaks), published by the player screen while it plays; collectors subscribe to
   * `playback.events$`.
   */
  playback: PlaybackHub
  /** This box's accessibility choices: speech, high contrast, subtitle style. */
  accessibility: AccessibilityStore
  /**
   * Says what gets focus when speech is on (the root component hands it each focus path);
   * `say` speaks a confirmation. Silent and costless when speech is off.
   */
  announcer: Announcer
  t: Translate
  /**
   * Asks the household for a PIN (leaving a kids profile, renting, a locked title). Resolves
   * false when the prompt is abandoned (Back) or no prompter is installed yet. `unlocks`: the
   * title a parental PIN typed on the way (a first purchase PIN is chosen after it) unlocks, so
   * a -16 rental does not ask the same PIN again when it starts.
   */
  askPin(kind: PinKind, prompt: PinPrompt, unlocks?: string): Promise<boolean>
  /** Replaces a PIN from Settings: the current one is needed (the reset path is the operator's). */
  changePin(kind: PinKind): Promise<boolean>
  /** The root component installs the prompt it draws; screens only call askPin and changePin. */
  setPinPrompter(prompter: PinPrompter | null): void
  /** Language order for catalogue text: the UI language, then the configured fallbacks. */
  contentOrder(): string[]
  setLanguage(language: string): Promise<void>
  /** Loads (or reloads) the catalogue from the configured backend. */
  reloadCatalogue(): Promise<void>
  /**
   * The first load: src/index.ts starts it right after the SDK's launch, beside the SDK's own
   * start-up requests (translations, fonts), instead of after them; later calls get that load.
   */
  startCatalogue(): Promise<void>
  /** Whether a rail of the catalogue on screen has a further page to load. */
  canGrowRail(railId: string): boolean
  /** Loads a rail's next page; the catalogue's railGrew announces the new items. */
  growRail(railId: string): Promise<number>
  /** A title or an episode's series by id, from the catalogue or else the backend. */
  findTitle(id: string): Promise<TitleLookup>
  /** The operator's live channels, in channel-number order. */
  liveChannels(): Promise<ChannelList>
  /** The recent searches of the profile watching. */
  recentSearches: RecentSearchesStore
  /**
   * Titles matching `query`, best first, whichever backend answers: only what the profile watching
   * may see now (availability windows, a kids profile's age). Never rejects; aborting `signal`
   * stops the work and its request.
   */
  search(query: string, signal: AbortSignal): Promise<SearchResult>
  /** Prepares search (its index) before the first query, off home's critical path. */
  prepareSearch(): void
  /**
   * Programmes of these channels overlapping [from, to) (wall-clock ms), sorted by channel then
   * start; kept per channel and day, so asking again costs nothing. Rejects with an AbortError
   * once `signal` aborts.
   */
  guide(
    channelIds: readonly string[],
    from: number,
    to: number,
    signal: AbortSignal,
  ): Promise<GuideLoad>
}

export function readyCatalogue(context: AppContext): Catalogue | undefined {
  const { state } = context.catalogue.value
  return state.status === 'ready' ? state.catalogue : undefined
}
