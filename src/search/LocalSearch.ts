import { CatalogueError, CatalogueErrorCode } from '../catalogue/errors'
import type { Title } from '../catalogue/schema'
import { SearchIndex, titleFields, type GenreNames } from './SearchIndex'

export interface LocalSearchOptions {
  /** Who answers, for the ABORTED error. */
  backend: string
  /** The titles held now; the list may grow between searches (rail pages, deep links). */
  titles: () => readonly Title[]
  /** Genre names in every language; without it genres match by id and the feed's own labels. */
  genreNames?: () => Promise<GenreNames>
}

export interface LocalQuery {
  signal: AbortSignal
  limit: number
  accept?: (title: Title) => boolean
}

/**
 * Search over titles held in memory (the embedded catalogue, a feed, the catalogue on screen). The
 * index is built once, at the first search or `prepare()`, never during start-up: home does not
 * pay for a feature the household may not use. Later titles are added to it, never rebuilt.
 */
export class LocalSearch {
  private building?: Promise<SearchIndex<Title>>

  constructor(private readonly options: LocalSearchOptions) {}

  /** Builds the index now (the search screen opens before the first key is typed). */
  prepare(): Promise<SearchIndex<Title>> {
    this.building ??= (this.options.genreNames?.() ?? Promise.resolve({}))
      // Genre names are a nicety: without them the rest of search still works.
      .catch((): GenreNames => ({}))
      .then((names) => {
        const index = new SearchIndex(names, titleFields)
        index.add(this.options.titles())
        return index
      })
    return this.building
  }

  /** Rejects with an ABORTED CatalogueError once `signal` is aborted; nothing is kept from it. */
  async search(query: string, { signal, limit, accept }: LocalQuery): Promise<Title[]> {
    const index = await this.prepare()
    if (signal.aborted) {
      throw new CatalogueError({
        severity: 'critical',
        category: 'network',
        code: CatalogueErrorCode.ABORTED,
        backend: this.options.backend,
        message: 'search aborted',
      })
    }
    const titles = this.options.titles()
    if (titles.length !== index.size) index.add(titles)
    return index.search(query, { limit, ...(accept ? { accept } : {}) }).map((hit) => hit.item)
  }
}
