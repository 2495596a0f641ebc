import {
  CACHE_FORMAT,
  CACHE_MAX_TITLES,
  trimForDevice,
  cacheKey,
  forgetOtherCopies,
  freshness,
  loadFromLastGood,
  readLastGood,
  writeLastGood,
  type CacheStorage,
} from '../../../src/catalogue/cache'
import { fixtureTitles } from './fixture'

const HOUR = 3_600_000
const URL_A = 'http://cms/api/'

function jsonStorage(): CacheStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    get: (key) => (data.has(key) ? (JSON.parse(data.get(key)!) as unknown) : null),
    set: (key, value) => void data.set(key, JSON.stringify(value)),
    remove: (key) => void data.delete(key),
  }
}

const load = () => ({
  titles: fixtureTitles(),
  problems: [],
  layout: [{ id: 'new', name: { fr: 'Nouveau' }, itemIds: ['rosetta'], next: null }],
  revision: { etag: '"v1"' },
})

describe('last good catalogue cache', () => {
  test('freshness: fresh up to the maximum age, expired after, a future date is a clock jump', () => {
    expect(freshness(0, 24 * HOUR, 24)).toBe('fresh')
    expect(freshness(0, 24 * HOUR + 1, 24)).toBe('expired')
    expect(freshness(10 * HOUR, 0, 24)).toBe('future')
    expect(freshness(60_000, 0, 24)).toBe('fresh')
  })

  test('a written catalogue reads back whole, with its age and revision, through JSON', () => {
    const storage = jsonStorage()
    writeLastGood(storage, 'http', URL_A, load(), 1000)
    const entry = readLastGood(storage, 'http', URL_A, 1000 + HOUR, 24)
    expect(entry).toMatchObject({
      format: CACHE_FORMAT,
      savedAt: 1000,
      revision: { etag: '"v1"' },
      layout: load().layout,
    })
    expect(entry?.titles).toEqual(fixtureTitles())
  })

  test('an entry older than the maximum age is not used', () => {
    const storage = jsonStorage()
    writeLastGood(storage, 'http', URL_A, load(), 0)
    expect(readLastGood(storage, 'http', URL_A, 25 * HOUR, 24)).toBeUndefined()
    expect(readLastGood(storage, 'http', URL_A, 25 * HOUR, 48)).toBeDefined()
  })

  test('entries are per backend and URL', () => {
    const storage = jsonStorage()
    writeLastGood(storage, 'http', URL_A, load(), 0)
    expect(readLastGood(storage, 'http', 'http://other/', 0, 24)).toBeUndefined()
    expect(readLastGood(storage, 'directpublisher', URL_A, 0, 24)).toBeUndefined()
  })

  test.each<[string, unknown]>([
    [
      'another format',
      { format: 99, backend: 'http', url: URL_A, savedAt: 0, titles: [], problems: [] },
    ],
    ['garbage', 'not an entry'],
    ['no titles', { format: CACHE_FORMAT, backend: 'http', url: URL_A, savedAt: 0, problems: [] }],
  ])('an unreadable entry (%s) is ignored', (_label, value) => {
    const storage = jsonStorage()
    storage.set(cacheKey('http', URL_A), value)
    expect(readLastGood(storage, 'http', URL_A, 0, 24)).toBeUndefined()
  })

  test('a storage that throws on read gives no entry; on write the error reaches the caller', () => {
    const broken: CacheStorage = {
      get: () => {
        throw new Error('SecurityError')
      },
      set: () => {
        throw new Error('QuotaExceededError')
      },
      remove: () => undefined,
    }
    expect(readLastGood(broken, 'http', URL_A, 0, 24)).toBeUndefined()
    expect(() => writeLastGood(broken, 'http', URL_A, load(), 0)).toThrow('QuotaExceededError')
  })
})

describe('trimForDevice', () => {
  const titles = fixtureTitles() // rosetta, la-treve, rundskop, dikkenek, amelie

  test('a catalogue within the limit is kept whole', () => {
    const load = { titles, problems: [] }
    expect(trimForDevice(load, 5)).toBe(load)
  })

  test('with a layout, every rail keeps its first items, taken in turns', () => {
    const trimmed = trimForDevice(
      {
        titles,
        problems: [],
        layout: [
          { id: 'a', name: { en: 'A' }, itemIds: ['rosetta', 'la-treve', 'rundskop'], next: null },
          { id: 'b', name: { en: 'B' }, itemIds: ['amelie', 'dikkenek', 'rosetta'], next: null },
        ],
      },
      3,
    )
    expect(trimmed.titles.map((t) => t.id)).toEqual(['rosetta', 'la-treve', 'amelie'])
    expect(trimmed.layout?.map((r) => r.itemIds)).toEqual([
      ['rosetta', 'la-treve'],
      ['amelie', 'rosetta'],
    ])
  })

  test('without a layout, the first titles', () => {
    expect(trimForDevice({ titles, problems: [] }, 2).titles.map((t) => t.id)).toEqual([
      'rosetta',
      'la-treve',
    ])
  })

  test('writeLastGood keeps at most CACHE_MAX_TITLES titles, without the revision', () => {
    const many = Array.from({ length: CACHE_MAX_TITLES + 50 }, (_, i) => ({
      ...titles[0]!,
      id: `t-${i}`,
    }))
    const storage = jsonStorage()
    writeLastGood(
      storage,
      'http',
      URL_A,
      { titles: many, problems: [], revision: { etag: '"v"' } },
      0,
    )
    const entry = readLastGood(storage, 'http', URL_A, 0, 24)
    expect(entry?.titles).toHaveLength(CACHE_MAX_TITLES)
    // Not that revision any more: the next start must fetch the catalogue whole, not get a 304.
    expect(entry?.revision).toBeUndefined()
  })

  describe('what is read back is validated like fresh data', () => {
    test('a stored copy that was not changed gives the same titles, ratings derived again', () => {
      const storage = jsonStorage()
      writeLastGood(storage, 'http', URL_A, load(), 1000)
      const entry = readLastGood(storage, 'http', URL_A, 1000, 24)!
      const shown = loadFromLastGood(entry)
      expect(shown.problems).toEqual([])
      expect(shown.titles).toEqual(fixtureTitles())
      expect(shown.layout).toEqual(load().layout)
      expect(shown.revision).toEqual({ etag: '"v1"' })
    })

    test('an altered title is dropped and reported; the others and the rails stay', () => {
      const storage = jsonStorage()
      writeLastGood(storage, 'http', URL_A, load(), 1000)
      const raw = JSON.parse(storage.data.get(cacheKey('http', URL_A))!) as {
        titles: Record<string, unknown>[]
        layout: unknown[]
      }
      const series = raw.titles.findIndex((title) => title.kind === 'series')
      // A series without seasons: the details screen would index seasons[0].
      raw.titles[series]!.seasons = []
      raw.titles[0]!.title = 42
      raw.layout.push({ id: 7 }, null, { id: 'broken', name: { fr: 'X' }, itemIds: 'nope' })
      storage.data.set(cacheKey('http', URL_A), JSON.stringify(raw))

      const shown = loadFromLastGood(readLastGood(storage, 'http', URL_A, 1000, 24)!)
      const ids = fixtureTitles().map((title) => title.id)
      const dropped = [ids[0], ids[series]]
      expect(shown.titles.map((title) => title.id)).toEqual(
        ids.filter((id) => !dropped.includes(id)),
      )
      expect(shown.problems.map((problem) => problem.itemId).sort()).toEqual([...dropped].sort())
      expect(shown.problems.every((problem) => problem.message.startsWith('stored copy: '))).toBe(
        true,
      )
      expect(shown.layout!.map((rail) => rail.id)).toEqual(['new'])
      if (dropped.includes('rosetta')) expect(shown.layout![0]!.itemIds).toEqual([])
    })

    test('a stored entry without the shape of one is not read at all', () => {
      const storage = jsonStorage()
      storage.set(cacheKey('http', URL_A), {
        format: CACHE_FORMAT,
        backend: 'http',
        url: URL_A,
        savedAt: 1000,
        titles: 'all of them',
        problems: [],
      })
      expect(readLastGood(storage, 'http', URL_A, 1000, 24)).toBeUndefined()
    })
  })

  test('copies kept for other backends or URLs are removed; other data is left alone', () => {
    const storage = jsonStorage()
    const withKeys = { ...storage, keys: () => [...storage.data.keys()] }
    writeLastGood(storage, 'http', 'http://old-cms/', load(), 0)
    writeLastGood(storage, 'feed', URL_A, load(), 0)
    writeLastGood(storage, 'http', URL_A, load(), 0)
    storage.set('profile:a:progress', {})
    expect(forgetOtherCopies(withKeys, 'http', URL_A).sort()).toEqual([
      cacheKey('feed', URL_A),
      cacheKey('http', 'http://old-cms/'),
    ])
    expect([...storage.data.keys()].sort()).toEqual([cacheKey('http', URL_A), 'profile:a:progress'])
  })
})
