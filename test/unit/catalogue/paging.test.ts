import type { CatalogueBackend, CatalogueLoad, ItemPage } from '../../../src/catalogue/backend'
import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import { fetchRemainingPages, hasMorePages } from '../../../src/catalogue/paging'
import type { Title } from '../../../src/catalogue/schema'
import { makeFilm } from './fixture'

const films = (prefix: string, n: number): Title[] =>
  Array.from({ length: n }, (_, i) => makeFilm(`${prefix}-${i}`))

/** A backend whose rails are lists of `pageSize` pages; records the pages asked for. */
function pagedBackend(rails: Record<string, Title[]>, pageSize: number, failAt?: string) {
  const asked: string[] = []
  const page = (list: Title[], cursor: string): ItemPage => {
    const start = Number(cursor)
    const next = start + pageSize < list.length ? String(start + pageSize) : null
    return { titles: list.slice(start, start + pageSize), problems: [], next }
  }
  const backend: CatalogueBackend = {
    name: 'paged',
    load: () => Promise.reject(new Error('not used')),
    railPage: async (railId, cursor) => {
      asked.push(`${railId}@${cursor}`)
      if (failAt === `${railId}@${cursor}`) {
        throw new CatalogueError({
          severity: 'critical',
          category: 'network',
          code: CatalogueErrorCode.HTTP_STATUS,
          backend: 'paged',
          message: 'rails/x answered 500',
        })
      }
      return page(rails[railId]!, cursor)
    },
    titlesPage: async (cursor) => {
      asked.push(`titles@${cursor}`)
      return page(rails.titles!, cursor)
    },
    dispose: () => {},
  }
  const first: CatalogueLoad = {
    titles: Object.values(rails).flatMap((list) => list.slice(0, pageSize)),
    problems: [],
    layout: Object.entries(rails).map(([id, list]) => ({
      id,
      name: { en: id },
      itemIds: list.slice(0, pageSize).map((t) => t.id),
      next: list.length > pageSize ? String(pageSize) : null,
    })),
  }
  return { backend, first, asked }
}

const signal = () => new AbortController().signal

describe('fetchRemainingPages', () => {
  test('fills every rail page by page, in order, until the last page', async () => {
    const { backend, first, asked } = pagedBackend({ a: films('a', 7), b: films('b', 2) }, 3)
    expect(hasMorePages(first)).toBe(true)
    const complete = await fetchRemainingPages(backend, first, 20, signal())
    expect(complete.layout?.[0]?.itemIds).toEqual(films('a', 7).map((t) => t.id))
    expect(complete.layout?.[0]?.next).toBeNull()
    expect(complete.layout?.[1]?.itemIds).toEqual(['b-0', 'b-1'])
    expect(complete.titles).toHaveLength(9)
    expect(asked).toEqual(['a@3', 'a@6'])
    expect(hasMorePages(complete)).toBe(false)
  })

  test('stops at maxPages per rail (the first page counts) and keeps the cursor', async () => {
    const { backend, first, asked } = pagedBackend({ a: films('a', 20) }, 2)
    const complete = await fetchRemainingPages(backend, first, 3, signal())
    expect(complete.layout?.[0]?.itemIds).toHaveLength(6)
    expect(complete.layout?.[0]?.next).toBe('6')
    expect(asked).toEqual(['a@2', 'a@4'])
  })

  test('a failing page ends its rail where it is, as a recoverable PAGE_FAILED problem', async () => {
    const { backend, first } = pagedBackend({ a: films('a', 9), b: films('b', 6) }, 3, 'a@6')
    const complete = await fetchRemainingPages(backend, first, 20, signal())
    expect(complete.layout?.[0]?.itemIds).toHaveLength(6)
    expect(complete.layout?.[1]?.itemIds).toHaveLength(6)
    expect(complete.problems).toEqual([
      expect.objectContaining({
        severity: 'recoverable',
        code: CatalogueErrorCode.PAGE_FAILED,
        itemId: 'a',
        message: 'further page not loaded: rails/x answered 500',
      }),
    ])
  })

  test('an id sent twice in a rail is shown once', async () => {
    const list = films('a', 3)
    const { backend, first } = pagedBackend({ a: [...list, list[0]!] }, 3)
    const complete = await fetchRemainingPages(backend, first, 20, signal())
    expect(complete.layout?.[0]?.itemIds).toEqual(['a-0', 'a-1', 'a-2'])
  })

  test('without a layout, pages the title list', async () => {
    const { backend } = pagedBackend({ titles: films('t', 5) }, 2)
    const first: CatalogueLoad = { titles: films('t', 2), problems: [], titlesNext: '2' }
    const complete = await fetchRemainingPages(backend, first, 20, signal())
    expect(complete.titles.map((t) => t.id)).toEqual(['t-0', 't-1', 't-2', 't-3', 't-4'])
    expect(complete.titlesNext).toBeNull()
  })

  test('an abort rejects with ABORTED instead of returning a partial catalogue', async () => {
    const { backend, first } = pagedBackend({ a: films('a', 9) }, 3)
    const controller = new AbortController()
    backend.railPage = async () => {
      controller.abort()
      throw new CatalogueError({
        severity: 'critical',
        category: 'network',
        code: CatalogueErrorCode.ABORTED,
        backend: 'paged',
        message: 'aborted',
      })
    }
    await expect(fetchRemainingPages(backend, first, 20, controller.signal)).rejects.toBeInstanceOf(
      CatalogueError,
    )
  })
})
