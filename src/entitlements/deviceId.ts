import type { BoxStorage } from './contract'

const KEY = 'entitlements-device-id'
const VALID = /^[A-Za-z0-9-]{16,64}$/

/** The parts of Web Crypto used here; old TV engines may have neither. */
export interface RandomSource {
  randomUUID?: () => string
  getRandomValues?: <T extends Uint8Array>(array: T) => T
}

const defaultSource = (): RandomSource | undefined =>
  (globalThis as { crypto?: RandomSource }).crypto

/**
 * A random version-4 UUID: crypto.randomUUID where the engine has it (only in secure contexts),
 * else one built from getRandomValues, else from Math.random on engines with neither (good
 * enough for ids that only need to be unique, not secret).
 */
export function randomId(source: RandomSource | undefined = defaultSource()): string {
  if (typeof source?.randomUUID === 'function') return source.randomUUID()
  const bytes = new Uint8Array(16)
  if (typeof source?.getRandomValues === 'function') source.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * This box's id towards the entitlement service, which identifies the household by it: made once
 * and kept in storage, so purchases stay the household's across restarts. A stored value that is
 * not an id (storage damaged by hand) is replaced rather than sent.
 */
export function deviceId(storage: BoxStorage, source?: RandomSource): string {
  const stored = storage.get(KEY)
  if (typeof stored === 'string' && VALID.test(stored)) return stored
  const id = randomId(source ?? defaultSource())
  storage.set(KEY, id)
  return id
}
