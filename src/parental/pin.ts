import { z } from 'zod'

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

/** Fills the array with cryptographically strong random bytes (crypto.getRandomValues). */
export type RandomSource = (bytes: Bytes) => Bytes

/** What hashing needs from the platform; tests pass Node's `require('node:crypto').webcrypto`. */
export interface PinCrypto {
  subtle: SubtleCrypto
  random: RandomSource
}

/** Bytes over a plain ArrayBuffer, as WebCrypto takes them. */
type Bytes = Uint8Array<ArrayBuffer>

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

const pinRecordSchema = z
  .object({
    v: z.literal(1),
    salt: z.string().regex(BASE64),
    iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
    hash: z.string().regex(BASE64),
  })
  .strict()

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
  subtle: SubtleCrypto,
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
  iterations: number = PIN_ITERATIONS,
): Promise<PinRecord> {
  const salt = crypto.random(new Uint8Array(SALT_BYTES))
  const hash = await derive(crypto.subtle, pin, salt, iterations)
  return { v: 1, salt: toBase64(salt), iterations, hash: toBase64(hash) }
}

/** False for a wrong PIN and for a record that is not in this format. */
export async function verifyPin(
  pin: string,
  record: PinRecord,
  subtle: SubtleCrypto,
): Promise<boolean> {
  const valid = readPinRecord(record)
  if (!valid) return false
  const expected = fromBase64(valid.hash)
  const actual = await derive(subtle, pin, fromBase64(valid.salt), valid.iterations)
  return sameBytes(actual, expected)
}

/**
 * The browser's WebCrypto, for start-up. `crypto.subtle` exists only in secure contexts (https,
 * localhost, file: and packaged apps); null elsewhere, and the caller says PINs are unavailable.
 */
export function browserPinCrypto(scope: { crypto?: Crypto } = globalThis): PinCrypto | null {
  const webCrypto = scope.crypto
  if (!webCrypto?.subtle) return null
  return { subtle: webCrypto.subtle, random: (bytes) => webCrypto.getRandomValues(bytes) }
}
