import type {
  BackendHost,
  CallOptions,
  CatalogueBackend,
  CatalogueLoad,
  ItemPage,
  LoadOptions,
  SearchOptions,
} from './backend'
import type { GuideLoad } from '../guide/contract'
import { expandSchedule, scheduleTemplateSchema, type ScheduleTemplate } from '../guide/schedule'
import { CatalogueError, CatalogueErrorCode, notContractError } from './errors'
import { parseLiveChannels, type ParsedChannels } from './live'
import { PagedEmbedded } from './pagedEmbedded'
import { isPagedDocument } from './pagedFiles'
import { parseCatalogueDocument } from './parse'
import { resolveTitleUrls } from './urls'
import { LocalSearch } from '../search/LocalSearch'
import type { Title } from './schema'

export const EMBEDDED_CATALOGUE_PATH = 'catalogue/titles.json'
/** The folder of the catalogue's files; a large catalogue's pages are in it (pagedFiles.ts). */
export const EMBEDDED_CATALOGUE_DIR = 'catalogue/'
export const EMBEDDED_LIVE_PATH = 'catalogue/live.json'
/** The weekly schedule the embedded guide expands (src/guide/schedule.ts). */
export const EMBEDDED_SCHEDULE_PATH = 'guide/schedule.json'

const abortedError = (): CatalogueError =>
  new CatalogueError({
    severity: 'critical',
    category: 'network',
    code: CatalogueErrorCode.ABORTED,
    backend: 'embedded',
    message: 'catalogue load aborted',
  })

/** A backend whose load always has a full catalogue (it never answers "not modified"). */
type EmbeddedBackend = Omit<
  CatalogueBackend,
  'load' | 'liveChannels' | 'guide' | 'search' | 'railPage' | 'item' | 'prepareSearch'
> & {
  prepareSearch(): void
  load(options: LoadOptions): Promise<CatalogueLoad>
  railPage(railId: string, cursor: string, options: CallOptions): Promise<ItemPage>
  item(id: string, options: CallOptions): Promise<Title | undefined>
  liveChannels(options: CallOptions): Promise<ParsedChannels>
  search(query: string, options: SearchOptions): Promise<ItemPage>
  guide(
    channelIds: readonly string[],
    from: number,
    to: number,
    options: CallOptions,
  ): Promise<GuideLoad>
}

/** Reads one JSON file shipped with the app; every failure is a critical CatalogueError. */
async function readJson(host: BackendHost, url: string, signal: AbortSignal): Promise<unknown> {
  let response: Response
  try {
    response = await host.fetch(url, { signal })
  } catch (error) {
    const aborted = signal.aborted
    throw new CatalogueError({
      severity: 'critical',
      category: 'network',
      code: aborted ? CatalogueErrorCode.ABORTED : CatalogueErrorCode.NETWORK,
      backend: 'embedded',
      message: aborted ? 'catalogue load aborted' : `cannot read ${url}: ${String(error)}`,
    })
  }
  if (!response.ok) {
    throw new CatalogueError({
      severity: 'critical',
      category: 'network',
      code: CatalogueErrorCode.HTTP_STATUS,
      backend: 'embedded',
      message: `${url} answered ${response.status}`,
      status: response.status,
    })
  }
  let document: unknown
  try {
    document = await response.json()
  } catch {
    // An abort while the body is read makes json() reject too: that is not a format error.
    if (signal.aborted) throw abortedError()
    throw new CatalogueError({
      severity: 'critical',
      category: 'format',
      code: CatalogueErrorCode.NOT_JSON,
      backend: 'embedded',
      message: `${url} is not JSON`,
    })
  }
  if (signal.aborted) throw abortedError()
  return document
}

/**
 * The default backend: the catalogue shipped in static/, works with no network. A small catalogue
 * is one file, parsed whole and searched in memory. A large one is split into pages at build time
 * (splitCatalogue.ts): its titles.json then holds only home's first pages, and the rest is read
 * as the household browses, searches or follows a link (pagedEmbedded.ts), as over HTTP.
 */
export const embeddedBackend = (host: BackendHost): EmbeddedBackend => {
  /** The titles of the last load, the whole catalogue: searched in memory. */
  let held: readonly Title[] = []
  /** Set when the last load found the split form. */
  let paged: PagedEmbedded | undefined
  const local = new LocalSearch({
    backend: 'embedded',
    titles: () => held,
    ...(host.genreNames ? { genreNames: host.genreNames } : {}),
  })
  // The template is a few kilobytes read once; each guide call only expands it.
  let schedule: Promise<ScheduleTemplate> | undefined
  const readSchedule = (signal: AbortSignal): Promise<ScheduleTemplate> => {
    const url = host.asset(EMBEDDED_SCHEDULE_PATH)
    const asked = (schedule ??= readJson(host, url, signal).then((document) => {
      const parsed = scheduleTemplateSchema.safeParse(document)
      if (!parsed.success) {
        throw notContractError('embedded', `${url} is not a schedule`, parsed.error.issues[0])
      }
      return parsed.data
    }))
    // A failed or aborted read is not kept: the next call tries again.
    asked.catch(() => {
      if (schedule === asked) schedule = undefined
    })
    return asked
  }
  return {
    name: 'embedded',
    keepsLastGood: false,
    async load({ signal }: LoadOptions): Promise<CatalogueLoad> {
      const url = host.asset(EMBEDDED_CATALOGUE_PATH)
      const document = await readJson(host, url, signal)
      if (isPagedDocument(document)) {
        const pages = new PagedEmbedded({
          read: (path, readSignal) =>
            readJson(host, host.asset(`${EMBEDDED_CATALOGUE_DIR}${path}`), readSignal),
          baseUrl: host.baseUrl,
          log: host.log,
          ...(host.genreNames ? { genreNames: host.genreNames } : {}),
        })
        const load = pages.home(document, url)
        paged = pages
        held = []
        return load
      }
      paged = undefined
      const parsed = parseCatalogueDocument(document, 'embedded', url)
      parsed.problems.forEach((problem) =>
        host.log(`catalogue[embedded]: skipped ${problem.itemId} (${problem.message})`),
      )
      const titles = parsed.titles.map((title) => resolveTitleUrls(title, host.baseUrl))
      held = titles
      return { ...parsed, titles }
    },
    async railPage(railId: string, cursor: string, { signal }: CallOptions): Promise<ItemPage> {
      // A whole catalogue's rails are complete: nothing asks for a further page of them.
      if (!paged) return { titles: [], problems: [], next: null }
      return paged.railPage(railId, cursor, signal)
    },
    /** A title on no loaded rail (a deep link); a whole catalogue already holds every title. */
    async item(id: string, { signal }: CallOptions): Promise<Title | undefined> {
      return paged ? paged.item(id, signal) : held.find((title) => title.id === id)
    },
    prepareSearch() {
      // A failure is reported by the search that follows, which reads the file again.
      if (paged) paged.prepareSearch().catch(() => undefined)
      else void local.prepare()
    },
    /** The index is built by prepareSearch or the first search, after home (see LocalSearch). */
    async search(query: string, { signal, limit }: SearchOptions): Promise<ItemPage> {
      if (paged) return paged.search(query, signal, limit)
      return { titles: await local.search(query, { signal, limit }), problems: [], next: null }
    },
    async liveChannels({ signal }: CallOptions): Promise<ParsedChannels> {
      const url = host.asset(EMBEDDED_LIVE_PATH)
      let document: unknown
      try {
        document = await readJson(host, url, signal)
      } catch (error) {
        // A build without live.json simply has no live channels.
        if (error instanceof CatalogueError && error.problem.status === 404) {
          return { channels: [], problems: [] }
        }
        throw error
      }
      const parsed = parseLiveChannels(document, 'embedded', url, host.baseUrl)
      parsed.problems.forEach((problem) =>
        host.log(
          `catalogue[embedded]: skipped live channel ${problem.itemId} (${problem.message})`,
        ),
      )
      return parsed
    },
    async guide(channelIds, from, to, { signal }): Promise<GuideLoad> {
      const template = await readSchedule(signal)
      if (signal.aborted) throw abortedError()
      return { programmes: expandSchedule(template, channelIds, from, to), problems: [] }
    },
    dispose() {},
  }
}
