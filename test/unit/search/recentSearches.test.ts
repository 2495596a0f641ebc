import {
  forgetSearch,
  RECENT_SEARCHES_MAX,
  RecentSearchesStore,
  rememberSearch,
} from '../../../src/search/recentSearches'
import { memoryPlatform } from '../../harness/fakeContext'

describe('rememberSearch', () => {
  it('puts the latest first and keeps each query once, whatever its accents or case', () => {
    let list: string[] = []
    for (const query of ['rosetta', 'geants', 'Rosetta ', 'géants'])
      list = rememberSearch(list, query)
    expect(list).toEqual(['géants', 'Rosetta'])
  })

  it(`keeps the ${RECENT_SEARCHES_MAX} most recent`, () => {
    let list: string[] = []
    for (let i = 1; i <= 12; i++) list = rememberSearch(list, `q${i}`)
    expect(list).toHaveLength(RECENT_SEARCHES_MAX)
    expect(list[0]).toBe('q12')
    expect(list.at(-1)).toBe('q3')
  })

  it('ignores blank queries', () => {
    expect(rememberSearch(['a'], '  ')).toEqual(['a'])
  })

  it('removes one query', () => {
    expect(forgetSearch(['a', 'b', 'c'], 'b')).toEqual(['a', 'c'])
  })
})

describe('RecentSearchesStore', () => {
  it('keeps each profile its own list, on the box', () => {
    const platform = memoryPlatform()
    const store = new RecentSearchesStore(platform.storage)
    store.useProfile('anna')
    store.remember('rosetta')
    store.remember('dardenne')
    store.useProfile('tom')
    expect(store.queries).toEqual([])
    store.remember('bullhead')
    store.useProfile('anna')
    expect(store.queries).toEqual(['dardenne', 'rosetta'])
    const again = new RecentSearchesStore(platform.storage)
    again.useProfile('tom')
    expect(again.queries).toEqual(['bullhead'])
    expect(platform.stored.get('profile:anna:searches')).toEqual(['dardenne', 'rosetta'])
  })

  it('forgets a query for good', () => {
    const platform = memoryPlatform()
    const store = new RecentSearchesStore(platform.storage)
    store.useProfile('anna')
    store.remember('a')
    store.remember('b')
    store.forget('a')
    expect(store.queries).toEqual(['b'])
    const again = new RecentSearchesStore(platform.storage)
    again.useProfile('anna')
    expect(again.queries).toEqual(['b'])
  })

  it('reads what a damaged store holds without failing', () => {
    const platform = memoryPlatform()
    platform.storage.set('profile:anna:searches', ['ok', 3, '', null, 'x'.repeat(500)])
    const store = new RecentSearchesStore(platform.storage)
    store.useProfile('anna')
    expect(store.queries).toEqual(['ok'])
  })
})
