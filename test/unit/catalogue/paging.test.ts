import type { CatalogueBackend, CatalogueLoad, ItemPage } from '../../../src/catalogue/backend'
import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import { fetchRemainingPages, hasMorePages } from '../../../src/catalogue/paging'
import type { Title } from '../../../src/catalogue/schema'
import { makeFilm } from './fixture'

const films = (prefix: string, n: number): Title[] =>
  Array.from({ length: n }, (_, i) => makeFilm(`${prefix}-${i}`))

/** A backend serving `list` as a flat title list in pages of `pageSize`; records what it was asked. */
function flatBackend(list: Title[], pageSize: number, failAt?: string) {
  const asked: string[] = []
  const page = (cursor: string): ItemPage => {
    const start = Number(cursor)
    const next = start + pageSize < list.length ? String(start + pageSize) : null
    return { titles: list.slice(start, start + pageSize), problems: [], next }
  }
  const backend: CatalogueBackend = {
    name: 'paged',
    load: () => Promise.reject(new Error('not used')),
    railPage: async (railId, cursor) => {
      asked.push(`${railId}@${cursor}`)
      return page(cursor)
    },
    titlesPage: async (cursor) => {
      asked.push(`titles@${cursor}`)
      if (failAt === cursor) {
        throw new CatalogueError({
          severity: 'critical',
          category: 'network',
          code: CatalogueErrorCode.HTTP_STATUS,
          backend: 'paged',
          message: 'titles answered 500',
        })
      }
      return page(cursor)
    },
    dispose: () => {},
  }
  const first: CatalogueLoad = {
    titles: list.slice(0, pageSize),
    problems: [],
    titlesNext: list.length > pageSize ? String(pageSize) : null,
  }
  return { backend, first, asked }
}

const signal = () => new AbortController().signal

describe('fetchRemainingPages (flat title lists)', () => {
  test('fetches the title list page by page, in order, until the last page', async () => {
    const { backend, first, asked } = flatBackend(films('t', 7), 3)
    expect(hasMorePages(first)).toBe(true)
    const complete = await fetchRemainingPages(backend, first, 20, signal())
    expect(complete.titles.map((t) => t.id)).toEqual(films('t', 7).map((t) => t.id))
    expect(complete.titlesNext).toBeNull()
    expect(asked).toEqual(['titles@3', 'titles@6'])
    expect(hasMorePages(complete)).toBe(false)
  })

  test('stops at maxPages (the first page counts) and keeps the cursor', async () => {
    const { backend, first, asked } = flatBackend(films('t', 20), 2)
    const complete = await fetchRemainingPages(backend, first, 3, signal())
    expect(complete.titles).toHaveLength(6)
    expect(complete.titlesNext).toBe('6')
    expect(asked).toEqual(['titles@2', 'titles@4'])
  })

  test('a failing page ends the list where it is, as a recoverable PAGE_FAILED problem', async () => {
    const { backend, first } = flatBackend(films('t', 9), 3, '6')
    const complete = await fetchRemainingPages(backend, first, 20, signal())
    expect(complete.titles).toHaveLength(6)
    expect(complete.problems).toEqual([
      expect.objectContaining({
        severity: 'recoverable',
        code: CatalogueErrorCode.PAGE_FAILED,
        itemId: 'titles',
        message: 'further page not loaded: titles answered 500',
      }),
    ])
  })

  test('an id sent twice is kept once', async () => {
    const list = films('t', 3)
    const { backend, first } = flatBackend([...list, list[0]!], 3)
    const complete = await fetchRemainingPages(backend, first, 20, signal())
    expect(complete.titles.map((t) => t.id)).toEqual(['t-0', 't-1', 't-2'])
  })

  test('rails of a layout are not fetched ahead: they grow as the household scrolls', async () => {
    const { backend, asked } = flatBackend(films('a', 9), 3)
    const first: CatalogueLoad = {
      titles: films('a', 3),
      problems: [],
      layout: [{ id: 'a', name: { en: 'A' }, itemIds: ['a-0', 'a-1', 'a-2'], next: '3' }],
    }
    expect(hasMorePages(first)).toBe(false)
    expect(await fetchRemainingPages(backend, first, 20, signal())).toBe(first)
    expect(asked).toEqual([])
  })

  test('an abort rejects with ABORTED instead of returning a partial catalogue', async () => {
    const { backend, first } = flatBackend(films('t', 9), 3)
    const controller = new AbortController()
    backend.titlesPage = async () => {
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

  test('a cursor that leads back to a page already read ends the list there, and says so', async () => {
    const { backend, first, asked } = flatBackend(films('t', 9), 3)
    const looping: CatalogueBackend = {
      ...backend,
      titlesPage: async (cursor, options) => {
        const page = await backend.titlesPage!(cursor, options)
        return { ...page, next: cursor === '6' ? '3' : page.next }
      },
    }
    const complete = await fetchRemainingPages(looping, first, 20, signal())
    expect(asked).toEqual(['titles@3', 'titles@6'])
    expect(complete.titles).toHaveLength(9)
    expect(complete.titlesNext).toBeNull()
    expect(complete.problems.map((problem) => problem.message)).toEqual([
      'page 6 leads to a page already read; the title list ends there',
    ])
  })

  test('a list longer than maxPages pages stops there, and says so', async () => {
    const { backend, first, asked } = flatBackend(films('t', 30), 3)
    const complete = await fetchRemainingPages(backend, first, 4, signal())
    expect(asked).toHaveLength(3)
    expect(complete.titles).toHaveLength(12)
    expect(complete.problems.map((problem) => problem.message)).toEqual([
      'the title list stops after 4 pages (catalogue.maxPages); it has more',
    ])
  })
})
