import type { CatalogueBackend, CatalogueLoad } from './backend'
import { CatalogueError, CatalogueErrorCode, type CatalogueProblem } from './errors'
import type { Title } from './schema'

/**
 * Whether a load has a flat title list still to fetch. Rails of a backend layout are not fetched
 * ahead: they grow page by page as the household scrolls (railPager.ts).
 */
export function hasMorePages(load: CatalogueLoad): boolean {
  return !load.layout && Boolean(load.titlesNext)
}

/**
 * Fetches the further pages of a flat title list (a backend without a layout), up to `maxPages`
 * pages in all, and returns the completed load: the app derives its rails from every title, so it
 * needs them all before home can be right. A page that fails ends the list where it is (a
 * recoverable PAGE_FAILED problem); an abort rejects with ABORTED and returns nothing.
 */
export async function fetchRemainingPages(
  backend: CatalogueBackend,
  first: CatalogueLoad,
  maxPages: number,
  signal: AbortSignal,
): Promise<CatalogueLoad> {
  const titlesPage = backend.titlesPage?.bind(backend)
  if (first.layout || !titlesPage || !first.titlesNext) return first
  const byId = new Map<string, Title>(first.titles.map((title) => [title.id, title]))
  const problems: CatalogueProblem[] = [...first.problems]
  let cursor: string | null = first.titlesNext
  const asked = new Set<string>()
  const ended = (message: string) =>
    problems.push({
      severity: 'recoverable',
      category: 'item',
      code: CatalogueErrorCode.PAGE_FAILED,
      backend: backend.name,
      itemId: 'titles',
      message,
    })
  for (let pages = 1; cursor; pages++) {
    if (pages >= maxPages) {
      // Said, so that an operator whose list is longer knows why the rest never shows.
      ended(`the title list stops after ${maxPages} pages (catalogue.maxPages); it has more`)
      break
    }
    const asking: string = cursor
    try {
      asked.add(asking)
      const page = await titlesPage(asking, { signal })
      problems.push(...page.problems)
      page.titles.forEach((title) => byId.has(title.id) || byId.set(title.id, title))
      cursor = page.next
      // A cursor pointing back would be asked for again on every start, up to maxPages.
      if (cursor && asked.has(cursor)) {
        ended(`page ${asking} leads to a page already read; the title list ends there`)
        cursor = null
      }
    } catch (error) {
      if (signal.aborted) throw error
      const reason = error instanceof CatalogueError ? error.problem.message : String(error)
      problems.push({
        severity: 'recoverable',
        category: 'network',
        code: CatalogueErrorCode.PAGE_FAILED,
        backend: backend.name,
        itemId: 'titles',
        message: `further page not loaded: ${reason}`,
      })
      break
    }
  }
  return { ...first, titles: [...byId.values()], problems, titlesNext: cursor }
}
