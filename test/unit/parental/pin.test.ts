import {
  browserPinCrypto,
  hashPin,
  isValidPin,
  PIN_ITERATIONS,
  readPinRecord,
  sameBytes,
  verifyPin,
  type PinRecord,
} from '../../../src/parental/pin'
import { nodePinCrypto } from './webcrypto'

const { subtle } = nodePinCrypto
const FAST = 1_000

describe('isValidPin', () => {
  test.each(['1234', '0000', '9081'])('"%s" is a 4-digit PIN', (pin) => {
    expect(isValidPin(pin, 4)).toBe(true)
  })

  test.each(['123', '12345', '12a4', '12 4', '', '١٢٣٤', '-123'])('"%s" is not', (pin) => {
    expect(isValidPin(pin, 4)).toBe(false)
  })

  test('the configured length is asked for, never fewer than 4 digits', () => {
    expect(isValidPin('123456', 6)).toBe(true)
    expect(isValidPin('1234', 6)).toBe(false)
    expect(isValidPin('123', 3)).toBe(false)
    expect(isValidPin('1234', 3)).toBe(true)
  })
})

describe('hashPin and verifyPin', () => {
  test('the stored record is a versioned salted hash, with no trace of the PIN', async () => {
    const record = await hashPin('4711', nodePinCrypto)
    expect(record).toEqual({
      v: 1,
      salt: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
      iterations: PIN_ITERATIONS,
      hash: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
    })
    expect(JSON.stringify(record)).not.toContain('4711')
    expect(readPinRecord(JSON.parse(JSON.stringify(record)))).toEqual(record)
  })

  test('the right PIN verifies, a wrong one does not', async () => {
    const record = await hashPin('4711', nodePinCrypto)
    await expect(verifyPin('4711', record, subtle)).resolves.toBe(true)
    for (const wrong of ['4712', '1147', '0000', '47110', '471', '']) {
      await expect(verifyPin(wrong, record, subtle)).resolves.toBe(false)
    }
  })

  test('two records of the same PIN have different salts and hashes', async () => {
    const a = await hashPin('1234', nodePinCrypto, FAST)
    const b = await hashPin('1234', nodePinCrypto, FAST)
    expect(a.salt).not.toBe(b.salt)
    expect(a.hash).not.toBe(b.hash)
  })

  test('the hash is PBKDF2-SHA-256 of the PIN with the stored salt and iterations', async () => {
    const record = await hashPin('2580', nodePinCrypto, FAST)
    const key = await subtle.importKey('raw', Buffer.from('2580'), 'PBKDF2', false, ['deriveBits'])
    const bits = await subtle.deriveBits(
      {
        name: 'PBKDF2',
        hash: 'SHA-256',
        salt: Buffer.from(record.salt, 'base64'),
        iterations: FAST,
      },
      key,
      256,
    )
    expect(Buffer.from(bits).toString('base64')).toBe(record.hash)
  })

  test('a record of another format never verifies', async () => {
    const record = await hashPin('1234', nodePinCrypto, FAST)
    const broken: unknown[] = [
      { ...record, v: 2 },
      { ...record, hash: 'not base64!' },
      { ...record, iterations: 10 },
      { ...record, iterations: 1e12 },
      { ...record, extra: true },
      { salt: record.salt, hash: record.hash },
      '1234',
      null,
    ]
    for (const value of broken) {
      expect(readPinRecord(value)).toBeNull()
      await expect(verifyPin('1234', value as PinRecord, subtle)).resolves.toBe(false)
    }
  })
})

describe('sameBytes', () => {
  test('equal only with the same length and every byte the same', () => {
    expect(sameBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true)
    expect(sameBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false)
    expect(sameBytes(Uint8Array.of(9, 2, 3), Uint8Array.of(1, 2, 3))).toBe(false)
    expect(sameBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 0))).toBe(false)
    expect(sameBytes(new Uint8Array(), new Uint8Array())).toBe(true)
  })
})

describe('browserPinCrypto', () => {
  test('WebCrypto when the page has it, null in an insecure context', () => {
    const crypto = nodePinCrypto as unknown as Crypto
    expect(browserPinCrypto({ crypto: { subtle: crypto.subtle } as Crypto })?.subtle).toBe(
      crypto.subtle,
    )
    expect(browserPinCrypto({})).toBeNull()
    expect(browserPinCrypto({ crypto: {} as Crypto })).toBeNull()
  })
})
