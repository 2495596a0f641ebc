import type { BackendHost, CatalogueBackend, CatalogueLoad, CatalogueSettings } from './backend'
import { isNotModified } from './backend'
import {
  forgetOtherCopies,
  loadFromLastGood,
  readLastGood,
  writeLastGood,
  type CacheStorage,
  type LastGood,
} from './cache'
import { Catalogue, type NotOffered, type RailNamer } from './Catalogue'
import { CatalogueError, CatalogueErrorCode, type CatalogueProblem } from './errors'
import { fetchRemainingPages, hasMorePages } from './paging'
import type { LiveChannel, ParsedChannels } from './live'
import { RailPager } from './railPager'
import { slug } from './tolerant'
import type { BackendRegistry } from './registry'
import type { Title } from './schema'
import { LocalSearch } from '../search/LocalSearch'
import type { GenreNames } from '../search/SearchIndex'

export interface LoaderSettings extends CatalogueSettings {
  /** Age after which the last good catalogue is no longer shown. */
  cacheMaxAgeHours: number
  /** With a last good catalogue, how long start waits for the backend before showing it. */
  cacheFallbackMs: number
  /** While showing the last good catalogue, first delay before trying the backend again. */
  offlineRetryMs: number
  /** Titles whose availability window has not opened: hidden (default) or shown with their date. */
  upcoming?: 'hide' | 'show'
}

export type LoaderState =
  | { status: 'loading' }
  | {
      status: 'ready'
      catalogue: Catalogue
      /** Where the catalogue on screen comes from: the backend now, or the device's last good copy. */
      source: 'network' | 'cache'
      /** Wall-clock ms of the last successful contact with the backend (cached catalogues). */
      cachedAt?: number
    }
  | { status: 'error'; problem: CatalogueProblem }

/**
 * What the loader notes for the operator's diagnostics page. Each call to `onRecord` carries the
 * fields that changed; the receiver merges them.
 */
export interface LoadRecord {
  /** Wall-clock ms when the catalogue on screen arrived. */
  loadedAt?: number
  source?: 'network' | 'cache'
  /** With source 'cache': wall-clock ms when that copy was fetched. */
  cachedAt?: number | undefined
  /** Valid titles in the catalogue on screen, offered now or not. */
  titles: number
  /** Distinct titles on the home rails now. */
  shown?: number
  /** Skipped items and other recoverable problems of the catalogue on screen, rail pages included. */
  problems: readonly CatalogueProblem[]
  /** Ids of titles held back because their availability window is over or not yet open. */
  notOffered?: NotOffered
  /** The last load that failed; kept after a later success, so its time tells how old it is. */
  lastError?: { code: number; message: string; at: number }
  /** The live channel list once read: the channels kept, and the ones skipped with why. */
  live?: { channels: number; problems: readonly CatalogueProblem[] }
}

export interface LoaderOptions {
  registry: BackendRegistry
  settings: LoaderSettings
  storage: CacheStorage
  fetch: typeof fetch
  asset(path: string): string
  baseUrl: string
  log: (message: string) => void
  /** Wall clock (ms since 1970): cache ages are dates, not performance.now(). */
  clock(): number
  onState(state: LoaderState): void
  /** Receives what the diagnostics page shows; optional so tests of loading alone can omit it. */
  onRecord?(change: Partial<LoadRecord>): void
  railName?: RailNamer
  /** Genre names in every UI language, for searching in memory (see BackendHost). */
  genreNames?: () => Promise<GenreNames>
}

const OFFLINE_RETRY_MAX_MS = 5 * 60_000
const MAX_TIMER_MS = 2 ** 31 - 1
/** A rail whose further page failed is not asked again sooner than this. */
const PAGE_RETRY_MS = 10_000

/** The backend's live channels, or why they could not be had. */
export type ChannelList =
  { status: 'ok'; channels: LiveChannel[] } | { status: 'failed'; problem: CatalogueProblem }

/** What a search found (best first), or why it could not be answered. */
export type SearchResult =
  /** `more`: set by the caller that asked one past its limit, to know whether others match. */
  | { status: 'ok'; titles: Title[]; more?: boolean }
  | { status: 'failed'; problem: CatalogueProblem }

/** What looking a title up by id found: it, nothing (the backend has no such id), or an outage. */
export type TitleLookup =
  /**
   * `id`: the app's id that matched, the title's or one of its episodes' (a deep link may write
   * the feed's own form of it, `MOV-001` for `mov-001`).
   */
  | { status: 'found'; title: Title; id: string }
  | { status: 'missing' }
  | { status: 'failed'; problem: CatalogueProblem }

/**
 * A title or an episode's series by the app's id, else by the slug of a feed's own id: feed
 * readers make ids lowercase slugs, and an operator's links and EPG write them as the CMS does.
 */
function knownTitle(catalogue: Catalogue, asked: string): TitleLookup | undefined {
  for (const id of idForms(asked)) {
    const title = catalogue.title(id) ?? catalogue.episode(id)?.series
    if (title) return { status: 'found', title, id }
  }
  return undefined
}

const idForms = (asked: string): string[] =>
  asked === slug(asked) ? [asked] : [asked, slug(asked)]

/** Which of a title's ids (its own, an episode's) a backend's answer to `asked` matched. */
function idIn(title: Title, asked: string): string {
  const episodes = title.kind === 'series' ? title.seasons.flatMap((s) => s.episodes) : []
  for (const id of idForms(asked)) {
    if (title.id === id || episodes.some((episode) => episode.id === id)) return id
  }
  return title.id
}

const problemOf = (error: unknown, backend: string): CatalogueProblem =>
  error instanceof CatalogueError
    ? error.problem
    : {
        severity: 'critical',
        category: 'network',
        code: CatalogueErrorCode.NETWORK,
        backend,
        message: String(error),
      }

/**
 * Start-up and refresh of the catalogue, around one backend: the network first; the last good
 * catalogue kept on the device when the backend is down or slower than `cacheFallbackMs` (with a
 * retry schedule that refreshes home when the backend returns); further pages in the background;
 * the device copy rewritten after each complete load. States go to `onState`, never half-made.
 */
export class CatalogueLoader {
  private controller?: AbortController
  private backend?: CatalogueBackend
  private retryTimer?: ReturnType<typeof setTimeout>
  /** Fires at the next availability window edge of the catalogue on screen. */
  private windowTimer?: ReturnType<typeof setTimeout>
  private background: Promise<void> = Promise.resolve()
  /** The catalogue last noted for diagnostics, to tell a new load from a re-emitted one. */
  private recorded?: Catalogue
  /** The catalogue on screen and the pager that grows its rails. */
  private shown?: { catalogue: Catalogue; pager: RailPager }
  /** Search in the catalogue on screen, for backends without their own; per catalogue. */
  private heldSearch?: { catalogue: Catalogue; search: LocalSearch }
  /** The live channel list of the current backend, asked once (a failure is asked again). */
  private channels?: Promise<ChannelList>
  /** Live channels that came with the catalogue on screen (CatalogueLoad.live). */
  private carriedLive?: ParsedChannels

  constructor(private readonly options: LoaderOptions) {}

  /**
   * Starts a load (aborting any earlier one). Resolves once something can be shown: a catalogue
   * (from the network or the device) or an error. Work that follows (pages, refresh) continues
   * in the background; `idle()` waits for it.
   */
  reload(): Promise<void> {
    this.stop()
    const controller = new AbortController()
    this.controller = controller
    const { settings, registry } = this.options
    const factory = registry.get(settings.backend)
    if (!factory) {
      const problem: CatalogueProblem = {
        severity: 'critical',
        category: 'config',
        code: CatalogueErrorCode.UNKNOWN_BACKEND,
        backend: settings.backend,
        message: `no catalogue backend "${settings.backend}" (known: ${registry.names().join(', ')})`,
      }
      this.recordError(problem)
      this.emit(controller, { status: 'error', problem })
      return Promise.resolve()
    }
    const host: BackendHost = {
      settings,
      fetch: this.options.fetch,
      asset: (path) => this.options.asset(path),
      baseUrl: this.options.baseUrl,
      log: this.options.log,
      ...(this.options.genreNames ? { genreNames: this.options.genreNames } : {}),
    }
    const backend = factory(host)
    this.backend = backend
    const cached = backend.keepsLastGood
      ? readLastGood(
          this.options.storage,
          settings.backend,
          settings.url,
          this.options.clock(),
          settings.cacheMaxAgeHours,
        )
      : undefined
    return this.start(backend, controller, cached)
  }

  /** Resolves when background work (further pages, cache writes) started so far is done. */
  idle(): Promise<void> {
    return this.background
  }

  /** Aborts whatever is under way and disposes the backend. */
  stop(): void {
    clearTimeout(this.retryTimer)
    clearTimeout(this.windowTimer)
    this.controller?.abort()
    this.controller = undefined
    this.backend?.dispose()
    this.backend = undefined
    this.shown = undefined
    this.channels = undefined
    this.carriedLive = undefined
  }

  /** The live channels of the configured backend (none when it has no liveChannels). */
  liveChannels(): Promise<ChannelList> {
    const backend = this.backend
    const signal = this.controller?.signal
    if (!backend || !signal) return Promise.resolve({ status: 'ok', channels: [] })
    const carried = this.carriedLive
    if (!carried && !backend.liveChannels) return Promise.resolve({ status: 'ok', channels: [] })
    const read = () => (carried ? Promise.resolve(carried) : backend.liveChannels!({ signal }))
    const asked = (this.channels ??= read().then(
      (parsed): ChannelList => {
        for (const problem of parsed.problems) {
          this.options.log(
            `catalogue[${backend.name}]: skipped live channel ${problem.itemId ?? '?'} (${problem.message})`,
          )
        }
        this.options.onRecord?.({
          live: { channels: parsed.channels.length, problems: parsed.problems },
        })
        return { status: 'ok', channels: parsed.channels }
      },
      (error: unknown): ChannelList => {
        const problem = problemOf(error, backend.name)
        this.options.log(
          `catalogue[${backend.name}]: ${problem.code} live channels: ${problem.message}`,
        )
        if (this.channels === asked) this.channels = undefined
        return { status: 'failed', problem }
      },
    ))
    return asked
  }

  /**
   * Titles matching `query`, best first, at most `limit`, from the backend's own search, else from
   * the catalogue on screen (feeds hold everything they have). `accept` leaves out what this
   * viewer may not see; a backend's answer is filtered after it arrives. Found titles join the
   * catalogue, so their details open without another request. Never rejects; an aborted search
   * resolves 'failed' with code ABORTED, which its caller has stopped listening for.
   */
  async search(
    query: string,
    signal: AbortSignal,
    limit: number,
    accept: (title: Title) => boolean = () => true,
  ): Promise<SearchResult> {
    const shown = this.shown
    const backend = this.backend
    if (!shown || !backend) return { status: 'ok', titles: [] }
    try {
      if (!backend.search) {
        const titles = await this.searchHeld(shown.catalogue).search(query, {
          signal,
          limit,
          accept,
        })
        return { status: 'ok', titles }
      }
      const page = await backend.search(query, { signal, limit })
      if (this.shown === shown) shown.catalogue.add(page.titles)
      return { status: 'ok', titles: page.titles.filter(accept) }
    } catch (error) {
      const problem = problemOf(error, backend.name)
      if (problem.code !== CatalogueErrorCode.ABORTED)
        this.options.log(`catalogue[${backend.name}]: ${problem.code} search: ${problem.message}`)
      return { status: 'failed', problem }
    }
  }

  /** Builds the search index ahead of the first query (the search screen opened). */
  prepareSearch(): void {
    const shown = this.shown
    if (this.backend?.search) this.backend.prepareSearch?.()
    else if (shown) void this.searchHeld(shown.catalogue).prepare()
  }

  private searchHeld(catalogue: Catalogue): LocalSearch {
    if (this.heldSearch?.catalogue !== catalogue) {
      this.heldSearch = {
        catalogue,
        search: new LocalSearch({
          backend: this.backend?.name ?? this.options.settings.backend,
          titles: () => catalogue.titles,
          ...(this.options.genreNames ? { genreNames: this.options.genreNames } : {}),
        }),
      }
    }
    return this.heldSearch.search
  }

  /** Whether the rail on screen has a further page to load now. */
  canGrow(railId: string): boolean {
    return this.shown?.pager.canGrow(railId) ?? false
  }

  /**
   * Loads the next page of a rail of the catalogue on screen; the catalogue announces the new
   * items (Catalogue.railGrew). Resolves with how many items the rail gained; never rejects.
   */
  moreOf(railId: string): Promise<number> {
    const shown = this.shown
    if (!shown) return Promise.resolve(0)
    // A page brings new skipped items, or fails: either way the diagnostics page should know.
    return shown.pager.more(railId).then((added) => {
      if (this.shown === shown) this.recordCatalogue(shown.catalogue)
      return added
    })
  }

  /**
   * A title (or the series of an episode) by id: from the catalogue on screen, else from the
   * backend's item() (a deep link or a saved position for a title on no loaded rail), which is
   * then kept in the catalogue. Never rejects.
   */
  async findTitle(id: string): Promise<TitleLookup> {
    const shown = this.shown
    const known = shown && knownTitle(shown.catalogue, id)
    if (known) return known
    const backend = this.backend
    const signal = this.controller?.signal
    if (!shown || !backend?.item || !signal) return { status: 'missing' }
    try {
      const title = await backend.item(id, { signal })
      if (!title) return { status: 'missing' }
      if (this.shown === shown) shown.catalogue.add([title])
      return { status: 'found', title, id: idIn(title, id) }
    } catch (error) {
      const problem = problemOf(error, backend.name)
      this.options.log(
        `catalogue[${backend.name}]: ${problem.code} title ${id}: ${problem.message}`,
      )
      return { status: 'failed', problem }
    }
  }

  private async start(
    backend: CatalogueBackend,
    controller: AbortController,
    cached: LastGood | undefined,
  ): Promise<void> {
    const { signal } = controller
    const network = backend.load({
      signal,
      ...(cached?.revision ? { revision: cached.revision } : {}),
    })
    let shownCache = false
    const showCache = () => {
      if (shownCache || !cached || signal.aborted) return
      shownCache = true
      this.emitCatalogue(controller, loadFromLastGood(cached), 'cache', cached.savedAt)
    }
    let fallback: ReturnType<typeof setTimeout> | undefined
    const settled = network.then(
      (result) => ({ ok: true as const, result }),
      (error: unknown) => ({ ok: false as const, error }),
    )
    const first = cached
      ? Promise.race([
          settled,
          new Promise<'timeout'>((resolve) => {
            fallback = setTimeout(() => resolve('timeout'), this.options.settings.cacheFallbackMs)
          }),
        ])
      : settled
    const early = await first
    clearTimeout(fallback)
    if (early === 'timeout') {
      showCache()
      this.background = settled.then((outcome) =>
        this.finish(backend, controller, cached, outcome, 0),
      )
      return
    }
    await this.finish(backend, controller, cached, early, 0, showCache)
  }

  private async finish(
    backend: CatalogueBackend,
    controller: AbortController,
    cached: LastGood | undefined,
    outcome:
      | { ok: true; result: Awaited<ReturnType<CatalogueBackend['load']>> }
      | { ok: false; error: unknown },
    failures: number,
    showCache?: () => void,
  ): Promise<void> {
    const { signal } = controller
    if (signal.aborted) return
    if (!outcome.ok) {
      const problem = problemOf(outcome.error, backend.name)
      this.options.log(`catalogue[${backend.name}]: ${problem.code} ${problem.message}`)
      this.recordError(problem)
      if (cached) {
        showCache?.()
        this.scheduleRetry(backend, controller, cached, failures)
      } else {
        this.emit(controller, { status: 'error', problem })
      }
      return
    }
    const { result } = outcome
    if (isNotModified(result)) {
      if (!cached) return
      const load = loadFromLastGood(cached)
      const now = this.options.clock()
      this.emitCatalogue(controller, load, 'network')
      this.save(backend, { ...load, revision: { ...cached.revision, ...result.revision } }, now)
      return
    }
    // An export in which nothing can be shown (every item skipped, or none) is a broken feed, not
    // an empty shop: the titles the box holds stay on screen, and the broken copy is never kept.
    if (!result.titles.length && !hasMorePages(result) && cached?.titles.length) {
      const skipped = result.problems.filter((problem) => problem.category === 'item').length
      const error = new CatalogueError({
        severity: 'critical',
        category: 'format',
        code: CatalogueErrorCode.NOT_CONTRACT,
        backend: backend.name,
        message: `the catalogue sent has no title to show (${skipped} item(s) skipped); the last good one stays`,
      })
      return this.finish(backend, controller, cached, { ok: false, error }, failures, showCache)
    }
    this.emitCatalogue(controller, result, 'network')
    if (hasMorePages(result)) {
      const pages = fetchRemainingPages(
        backend,
        result,
        this.options.settings.maxPages ?? 20,
        signal,
      ).then(
        (complete) => {
          if (signal.aborted) return
          this.emitCatalogue(controller, complete, 'network')
          this.save(backend, complete, this.options.clock())
        },
        () => undefined,
      )
      this.background = this.background.then(() => pages)
    } else {
      this.save(backend, result, this.options.clock())
    }
  }

  private scheduleRetry(
    backend: CatalogueBackend,
    controller: AbortController,
    cached: LastGood,
    failures: number,
  ): void {
    const delay = Math.min(
      OFFLINE_RETRY_MAX_MS,
      this.options.settings.offlineRetryMs * 2 ** failures,
    )
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => {
      if (controller.signal.aborted) return
      const attempt = backend
        .load({
          signal: controller.signal,
          ...(cached.revision ? { revision: cached.revision } : {}),
        })
        .then(
          (result) => ({ ok: true as const, result }),
          (error: unknown) => ({ ok: false as const, error }),
        )
        .then((outcome) => this.finish(backend, controller, cached, outcome, failures + 1))
      this.background = this.background.then(() => attempt)
    }, delay)
  }

  private save(backend: CatalogueBackend, load: CatalogueLoad, savedAt: number): void {
    if (!backend.keepsLastGood) return
    const { settings, storage } = this.options
    try {
      writeLastGood(storage, settings.backend, settings.url, load, savedAt)
      forgetOtherCopies(storage, settings.backend, settings.url)
    } catch (error) {
      this.options.log(
        `catalogue[${backend.name}]: ${CatalogueErrorCode.CACHE_WRITE_FAILED} last good catalogue not kept on the device: ${String(error)}`,
      )
    }
  }

  private emitCatalogue(
    controller: AbortController,
    load: CatalogueLoad,
    source: 'network' | 'cache',
    cachedAt?: number,
  ): void {
    const catalogue = new Catalogue(load.titles, load.problems, {
      ...(load.layout ? { layout: load.layout } : {}),
      ...(this.options.railName ? { railName: this.options.railName } : {}),
      now: () => this.options.clock(),
      upcoming: this.options.settings.upcoming ?? 'hide',
    })
    if (load.live && !controller.signal.aborted) {
      // A newer catalogue brings its own channels: the next ask reads them.
      this.carriedLive = load.live
      this.channels = undefined
    }
    if (!controller.signal.aborted && this.backend) {
      const pager = new RailPager({
        backend: this.backend,
        catalogue,
        maxPages: this.options.settings.maxPages ?? 20,
        signal: controller.signal,
        retryAfterMs: PAGE_RETRY_MS,
        clock: () => this.options.clock(),
        log: (message) => this.options.log(message),
      })
      this.shown = { catalogue, pager }
    }
    const state: LoaderState = {
      status: 'ready',
      catalogue,
      source,
      ...(cachedAt !== undefined ? { cachedAt } : {}),
    }
    this.emit(controller, state)
    this.watchWindows(controller, catalogue, state)
  }

  /**
   * Availability windows open and close while the app runs: at the next edge the catalogue
   * re-filters its rails and, when something changed, the same state is emitted again so screens
   * redraw (an expired title leaves home at the moment it expires).
   */
  private watchWindows(controller: AbortController, catalogue: Catalogue, state: LoaderState) {
    clearTimeout(this.windowTimer)
    const next = catalogue.nextAvailabilityChange()
    if (next === undefined || controller.signal.aborted) return
    // setTimeout keeps at most ~24.8 days; a later edge is checked again then.
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next - this.options.clock()) + 50)
    this.windowTimer = setTimeout(() => {
      if (controller.signal.aborted || this.shown?.catalogue !== catalogue) return
      if (catalogue.refresh()) this.emit(controller, { ...state })
      this.watchWindows(controller, catalogue, state)
    }, delay)
  }

  private emit(controller: AbortController, state: LoaderState): void {
    if (controller.signal.aborted) return
    if (state.status === 'ready') {
      // The same catalogue again (an availability window moved) is no new load: keep its time.
      const arrived = state.catalogue !== this.recorded
      this.recorded = state.catalogue
      this.recordCatalogue(
        state.catalogue,
        arrived
          ? { loadedAt: this.options.clock(), source: state.source, cachedAt: state.cachedAt }
          : {},
      )
    }
    this.options.onState(state)
  }

  private recordCatalogue(catalogue: Catalogue, load: Partial<LoadRecord> = {}): void {
    const shown = new Set(catalogue.rails.flatMap((rail) => rail.items.map((title) => title.id)))
    // Copies: the catalogue's lists grow in place as pages arrive, and a store compares by reference.
    this.options.onRecord?.({
      ...load,
      titles: catalogue.size,
      shown: shown.size,
      problems: [...catalogue.problems],
      notOffered: {
        expired: [...catalogue.notOffered.expired],
        upcoming: [...catalogue.notOffered.upcoming],
      },
    })
  }

  private recordError(problem: CatalogueProblem): void {
    this.options.onRecord?.({
      lastError: { code: problem.code, message: problem.message, at: this.options.clock() },
    })
  }
}
