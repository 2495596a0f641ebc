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
})
