import type { CatalogueLoad, ItemPage, RailLayout } from './backend'
import { CatalogueError, CatalogueErrorCode, notContractError, skippedItem } from './errors'
import {
  pageCursorSchema,
  pagedHomeSchema,
  railPageFile,
  railPageSchema,
  SEARCH_FILE,
  searchFileSchema,
  titleFile,
  type SearchRecord,
} from './pagedFiles'
import { parseTitles } from './parse'
import type { Title } from './schema'
import { resolveTitleUrls } from './urls'
import { SearchIndex, type GenreNames, type SearchFields } from '../search/SearchIndex'

/** What the paged catalogue may use: reading its own files, and no more of the app. */
export interface PagedHost {
  /** Reads a file of the catalogue folder (a path of pagedFiles.ts); rejects with a CatalogueError. */
  read(path: string, signal: AbortSignal): Promise<unknown>
  /** Relative artwork and stream URLs are relative to the app, as in a whole embedded catalogue. */
  baseUrl: string
  log: (message: string) => void
  genreNames?: () => Promise<GenreNames>
}

const BACKEND = 'embedded'
/** Titles read on their own (search results, deep links) kept for the next keystroke's answer. */
const KEPT_TITLES = 100

const railIdPattern = /^[a-z0-9-]+$/

const recordFields = (record: SearchRecord): SearchFields => record

/**
 * The embedded catalogue in its split form (pagedFiles.ts), behind the same paging contract as
 * the HTTP backend: home holds the first page of each rail, further pages are read as the
 * household scrolls (railPage), a title on no loaded rail is read on its own (item), and search
 * runs over the words of every title (search.json, read when the search screen opens) and reads
 * only the titles it shows. Nothing is read ahead at start, so memory follows what is browsed.
 * Every call rejects with a CatalogueError (ABORTED once its signal aborts) and keeps nothing of
 * an aborted read.
 */
export class PagedEmbedded {
  private index?: Promise<SearchIndex<SearchRecord>>
  private readonly kept = new Map<string, Title>()

  constructor(private readonly host: PagedHost) {}

  /** The home document (titles.json in split form) as a load: the layout and its first pages. */
  home(document: unknown, url: string): CatalogueLoad {
    const home = pagedHomeSchema.safeParse(document)
    if (!home.success) {
      throw notContractError(BACKEND, `${url} is not a paged catalogue`, home.error.issues[0])
    }
    const { rails, skipped, titles: total } = home.data.paged
    const problems = skipped.map((item) =>
      skippedItem(BACKEND, item.itemId, item.reason, item.message),
    )
    const byId = new Map<string, Title>()
    const layout: RailLayout[] = rails.map((rail) => {
      const page = this.titles(rail.items)
      problems.push(...page.problems)
      page.titles.forEach((title) => byId.has(title.id) || byId.set(title.id, title))
      return {
        id: rail.id,
        name: {},
        label: { key: rail.key, values: rail.values },
        itemIds: page.titles.map((title) => title.id),
        next: rail.next,
      }
    })
    this.host.log(
      `catalogue[${BACKEND}]: ${total} titles in pages; home holds ${byId.size} (${layout.length} rails)`,
    )
    return { titles: [...byId.values()], problems, layout }
  }

  async railPage(railId: string, cursor: string, signal: AbortSignal): Promise<ItemPage> {
    if (!railIdPattern.test(railId) || !pageCursorSchema.safeParse(cursor).success) {
      return { titles: [], problems: [], next: null }
    }
    const path = railPageFile(railId, Number(cursor))
    const page = railPageSchema.safeParse(await this.host.read(path, signal))
    if (!page.success) {
      throw notContractError(BACKEND, `${path} is not a page of a rail`, page.error.issues[0])
    }
    // Read together: the page is wanted now, the household is near the end of the rail.
    const titles = await Promise.all(page.data.ids.map((id) => this.read(id, signal)))
    return {
      titles: titles.filter((title): title is Title => title !== undefined),
      problems: [],
      next: page.data.next,
    }
  }

  /** One title by id; undefined when the catalogue has none (its file is missing). */
  async item(id: string, signal: AbortSignal): Promise<Title | undefined> {
    const known = this.kept.get(id)
    if (known) return known
    if (!railIdPattern.test(id) || id.length > 200) return undefined
    const title = await this.read(id, signal)
    if (title) this.keep(title)
    return title
  }

  /** A title's own file, validated; undefined when it is missing or not a valid title. */
  private async read(id: string, signal: AbortSignal): Promise<Title | undefined> {
    let document: unknown
    try {
      document = await this.host.read(titleFile(id), signal)
    } catch (error) {
      if (error instanceof CatalogueError && error.problem.status === 404) return undefined
      throw error
    }
    const title = this.titles([document]).titles[0]
    return title?.id === id ? title : undefined
  }

  /** Reads the search words now (the search screen opened); a failed read is tried again later. */
  prepareSearch(): Promise<SearchIndex<SearchRecord>> {
    const asked = (this.index ??= this.readIndex())
    asked.catch(() => {
      if (this.index === asked) this.index = undefined
    })
    return asked
  }

  /** The best `limit` titles for `query`, each read from its own file (the last ones are kept). */
  async search(query: string, signal: AbortSignal, limit: number): Promise<ItemPage> {
    const index = await this.prepareSearch()
    if (signal.aborted) throw aborted()
    const hits = index.search(query, { limit })
    const titles = await Promise.all(hits.map((hit) => this.item(hit.item.id, signal)))
    return {
      titles: titles.filter((title): title is Title => title !== undefined),
      problems: [],
      next: null,
    }
  }

  private async readIndex(): Promise<SearchIndex<SearchRecord>> {
    // Not the household's keystroke: the words are read once and kept, whatever aborts later.
    const signal = new AbortController().signal
    const [document, names] = await Promise.all([
      this.host.read(SEARCH_FILE, signal),
      (this.host.genreNames?.() ?? Promise.resolve({})).catch((): GenreNames => ({})),
    ])
    const parsed = searchFileSchema.safeParse(document)
    if (!parsed.success) {
      throw notContractError(BACKEND, `${SEARCH_FILE} is not a search file`, parsed.error.issues[0])
    }
    const index = new SearchIndex<SearchRecord>(names, recordFields)
    index.add(parsed.data.titles)
    return index
  }

  private titles(raw: readonly unknown[]): { titles: Title[]; problems: ItemPage['problems'] } {
    const parsed = parseTitles(raw, BACKEND)
    parsed.problems.forEach((problem) =>
      this.host.log(`catalogue[${BACKEND}]: skipped ${problem.itemId} (${problem.message})`),
    )
    return {
      titles: parsed.titles.map((title) => resolveTitleUrls(title, this.host.baseUrl)),
      problems: parsed.problems,
    }
  }

  private keep(title: Title): void {
    this.kept.delete(title.id)
    this.kept.set(title.id, title)
    if (this.kept.size > KEPT_TITLES) this.kept.delete(this.kept.keys().next().value!)
  }
}

const aborted = (): CatalogueError =>
  new CatalogueError({
    severity: 'critical',
    category: 'network',
    code: CatalogueErrorCode.ABORTED,
    backend: BACKEND,
    message: 'search aborted',
  })
