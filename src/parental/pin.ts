import * as z from 'zod'
import { pbkdf2Sha256, sha256 } from './pbkdf2'

/**
 * PINs are kept only as a salted PBKDF2-SHA-256 hash. With 10,000 possible 4-digit PINs the hash
 * cannot stop someone who can read the box's storage and is ready to spend a few minutes of CPU:
 * it keeps the PIN out of plain sight (storage dumps, logs, support screenshots). What stops
 * guessing at the remote is the lockout (lockout.ts).
 */

/**
 * 100,000 iterations: 25 ms per check in Node 20 on an AMD EPYC core with SHA extensions, 40 ms
 * with them disabled (OPENSSL_ia32cap), December 2026. A 2014 ARM set-top box is roughly ten
 * times slower than the latter, so about 0.4 s, and WebCrypto runs off the UI thread.
 */
export const PIN_ITERATIONS = 100_000
/**
 * Iterations of the records written where there is no WebCrypto (fallbackPinCrypto). The
 * JavaScript PBKDF2 took 60-100 ms for 100,000 iterations in Node 20 on the machine above
 * (against 25 ms native), December 2026; ten to twenty times that on a 2014 box is 0.6-2 s, on
 * the UI thread. Half the iterations keeps a check under about a second there. A 4-digit PIN's
 * strength comes from the lockout, not from the hash (docs/parental-control.md).
 */
export const FALLBACK_ITERATIONS = 50_000
/** Records outside this range are refused rather than run: a tampered count could hang the box. */
const MIN_ITERATIONS = 1_000
const MAX_ITERATIONS = 1_000_000
const SALT_BYTES = 16
const HASH_BYTES = 32
export const MIN_PIN_LENGTH = 4

/** The stored form of a PIN. `v` names this format, so a later one can be told apart. */
export interface PinRecord {
  v: 1
  salt: string
  iterations: number
  hash: string
}

/** Fills the array with random bytes and returns it: crypto.getRandomValues, or weakRandom(). */
export type RandomSource = (bytes: Bytes) => Bytes

/**
 * The two WebCrypto calls PIN hashing makes: PBKDF2 key import and deriveBits with SHA-256. The
 * browser's `crypto.subtle` has them, and so does the JavaScript stand-in (pbkdf2Subtle).
 */
export interface PinSubtle {
  importKey(
    format: 'raw',
    keyData: Bytes,
    algorithm: 'PBKDF2',
    extractable: false,
    keyUsages: KeyUsage[],
  ): Promise<CryptoKey>
  deriveBits(algorithm: Pbkdf2Params, baseKey: CryptoKey, length: number): Promise<ArrayBuffer>
}

/**
 * What hashing needs from the platform: browserPinCrypto() where the engine has WebCrypto,
 * fallbackPinCrypto() elsewhere; tests pass Node's `require('node:crypto').webcrypto`.
 */
export interface PinCrypto {
  subtle: PinSubtle
  random: RandomSource
  /** PBKDF2 iterations of the records this crypto writes: PIN_ITERATIONS when absent. */
  recordIterations?: number
}

/** Bytes over a plain ArrayBuffer, as WebCrypto takes them. */
type Bytes = Uint8Array<ArrayBuffer>

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

const pinRecordSchema = z.lazy(() =>
  z
    .object({
      v: z.literal(1),
      salt: z.string().regex(BASE64),
      iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
      hash: z.string().regex(BASE64),
    })
    .strict(),
)

/** A stored value read back: the record when it has this format, otherwise null. */
export function readPinRecord(value: unknown): PinRecord | null {
  const parsed = pinRecordSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** Digits only, at least 4 (the CSA's minimum) and exactly the configured length. */
export function isValidPin(pin: string, length: number = MIN_PIN_LENGTH): boolean {
  return pin.length === Math.max(length, MIN_PIN_LENGTH) && /^\d+$/.test(pin)
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))

function fromBase64(text: string): Bytes {
  const binary = atob(text)
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

/** PINs are ASCII digits, so their bytes are their char codes (no TextEncoder on old engines). */
const pinBytes = (pin: string): Bytes => Uint8Array.from(pin, (char) => char.charCodeAt(0))

async function derive(
  subtle: PinSubtle,
  pin: string,
  salt: Bytes,
  iterations: number,
): Promise<Bytes> {
  const key = await subtle.importKey('raw', pinBytes(pin), 'PBKDF2', false, ['deriveBits'])
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BYTES * 8,
  )
  return new Uint8Array(bits)
}

/** Every byte is compared whatever the first difference, so timing says nothing about the PIN. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return difference === 0
}

export async function hashPin(
  pin: string,
  crypto: PinCrypto,
  iterations: number = crypto.recordIterations ?? PIN_ITERATIONS,
): Promise<PinRecord> {
  const salt = crypto.random(new Uint8Array(SALT_BYTES))
  const hash = await derive(crypto.subtle, pin, salt, iterations)
  return { v: 1, salt: toBase64(salt), iterations, hash: toBase64(hash) }
}

/** False for a wrong PIN and for a record that is not in this format. */
export async function verifyPin(
  pin: string,
  record: PinRecord,
  subtle: PinSubtle,
): Promise<boolean> {
  const valid = readPinRecord(record)
  if (!valid) return false
  const expected = fromBase64(valid.hash)
  const actual = await derive(subtle, pin, fromBase64(valid.salt), valid.iterations)
  return sameBytes(actual, expected)
}

/** The page's globals: `window`, as `globalThis` only exists from 2019 engines on. */
const page = (): { crypto?: Crypto } => (typeof window === 'undefined' ? globalThis : window)

/**
 * The browser's WebCrypto, for start-up. `crypto.subtle` exists only in secure contexts (https,
 * localhost, file: and packaged apps) and on engines from about 2015 on; null elsewhere, and the
 * caller uses fallbackPinCrypto().
 */
export function browserPinCrypto(scope: { crypto?: Crypto } = page()): PinCrypto | null {
  const webCrypto = scope.crypto
  if (!webCrypto?.subtle) return null
  return { subtle: webCrypto.subtle, random: (bytes) => webCrypto.getRandomValues(bytes) }
}

/** A key that pbkdf2Subtle's deriveBits takes: the password's bytes, kept in memory only. */
class PasswordKey implements CryptoKey {
  readonly algorithm: KeyAlgorithm = { name: 'PBKDF2' }
  readonly extractable = false
  readonly type: KeyType = 'secret'
  readonly usages: KeyUsage[] = ['deriveBits']
  constructor(readonly password: Bytes) {}
}

function bufferBytes(source: BufferSource): Uint8Array {
  return ArrayBuffer.isView(source)
    ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
    : new Uint8Array(source)
}

/**
 * PBKDF2-HMAC-SHA-256 in JavaScript behind the two WebCrypto calls PIN hashing makes, with the
 * same results: a record written through one verifies through the other. Anything else (another
 * hash, a key it did not import) is refused rather than computed wrong. It runs on the UI thread
 * and pauses every few tens of milliseconds (pbkdf2.ts), so the PIN dialog keeps drawing.
 */
export function pbkdf2Subtle(): PinSubtle {
  return {
    importKey: async (_format, keyData) => new PasswordKey(new Uint8Array(keyData)),
    async deriveBits(algorithm, baseKey, length) {
      const hash = typeof algorithm.hash === 'string' ? algorithm.hash : algorithm.hash.name
      if (!(baseKey instanceof PasswordKey) || hash.toUpperCase() !== 'SHA-256' || length % 8) {
        throw new Error('Only PBKDF2 with SHA-256 over a key from this importKey is supported')
      }
      const salt = bufferBytes(algorithm.salt)
      const bits = await pbkdf2Sha256(baseKey.password, salt, algorithm.iterations, length / 8)
      return bits.buffer
    },
  }
}

/**
 * Random bytes without crypto.getRandomValues (which far more engines have than crypto.subtle,
 * on plain http too): Math.random mixed with the time through SHA-256. Predictable to someone who
 * knows the engine's generator state and the moment, so weaker; it only ever makes PIN salts,
 * which need to be unique, not secret (a salt is stored beside its hash). The time and a counter
 * keep two boxes, or two records, apart even where Math.random starts the same at every boot.
 */
export function weakRandom(clock: () => number = () => Date.now()): RandomSource {
  let counter = 0
  return (bytes) => {
    for (let offset = 0; offset < bytes.length; offset += 32) {
      const seed = [clock(), counter++]
      for (let i = 0; i < 8; i++) seed.push(Math.floor(Math.random() * 0x100000000))
      const digest = sha256(pinBytes(seed.join(',')))
      for (let i = 0; i < 32 && offset + i < bytes.length; i++) bytes[offset + i] = digest[i]!
    }
    return bytes
  }
}

/**
 * PINs where the engine has no WebCrypto: PBKDF2 in JavaScript (pbkdf2Subtle), new records with
 * FALLBACK_ITERATIONS, random salts from crypto.getRandomValues when the engine has it and from
 * weakRandom() otherwise.
 */
export function fallbackPinCrypto(scope: { crypto?: Partial<Crypto> } = page()): PinCrypto {
  const webCrypto = scope.crypto
  const getRandomValues = webCrypto?.getRandomValues?.bind(webCrypto)
  return {
    subtle: pbkdf2Subtle(),
    random: getRandomValues ? (bytes) => getRandomValues(bytes) : weakRandom(),
    recordIterations: FALLBACK_ITERATIONS,
  }
}
