import type { GuideLoad } from '../guide/contract'
import type { Zoneless } from '../guide/zone'
import type { CatalogueProblem } from './errors'
import type { ParsedChannels } from './live'
import type { GenreNames } from '../search/SearchIndex'
import type { LocalizedText, Title } from './schema'

/**
 * A catalogue backend, created by a factory from the registry (see registry.ts and
 * app/registerBackends.ts). The contract, call by call:
 *
 * - **factory(host)**: builds the backend from its settings. No I/O, never throws for a bad URL
 *   (the first call reports it as an error value instead).
 * - **load({ signal, revision })**: the home catalogue: every title the backend wants on home, and
 *   optionally its own layout (rails with ids, localized names, item ids and a paging cursor).
 *   Without a layout the app derives its rails from the titles (rails.ts). When `revision` is
 *   given (from the last good catalogue kept on the device) and the backend knows nothing changed
 *   (HTTP 304), it resolves `{ notModified: true }` and the app keeps what it has.
 * - **railPage(railId, cursor, { signal })**: the next page of a rail of the layout. The app asks
 *   for it when the household gets near the end of what the rail holds (never ahead for every
 *   rail), up to `appSettings.catalogue.maxPages` pages per rail.
 * - **titlesPage(cursor, { signal })**: the next page of the flat title list when there is no
 *   layout. The app fetches these in the background after the first page (its derived rails need
 *   every title), up to `maxPages` pages: a large catalogue should come with a layout.
 * - **item(id, { signal })**: one title with its details, for a title on no loaded rail (a deep
 *   link, a saved position). Resolves undefined when the backend has no such id. Optional.
 * - **seasons(seriesId, { signal })**: a series' seasons and episodes when items are sent without
 *   them. Optional.
 * - **liveChannels({ signal })**: the operator's live channels in channel-number order (live.ts),
 *   malformed ones skipped and listed in `problems`; no channels is an empty list. Optional.
 * - **guide(channelIds, from, to, { signal, zoneless })**: the programmes of those channels that
 *   meet the window [from, to) (wall-clock ms), sorted by channel then start; malformed programmes
 *   skipped and listed in `problems`; times sent without a zone read as `zoneless` says. A backend without a guide leaves it out (the app then says so).
 *   Optional; src/guide/sources.ts turns it into a GuideSource.
 * - **search(query, { signal, limit })**: titles matching what the household typed, best first, at
 *   most `limit` (`next` is always null: a search answer is one page). The app filters what it may
 *   show (availability windows, a kids profile's age) and keeps the titles so their details open
 *   without another request. Aborted as soon as the household types on (every key may start a
 *   new search). Optional: a backend without it is searched in the catalogue the app holds, which
 *   is right for backends that load everything (a Direct Publisher or MRSS feed), and survives a
 *   304 that leaves such a backend itself holding nothing.
 * - **prepareSearch()**: builds what search needs (an index in memory) now, because the search
 *   screen opened and the first letter is coming. Never called before home is drawn. Optional.
 * - **dispose()**: releases timers and pending requests; the backend is not used afterwards.
 *
 * Cancellation: every call takes an AbortSignal. When it is aborted (the user navigated away, a
 * newer load started, the app stops) the call rejects with a CatalogueError of code ABORTED soon
 * after, and leaves no partial state behind (nothing is stored, nothing is half-updated).
 *
 * Errors are data: a call rejects only with a CatalogueError (errors.ts: severity, category, a
 * numeric code, a message, the backend and the offending item when there is one). Malformed items
 * are not errors: they are skipped, and listed in `problems` of an otherwise successful result.
 * Every item a backend returns has passed the schemas of schema.ts (parse.ts: parseTitles).
 */
export interface CatalogueBackend {
  readonly name: string
  /**
   * Whether the app keeps the last good catalogue of this backend on the device for outages.
   * The embedded backend does not need it (its files ship with the app).
   */
  readonly keepsLastGood?: boolean
  load(options: LoadOptions): Promise<CatalogueLoad | NotModified>
  railPage?(railId: string, cursor: string, options: CallOptions): Promise<ItemPage>
  titlesPage?(cursor: string, options: CallOptions): Promise<ItemPage>
  item?(id: string, options: CallOptions): Promise<Title | undefined>
  seasons?(seriesId: string, options: CallOptions): Promise<Title | undefined>
  search?(query: string, options: SearchOptions): Promise<ItemPage>
  prepareSearch?(): void
  liveChannels?(options: CallOptions): Promise<ParsedChannels>
  guide?(
    channelIds: readonly string[],
    from: number,
    to: number,
    options: GuideCallOptions,
  ): Promise<GuideLoad>
  dispose(): void
}

export interface CallOptions {
  signal: AbortSignal
}

export interface GuideCallOptions extends CallOptions {
  /** appSettings.guide.zoneless: how programme times written without a zone are read. */
  zoneless?: Zoneless
}

export interface SearchOptions extends CallOptions {
  /** The most titles wanted. */
  limit: number
}

export interface LoadOptions extends CallOptions {
  /** The revision of the catalogue the app already has (from the device cache), if any. */
  revision?: Revision
}

/** What identifies a version of a backend's catalogue: HTTP validators. */
export interface Revision {
  etag?: string
  lastModified?: string
}

/** A rail of the backend's own home layout. */
export interface RailLayout {
  id: string
  /** The rail's name in the languages the backend has. */
  name: LocalizedText
  /**
   * Instead of `name`: the app's own translation key and values, for rails that are the app's own
   * (the embedded catalogue's pages carry the rails it derives, named as it names them).
   */
  label?: { key: string; values: Record<string, string> }
  /** Titles in display order; ids of `titles` in the same load. */
  itemIds: string[]
  /** Cursor of the next page, or null when the rail is complete. */
  next: string | null
}

export interface CatalogueLoad {
  titles: Title[]
  /** Items skipped (and other recoverable problems), each with its reason. */
  problems: CatalogueProblem[]
  /** The backend's home layout; absent: the app derives rails from the titles. */
  layout?: RailLayout[]
  /** Without a layout: cursor of the next page of titles (null or absent: complete). */
  titlesNext?: string | null
  /** Validators of this version, kept with the last good catalogue for revalidation. */
  revision?: Revision
  /**
   * The live channels of a feed that lists them in the same document (Direct Publisher's
   * `liveFeeds`): kept with the catalogue, so a start on the kept copy (the feed answered 304)
   * has them without fetching the whole feed again.
   */
  live?: ParsedChannels
}

export interface NotModified {
  notModified: true
  revision?: Revision
}

export interface ItemPage {
  titles: Title[]
  problems: CatalogueProblem[]
  next: string | null
}

/** What a factory gets: only what a backend may use, never the app. */
export interface BackendHost {
  /** The backend's settings from `appSettings.catalogue`. */
  settings: CatalogueSettings
  fetch: typeof fetch
  /** Resolves a path relative to the app's static folder (for embedded files). */
  asset(path: string): string
  /** The app's own URL: relative URLs in the embedded catalogue are relative to it. */
  baseUrl: string
  log: (message: string) => void
  /**
   * Genre names in every UI language (from the app's translations), for a backend that searches
   * in memory; resolves {} when they cannot be read. Optional: tests may leave it out.
   */
  genreNames?: () => Promise<GenreNames>
}

export interface CatalogueSettings {
  backend: string
  url: string
  /** The boxes' country (ISO 3166-1 alpha-2), for feeds that restrict items by country. */
  country?: string
  /** Per request, in ms; a request that takes longer is aborted and retried. */
  timeoutMs?: number
  /** Extra attempts after a failed request (network error, timeout, 5xx, 429). */
  retries?: number
  /** Pages fetched per rail (the first one included). */
  maxPages?: number
}

export type BackendFactory = (host: BackendHost) => CatalogueBackend

export const isNotModified = (result: CatalogueLoad | NotModified): result is NotModified =>
  'notModified' in result && result.notModified
