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
import { parseCatalogueDocument } from './parse'
import { resolveTitleUrls } from './urls'
import { LocalSearch } from '../search/LocalSearch'
import type { Title } from './schema'

export const EMBEDDED_CATALOGUE_PATH = 'catalogue/titles.json'
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
type EmbeddedBackend = Omit<CatalogueBackend, 'load' | 'liveChannels' | 'guide' | 'search'> & {
  load(options: LoadOptions): Promise<CatalogueLoad>
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

/** The default backend: the catalogue shipped in static/, works with no network. */
export const embeddedBackend = (host: BackendHost): EmbeddedBackend => {
  /** The titles of the last load, the whole catalogue: searched in memory. */
  let held: readonly Title[] = []
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
      const parsed = parseCatalogueDocument(await readJson(host, url, signal), 'embedded', url)
      parsed.problems.forEach((problem) =>
        host.log(`catalogue[embedded]: skipped ${problem.itemId} (${problem.message})`),
      )
      const titles = parsed.titles.map((title) => resolveTitleUrls(title, host.baseUrl))
      held = titles
      return { ...parsed, titles }
    },
    prepareSearch() {
      void local.prepare()
    },
    /** The index is built by prepareSearch or the first search, after home (see LocalSearch). */
    async search(query: string, { signal, limit }: SearchOptions): Promise<ItemPage> {
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
