import { deviceId, randomId } from '../../../src/entitlements/deviceId'
import { memoryStorage } from './fixtures'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('deviceId', () => {
  test('is made once and kept: the same id on every later start', () => {
    const storage = memoryStorage()
    const first = deviceId(storage, { randomUUID: () => '11111111-2222-4333-8444-555555555555' })
    expect(first).toBe('11111111-2222-4333-8444-555555555555')
    expect(deviceId(storage, { randomUUID: () => 'another-one-entirely-0000' })).toBe(first)
  })

  test('a stored value that is not an id is replaced', () => {
    const storage = memoryStorage()
    storage.set('entitlements-device-id', { not: 'an id' })
    expect(deviceId(storage)).toMatch(UUID)
    storage.set('entitlements-device-id', 'x')
    expect(deviceId(storage)).toMatch(UUID)
  })
})

describe('randomId', () => {
  test('uses crypto.randomUUID when the engine has it', () => {
    expect(randomId({ randomUUID: () => 'from-randomUUID' })).toBe('from-randomUUID')
  })

  test('without randomUUID (not a secure context), a v4 UUID from getRandomValues', () => {
    const getRandomValues = <T extends Uint8Array>(bytes: T): T => {
      bytes.fill(0xff)
      return bytes
    }
    expect(randomId({ getRandomValues })).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff')
  })

  test('on an engine without Web Crypto, still a v4 UUID, and not twice the same', () => {
    const ids = new Set(Array.from({ length: 50 }, () => randomId({})))
    expect(ids.size).toBe(50)
    for (const id of ids) expect(id).toMatch(UUID)
  })
})
