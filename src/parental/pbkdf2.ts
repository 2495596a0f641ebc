/**
 * PBKDF2-HMAC-SHA-256 in plain JavaScript (RFC 8018 §5.2, RFC 2104, FIPS 180-4), for engines
 * without WebCrypto's `crypto.subtle` (plain-http pages, 2013-2015 engines). It gives the same
 * bytes as `subtle.deriveBits`, so records written by one verify with the other.
 *
 * Written for the ES5 build and old engines: 32-bit integer arithmetic on Int32Array, only the
 * typed-array calls every engine with typed arrays has (no BigInt, no Uint8Array.from, no fill).
 */

/** FIPS 180-4 §5.3.3: the first 32 bits of the fractional parts of √ of the first 8 primes. */
const INITIAL_STATE = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]

/** FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of ∛ of the first 64 primes. */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

const BLOCK_BYTES = 64
const HASH_BYTES = 32

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n))

/**
 * One SHA-256 compression (FIPS 180-4 §6.2.2) of the block in w[0..15] into `state`.
 * w[16..63] is scratch space for the message schedule; w[0..15] is left as it was.
 */
function compress(state: Int32Array, w: Int32Array): void {
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15]!
    const y = w[t - 2]!
    const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)
    const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10)
    w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0
  }
  let a = state[0]!
  let b = state[1]!
  let c = state[2]!
  let d = state[3]!
  let e = state[4]!
  let f = state[5]!
  let g = state[6]!
  let h = state[7]!
  for (let t = 0; t < 64; t++) {
    const t1 =
      (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) | 0
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  state[0] = (state[0]! + a) | 0
  state[1] = (state[1]! + b) | 0
  state[2] = (state[2]! + c) | 0
  state[3] = (state[3]! + d) | 0
  state[4] = (state[4]! + e) | 0
  state[5] = (state[5]! + f) | 0
  state[6] = (state[6]! + g) | 0
  state[7] = (state[7]! + h) | 0
}

/**
 * Hashes the rest of a message into `state`, which has already taken `before` bytes (whole
 * blocks), and pads it: afterwards `state` is the digest as 8 big-endian words.
 */
function finish(state: Int32Array, message: Uint8Array, before: number, w: Int32Array): void {
  const padded = new Uint8Array(Math.ceil((message.length + 9) / BLOCK_BYTES) * BLOCK_BYTES)
  padded.set(message)
  padded[message.length] = 0x80
  // The length in bits, 64-bit big-endian; its high word stays 0 below 512 MiB, far above a PIN.
  writeWord(padded, padded.length - 4, (before + message.length) * 8)
  for (let offset = 0; offset < padded.length; offset += BLOCK_BYTES) {
    for (let i = 0; i < 16; i++) w[i] = readWord(padded, offset + i * 4)
    compress(state, w)
  }
}

const readWord = (bytes: Uint8Array, at: number): number =>
  (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!

function writeWord(bytes: Uint8Array, at: number, word: number): void {
  bytes[at] = word >>> 24
  bytes[at + 1] = word >>> 16
  bytes[at + 2] = word >>> 8
  bytes[at + 3] = word
}

function wordsToBytes(words: Int32Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(words.length * 4)
  for (let i = 0; i < words.length; i++) writeWord(bytes, i * 4, words[i]!)
  return bytes
}

export function sha256(message: Uint8Array): Uint8Array<ArrayBuffer> {
  const state = new Int32Array(INITIAL_STATE)
  finish(state, message, 0, new Int32Array(64))
  return wordsToBytes(state)
}

/**
 * HMAC-SHA-256 with the key's inner and outer blocks already compressed (RFC 2104): each HMAC
 * then costs the compressions of its message only, two for a 32-byte one.
 */
function hmacStates(key: Uint8Array, w: Int32Array): { inner: Int32Array; outer: Int32Array } {
  const block = new Uint8Array(BLOCK_BYTES)
  block.set(key.length > BLOCK_BYTES ? sha256(key) : key)
  const keyed = (pad: number): Int32Array => {
    const state = new Int32Array(INITIAL_STATE)
    for (let i = 0; i < 16; i++) w[i] = readWord(block, i * 4) ^ pad
    compress(state, w)
    return state
  }
  return { inner: keyed(0x36363636), outer: keyed(0x5c5c5c5c) }
}

export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array<ArrayBuffer> {
  const w = new Int32Array(64)
  const { inner, outer } = hmacStates(key, w)
  finish(inner, message, BLOCK_BYTES, w)
  finish(outer, wordsToBytes(inner), BLOCK_BYTES, w)
  return wordsToBytes(outer)
}

/**
 * Sets w[0..15] to a 32-byte message after a 64-byte key block, padded: the 8 words, the 0x80
 * byte, zeros, and the length (96 bytes, 768 bits). Only w[0..7] changes from one call to the next.
 */
function setDigestBlock(w: Int32Array, digest: Int32Array): void {
  w.set(digest)
  w[8] = 0x80000000
  for (let i = 9; i < 15; i++) w[i] = 0
  w[15] = (BLOCK_BYTES + HASH_BYTES) * 8
}

/** Between two slices of work, so the UI can draw and take keys: a macrotask by default. */
export interface Pacing {
  /** Milliseconds of work before the next pause. */
  sliceMs: number
  now: () => number
  pause: () => Promise<void>
}

const DEFAULT_PACING: Pacing = {
  sliceMs: 25,
  now: () => Date.now(),
  pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
}

/** Iterations between two looks at the clock (about 1 ms in Node, 10-20 ms on an old box). */
const ITERATIONS_PER_CHECK = 1_000

/**
 * PBKDF2 (RFC 8018 §5.2) with HMAC-SHA-256: `length` bytes derived from password and salt.
 * This runs on the UI thread, so it pauses every `pacing.sliceMs` of work to let frames and
 * keys through; the result does not depend on the pacing.
 */
export async function pbkdf2Sha256(
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  length: number,
  pacing: Pacing = DEFAULT_PACING,
): Promise<Uint8Array<ArrayBuffer>> {
  const w = new Int32Array(64)
  const { inner, outer } = hmacStates(password, w)
  const output = new Uint8Array(length)
  const message = new Uint8Array(salt.length + 4)
  message.set(salt)
  const u = new Int32Array(8)
  const sum = new Int32Array(8)
  let sliceStart = pacing.now()
  for (let block = 1; (block - 1) * HASH_BYTES < length; block++) {
    // U1 = HMAC(password, salt || INT_32_BE(block))
    writeWord(message, salt.length, block)
    u.set(inner)
    finish(u, message, BLOCK_BYTES, w)
    setDigestBlock(w, u)
    u.set(outer)
    compress(u, w)
    sum.set(u)
    for (let done = 1; done < iterations;) {
      const count = Math.min(ITERATIONS_PER_CHECK, iterations - done)
      rounds(inner, outer, u, sum, w, count)
      done += count
      if (pacing.now() - sliceStart >= pacing.sliceMs) {
        await pacing.pause()
        sliceStart = pacing.now()
      }
    }
    const start = (block - 1) * HASH_BYTES
    output.set(wordsToBytes(sum).subarray(0, Math.min(HASH_BYTES, length - start)), start)
  }
  return output
}

/** `count` more iterations: U_j = HMAC(password, U_j-1), two compressions, into sum ^= U_j. */
function rounds(
  inner: Int32Array,
  outer: Int32Array,
  u: Int32Array,
  sum: Int32Array,
  w: Int32Array,
  count: number,
): void {
  for (let j = 0; j < count; j++) {
    setDigestBlock(w, u)
    u.set(inner)
    compress(u, w)
    setDigestBlock(w, u)
    u.set(outer)
    compress(u, w)
    for (let i = 0; i < 8; i++) sum[i] = sum[i]! ^ u[i]!
  }
}
