import type { CatalogueBackend, CatalogueLoad, ItemPage, RailLayout } from './backend'
import { CatalogueError, CatalogueErrorCode, type CatalogueProblem } from './errors'
import type { Title } from './schema'

/** Whether a load has pages still to fetch. */
export function hasMorePages(load: CatalogueLoad): boolean {
  return Boolean(load.titlesNext) || Boolean(load.layout?.some((rail) => rail.next))
}

/**
 * Fetches the further pages of every rail (or of the title list) after the first one, up to
 * `maxPages` pages per rail in all, and returns the completed load. Rails are filled one page at
 * a time, rails side by side. A page that fails ends its rail where it is (a recoverable
 * PAGE_FAILED problem); an abort rejects with ABORTED and returns nothing.
 */
export async function fetchRemainingPages(
  backend: CatalogueBackend,
  first: CatalogueLoad,
  maxPages: number,
  signal: AbortSignal,
): Promise<CatalogueLoad> {
  const byId = new Map<string, Title>(first.titles.map((title) => [title.id, title]))
  const problems: CatalogueProblem[] = [...first.problems]
  const add = (page: ItemPage): string[] => {
    problems.push(...page.problems)
    return page.titles.map((title) => {
      if (!byId.has(title.id)) byId.set(title.id, title)
      return title.id
    })
  }
  const failed = (id: string, error: unknown): void => {
    if (signal.aborted) throw error
    const reason = error instanceof CatalogueError ? error.problem.message : String(error)
    problems.push({
      severity: 'recoverable',
      category: 'network',
      code: CatalogueErrorCode.PAGE_FAILED,
      backend: backend.name,
      itemId: id,
      message: `further page not loaded: ${reason}`,
    })
  }

  const fill = async (
    id: string,
    next: string | null | undefined,
    fetchPage: (cursor: string) => Promise<ItemPage>,
  ): Promise<{ ids: string[]; next: string | null }> => {
    const ids: string[] = []
    let cursor = next ?? null
    for (let pages = 1; cursor && pages < maxPages; pages++) {
      try {
        const page = await fetchPage(cursor)
        ids.push(...add(page))
        cursor = page.next
      } catch (error) {
        failed(id, error)
        break
      }
    }
    return { ids, next: cursor }
  }

  if (first.layout) {
    const railPage = backend.railPage?.bind(backend)
    const layout = await Promise.all(
      first.layout.map(async (rail): Promise<RailLayout> => {
        if (!rail.next || !railPage) return rail
        const more = await fill(rail.id, rail.next, (cursor) =>
          railPage(rail.id, cursor, { signal }),
        )
        const seen = new Set(rail.itemIds)
        const added = more.ids.filter((id) => !seen.has(id) && Boolean(seen.add(id)))
        return { ...rail, itemIds: [...rail.itemIds, ...added], next: more.next }
      }),
    )
    return { ...first, titles: [...byId.values()], problems, layout }
  }
  const titlesPage = backend.titlesPage?.bind(backend)
  if (!titlesPage || !first.titlesNext) return first
  const more = await fill('titles', first.titlesNext, (cursor) => titlesPage(cursor, { signal }))
  return { ...first, titles: [...byId.values()], problems, titlesNext: more.next }
}
