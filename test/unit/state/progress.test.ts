import {
  continueWatching,
  isResumable,
  MAX_ENTRIES,
  ProgressStore,
  recordProgress,
  type ProgressMap,
} from '../../../src/state/progress'
import { memoryPlatform } from '../../harness/fakeContext'

const entry = (id: string, position: number, updatedAt = 1, titleId = id) => ({
  id,
  titleId,
  position,
  duration: 600,
  updatedAt,
})

describe('resume bookkeeping', () => {
  test('only positions between the first seconds and the credits are worth keeping', () => {
    expect(isResumable(5, 600)).toBe(false)
    expect(isResumable(10, 600)).toBe(true)
    expect(isResumable(590, 600)).toBe(false)
    expect(isResumable(Number.NaN, 600)).toBe(false)
  })

  test('records, ignores the first seconds (a failed start), drops a finished title', () => {
    let map: ProgressMap = {}
    map = recordProgress(map, entry('a', 100.7))
    expect(map.a?.position).toBe(100)
    map = recordProgress(map, entry('a', 3))
    expect(map.a?.position).toBe(100)
    map = recordProgress(map, entry('a', 595))
    expect(map.a).toBeUndefined()
  })

  test('one entry per title: the latest episode replaces the previous one', () => {
    let map = recordProgress({}, entry('s-e1', 100, 1, 's'))
    map = recordProgress(map, entry('s-e2', 30, 2, 's'))
    expect(Object.keys(map)).toEqual(['s-e2'])
  })

  test('most recent first, and bounded', () => {
    let map: ProgressMap = {}
    for (let i = 0; i < MAX_ENTRIES + 5; i++) map = recordProgress(map, entry(`t${i}`, 60, i))
    const list = continueWatching(map)
    expect(list).toHaveLength(MAX_ENTRIES)
    expect(list[0]!.id).toBe(`t${MAX_ENTRIES + 4}`)
  })
})

describe('ProgressStore', () => {
  test('persists through the platform storage and reads it back', () => {
    const platform = memoryPlatform()
    profileProgress(platform).save({
      id: 'rosetta',
      titleId: 'rosetta',
      position: 42,
      duration: 60,
    })
    const again = profileProgress(platform)
    expect(again.get('rosetta')?.position).toBe(42)
    expect(again.startPosition('rosetta')).toBe(42)
  })

  test('"Start over" makes the next start 0 once, and keeps the saved position', () => {
    const store = profileProgress(memoryPlatform())
    store.save({ id: 'a', titleId: 'a', position: 42, duration: 600 })
    store.requestStartOver('a')
    expect(store.startPosition('a')).toBe(0)
    expect(store.startPosition('a')).toBe(42)
  })

  test('keeps the mid-rolls watched with the position, and reads back only offsets', () => {
    const platform = memoryPlatform()
    profileProgress(platform).save({
      id: 'dikkenek',
      titleId: 'dikkenek',
      position: 200,
      duration: 600,
      breaksSeen: [150, 30],
    })
    expect(profileProgress(platform).get('dikkenek')?.breaksSeen).toEqual([150, 30])
    platform.storage.set('profile:p1:progress', {
      a: { titleId: 'a', position: 90, duration: 600, updatedAt: 1, breaksSeen: ['x', -3, 60] },
      b: { titleId: 'b', position: 90, duration: 600, updatedAt: 1, breaksSeen: 'oops' },
    })
    const read = profileProgress(platform)
    expect(read.get('a')?.breaksSeen).toEqual([60])
    expect(read.get('b')).not.toHaveProperty('breaksSeen')
  })

  test('ignores a corrupt stored value', () => {
    const platform = memoryPlatform()
    platform.storage.set('profile:p1:progress', { a: { position: 'x' }, b: null })
    expect(profileProgress(platform).store.value.entries).toEqual({})
  })

  test('each profile resumes where it stopped, and a new profile starts with nothing', () => {
    const platform = memoryPlatform()
    const store = profileProgress(platform)
    store.save({ id: 'a', titleId: 'a', position: 42, duration: 600 })
    store.useProfile('p2')
    expect(store.get('a')).toBeUndefined()
    store.save({ id: 'a', titleId: 'a', position: 120, duration: 600 })
    store.useProfile('p1')
    expect(store.startPosition('a')).toBe(42)
  })

  test('saves nothing before a profile is chosen', () => {
    const platform = memoryPlatform()
    new ProgressStore(platform.storage, () => 0).save({
      id: 'a',
      titleId: 'a',
      position: 42,
      duration: 600,
    })
    expect(platform.stored.size).toBe(0)
  })
})

function profileProgress(platform: ReturnType<typeof memoryPlatform>, profile = 'p1') {
  const store = new ProgressStore(platform.storage, () => platform.wallClock())
  store.useProfile(profile)
  return store
}
