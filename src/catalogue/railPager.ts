import type { CatalogueBackend } from './backend'
import type { Catalogue } from './Catalogue'
import { CatalogueError, CatalogueErrorCode } from './errors'

export interface RailPagerOptions {
  backend: CatalogueBackend
  catalogue: Catalogue
  /** Pages a rail may hold in all, the first included: bounds memory however long a rail is. */
  maxPages: number
  signal: AbortSignal
  /** After a page failed, the same rail is not asked again for this long. */
  retryAfterMs: number
  clock: () => number
  log: (message: string) => void
}

/**
 * Loads the further pages of a backend's rails when the household gets near their end, instead of
 * all of them at start: memory and start time then follow what is browsed, not the size of the
 * catalogue. One request per rail at a time; a failed page leaves the rail as it is (a
 * recoverable PAGE_FAILED problem) and is tried again on a later move after `retryAfterMs`.
 */
export class RailPager {
  private readonly inFlight = new Map<string, Promise<number>>()
  private readonly failedAt = new Map<string, number>()
  /** The cursors each rail was asked with: one coming back means the backend's paging loops. */
  private readonly asked = new Map<string, Set<string>>()

  constructor(private readonly options: RailPagerOptions) {}

  /** Whether `more(railId)` could bring anything now. */
  canGrow(railId: string): boolean {
    const { catalogue, backend, maxPages, signal } = this.options
    const rail = catalogue.rail(railId)
    if (!rail?.next || !backend.railPage || signal.aborted) return false
    return (rail.pages ?? 1) < maxPages
  }

  /** Fetches the next page of a rail; resolves with how many items the rail gained (never rejects). */
  more(railId: string): Promise<number> {
    const pending = this.inFlight.get(railId)
    if (pending) return pending
    if (!this.canGrow(railId)) return Promise.resolve(0)
    const failed = this.failedAt.get(railId)
    if (failed !== undefined && this.options.clock() - failed < this.options.retryAfterMs) {
      return Promise.resolve(0)
    }
    const request = this.fetch(railId).finally(() => this.inFlight.delete(railId))
    this.inFlight.set(railId, request)
    return request
  }

  private async fetch(railId: string): Promise<number> {
    const { backend, catalogue, signal } = this.options
    const cursor = catalogue.rail(railId)!.next!
    try {
      const page = await backend.railPage!(railId, cursor, { signal })
      if (signal.aborted) return 0
      this.failedAt.delete(railId)
      catalogue.problems.push(...page.problems)
      const asked = this.asked.get(railId) ?? new Set<string>()
      asked.add(cursor)
      this.asked.set(railId, asked)
      const added = catalogue.appendPage(railId, page)
      // A cursor pointing back, or pages that bring nothing new, would be asked for on every move.
      if (page.next && (asked.has(page.next) || added === 0)) {
        catalogue.endRail(railId)
        this.options.log(
          `catalogue[${backend.name}]: rail ${railId}: page ${cursor} leads to ${asked.has(page.next) ? 'a page already read' : 'nothing new'}; the rail ends there`,
        )
      }
      return added
    } catch (error) {
      if (signal.aborted) return 0
      this.failedAt.set(railId, this.options.clock())
      const reason = error instanceof CatalogueError ? error.problem.message : String(error)
      catalogue.problems.push({
        severity: 'recoverable',
        category: 'network',
        code: CatalogueErrorCode.PAGE_FAILED,
        backend: backend.name,
        itemId: railId,
        message: `further page not loaded: ${reason}`,
      })
      this.options.log(
        `catalogue[${backend.name}]: ${CatalogueErrorCode.PAGE_FAILED} rail ${railId}: ${reason}`,
      )
      return 0
    }
  }
}
