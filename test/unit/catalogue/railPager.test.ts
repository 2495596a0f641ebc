import type { CatalogueBackend, ItemPage } from '../../../src/catalogue/backend'
import { Catalogue } from '../../../src/catalogue/Catalogue'
import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import { RailPager } from '../../../src/catalogue/railPager'
import type { RailSpec } from '../../../src/catalogue/rails'
import type { Title } from '../../../src/catalogue/schema'
import { makeFilm } from './fixture'

const films = (prefix: string, n: number): Title[] =>
  Array.from({ length: n }, (_, i) => makeFilm(`${prefix}-${i}`))

/**
 * Rails served in pages of `pageSize` by a fake backend; `fail` makes the next requests fail.
 * Requests resolve only when `flush()` is awaited, so tests can look at what is in flight.
 */
function setup(
  rails: Record<string, Title[]>,
  pageSize: number,
  maxPages = 20,
  answer?: (cursor: string) => ItemPage,
) {
  const asked: string[] = []
  let fail = 0
  let now = 0
  const logs: string[] = []
  const backend: CatalogueBackend = {
    name: 'paged',
    load: () => Promise.reject(new Error('not used')),
    railPage: async (railId, cursor): Promise<ItemPage> => {
      asked.push(`${railId}@${cursor}`)
      if (fail > 0) {
        fail--
        throw new CatalogueError({
          severity: 'critical',
          category: 'network',
          code: CatalogueErrorCode.TIMEOUT,
          backend: 'paged',
          message: 'no answer within 8000 ms',
        })
      }
      if (answer) return answer(cursor)
      const list = rails[railId]!
      const start = Number(cursor)
      const next = start + pageSize < list.length ? String(start + pageSize) : null
      return { titles: list.slice(start, start + pageSize), problems: [], next }
    },
    dispose: () => {},
  }
  const catalogue = new Catalogue(
    Object.values(rails).flatMap((list) => list.slice(0, pageSize)),
    [],
    {
      layout: Object.entries(rails).map(([id, list]) => ({
        id,
        name: { en: id },
        itemIds: list.slice(0, pageSize).map((t) => t.id),
        next: list.length > pageSize ? String(pageSize) : null,
      })),
    },
  )
  const controller = new AbortController()
  const pager = new RailPager({
    backend,
    catalogue,
    maxPages,
    signal: controller.signal,
    retryAfterMs: 10_000,
    clock: () => now,
    log: (message) => logs.push(message),
  })
  const ids = (railId: string) => catalogue.rail(railId)!.items.map((t) => t.id)
  return {
    pager,
    catalogue,
    asked,
    logs,
    controller,
    ids,
    failNext: (n: number) => (fail = n),
    setNow: (t: number) => (now = t),
  }
}

describe('RailPager', () => {
  test('at start only the first page of each rail is there; more() brings the next one of that rail', async () => {
    const { pager, asked, ids, catalogue } = setup({ a: films('a', 7), b: films('b', 7) }, 3)
    expect(ids('a')).toEqual(['a-0', 'a-1', 'a-2'])
    const grown: string[] = []
    catalogue.railGrew.subscribe((rail: RailSpec) => grown.push(rail.id))
    expect(await pager.more('a')).toBe(3)
    expect(ids('a')).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-4', 'a-5'])
    expect(ids('b')).toHaveLength(3)
    expect(asked).toEqual(['a@3'])
    expect(grown).toEqual(['a'])
    expect(catalogue.title('a-5')?.id).toBe('a-5')
  })

  test('a complete rail asks nothing more', async () => {
    const { pager, asked } = setup({ a: films('a', 5) }, 3)
    expect(await pager.more('a')).toBe(2)
    expect(pager.canGrow('a')).toBe(false)
    expect(await pager.more('a')).toBe(0)
    expect(asked).toEqual(['a@3'])
  })

  test('one request per rail at a time: a second call while one is in flight shares it', async () => {
    const { pager, asked } = setup({ a: films('a', 9) }, 3)
    const [first, second] = [pager.more('a'), pager.more('a')]
    expect(await first).toBe(3)
    expect(await second).toBe(3)
    expect(asked).toEqual(['a@3'])
  })

  test('stops at maxPages per rail (the first page counts), whatever the rail length', async () => {
    const { pager, ids } = setup({ a: films('a', 100) }, 3, 3)
    await pager.more('a')
    await pager.more('a')
    expect(pager.canGrow('a')).toBe(false)
    expect(await pager.more('a')).toBe(0)
    expect(ids('a')).toHaveLength(9)
  })

  test('a failed page leaves the rail as it is, is reported, and is tried again only after a pause', async () => {
    const { pager, ids, catalogue, logs, failNext, setNow, asked } = setup({ a: films('a', 9) }, 3)
    failNext(1)
    expect(await pager.more('a')).toBe(0)
    expect(ids('a')).toHaveLength(3)
    expect(catalogue.problems).toEqual([
      expect.objectContaining({
        severity: 'recoverable',
        code: CatalogueErrorCode.PAGE_FAILED,
        itemId: 'a',
        message: 'further page not loaded: no answer within 8000 ms',
      }),
    ])
    expect(logs.join('\n')).toMatch(/1008 rail a/)
    setNow(5_000)
    expect(await pager.more('a')).toBe(0)
    expect(asked).toEqual(['a@3'])
    setNow(10_000)
    expect(await pager.more('a')).toBe(3)
    expect(ids('a')).toHaveLength(6)
  })

  test('an id the rail already has is not shown twice', async () => {
    const list = films('a', 3)
    const { pager, ids } = setup({ a: [...list, list[1]!, makeFilm('a-9')] }, 3)
    expect(await pager.more('a')).toBe(1)
    expect(ids('a')).toEqual(['a-0', 'a-1', 'a-2', 'a-9'])
  })

  test('after an abort (a reload, the app stopping) nothing is asked and nothing changes', async () => {
    const { pager, ids, controller, asked } = setup({ a: films('a', 9) }, 3)
    const pending = pager.more('a')
    controller.abort()
    expect(await pending).toBe(0)
    expect(ids('a')).toHaveLength(3)
    expect(await pager.more('a')).toBe(0)
    expect(asked).toEqual(['a@3'])
  })

  test('a backend whose cursor comes back (or whose pages bring nothing new) ends the rail there', async () => {
    const list = films('a', 6)
    const pages: Record<string, ItemPage> = {
      '3': { titles: list.slice(3, 5), problems: [], next: '5' },
      // Page 5 points back to page 3: its items are new, but the rail must stop after it.
      '5': { titles: list.slice(5), problems: [], next: '3' },
    }
    const { pager, catalogue, asked, logs, ids } = setup({ a: list }, 3, 20, (c) => pages[c]!)
    expect(await pager.more('a')).toBe(2)
    expect(await pager.more('a')).toBe(1)
    expect(ids('a')).toHaveLength(6)
    expect(catalogue.rail('a')!.next).toBeNull()
    expect(await pager.more('a')).toBe(0)
    expect(asked).toEqual(['a@3', 'a@5'])
    expect(logs.join('\n')).toMatch(/rail a: page 5 leads to a page already read/)

    // The same cursor every time: the second answer adds nothing and ends the rail.
    const again = setup({ b: films('b', 9) }, 3, 20, () => ({
      titles: films('b', 9).slice(3, 6),
      problems: [],
      next: 'x',
    }))
    expect(await again.pager.more('b')).toBe(3)
    expect(await again.pager.more('b')).toBe(0)
    expect(await again.pager.more('b')).toBe(0)
    expect(again.asked).toEqual(['b@3', 'b@x'])
  })
})
