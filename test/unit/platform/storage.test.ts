import { browserStorage } from '../../../src/platform/storage'

function memoryLocalStorage(limit = Infinity): globalThis.Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => {
      if (v.length > limit) throw new Error('QuotaExceededError')
      items.set(k, v)
    },
  }
}

/** A localStorage with a total quota over keys and values, as browsers count it. */
function quotaLocalStorage(quota: number): globalThis.Storage {
  const items = new Map<string, string>()
  const used = () => [...items].reduce((sum, [k, v]) => sum + k.length + v.length, 0)
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => {
      const before = items.get(k)
      if (
        used() - (before === undefined ? 0 : k.length + before.length) + k.length + v.length >
        quota
      )
        throw new DOMException('quota', 'QuotaExceededError')
      items.set(k, v)
    },
  }
}

const unused = { get: () => 'fallback', set: () => undefined, remove: () => undefined }

describe('browserStorage', () => {
  test('reads and writes JSON under the same keys as the SDK, namespaced by the platform id', () => {
    const local = memoryLocalStorage()
    const storage = browserStorage('be.operator', unused, { localStorage: local })
    storage.set('profiles', { activeId: 'a' })
    expect(local.getItem('be.operator.profiles')).toBe('{"activeId":"a"}')
    expect(storage.get('profiles')).toEqual({ activeId: 'a' })
    storage.remove('profiles')
    expect(storage.get('profiles')).toBeNull()
  })

  test('a value that is not JSON reads as absent; a full quota does not throw', () => {
    const local = memoryLocalStorage(10)
    const storage = browserStorage(undefined, unused, { localStorage: local })
    local.setItem('x', '{oops')
    expect(storage.get('x')).toBeNull()
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(() => storage.set('big', 'a'.repeat(100))).not.toThrow()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"big"'))
    warn.mockRestore()
  })

  test('without a usable localStorage the SDK storage is used', () => {
    expect(browserStorage(undefined, unused, {}).get('anything')).toBe('fallback')
  })

  describe('a full quota', () => {
    const setup = () => {
      const local = quotaLocalStorage(2000)
      const failures: { key: string; message: string }[] = []
      const reclaimed: string[][] = []
      const storage = browserStorage(
        'op',
        unused,
        { localStorage: local },
        {
          onFailure: (failure) => failures.push(failure),
          onReclaimed: (keys) => reclaimed.push(keys),
          clock: () => 42,
        },
      )
      jest.spyOn(console, 'warn').mockImplementation(() => undefined)
      return { local, storage, failures, reclaimed }
    }

    test('makes room by removing catalogue copies, then keeps what the household saved', () => {
      const { local, storage, failures, reclaimed } = setup()
      storage.set('catalogue.lastGood.http.http://old/', 'x'.repeat(900))
      storage.set('catalogue.lastGood.http.http://new/', 'y'.repeat(800))
      storage.set('profile:a:progress', { rosetta: 'z'.repeat(400) })
      expect(storage.get('profile:a:progress')).toEqual({ rosetta: 'z'.repeat(400) })
      expect(reclaimed).toEqual([
        ['catalogue.lastGood.http.http://old/', 'catalogue.lastGood.http.http://new/'],
      ])
      expect(failures).toEqual([])
      expect(local.getItem('op.catalogue.lastGood.http.http://old/')).toBeNull()
    })

    test('never removes the household’s own data, and reports the write it lost', () => {
      const { storage, failures, reclaimed } = setup()
      storage.set('profiles', 'p'.repeat(1500))
      storage.set('profile:a:progress', 'q'.repeat(800))
      expect(storage.get('profiles')).toBe('p'.repeat(1500))
      expect(storage.get('profile:a:progress')).toBeNull()
      expect(reclaimed).toEqual([])
      expect(failures).toEqual([
        { key: 'profile:a:progress', at: 42, message: expect.stringContaining('quota') },
      ])
      expect(storage.usedChars!()).toBe('op.profiles'.length + 1502)
      expect(storage.keys!()).toEqual(['profiles'])
    })

    test('a catalogue copy too big even for an empty storage is reported, not retried forever', () => {
      const { storage, failures } = setup()
      storage.set('catalogue.lastGood.http.http://a/', 'c'.repeat(5000))
      expect(failures.map((failure) => failure.key)).toEqual(['catalogue.lastGood.http.http://a/'])
    })
  })
})
