import { wallZone } from '../../../src/i18n/wallZone'
import { pbkdf2Sync, webcrypto } from 'node:crypto'
import { createContext } from '../../../src/app/createContext'
import { registerBackends } from '../../../src/app/registerBackends'
import { defaultAppConfig } from '../../../src/config/defaults'
import { registerEntitlementBackends } from '../../../src/entitlements/registerBackends'
import { ParentalStore, PIN_STORAGE_KEYS } from '../../../src/parental/ParentalStore'
import {
  browserPinCrypto,
  FALLBACK_ITERATIONS,
  fallbackPinCrypto,
  hashPin,
  PIN_ITERATIONS,
  pbkdf2Subtle,
  verifyPin,
  weakRandom,
  type PinCrypto,
} from '../../../src/parental/pin'
import { memoryPlatform } from '../../harness/fakeContext'
import { nodePinCrypto } from './webcrypto'

const FAST = 1_000
const native = nodePinCrypto.subtle
const fallback = pbkdf2Subtle()
/** A box without crypto.subtle but with getRandomValues, as most insecure-context pages are. */
const nodeCrypto = webcrypto as unknown as Crypto
const insecurePage = { crypto: { getRandomValues: nodeCrypto.getRandomValues.bind(nodeCrypto) } }
const bytesOfBase64 = (text: string) => [...Buffer.from(text, 'base64')]

describe('records cross-verify between WebCrypto and the fallback', () => {
  test('a record written by WebCrypto verifies with the fallback, at the real iteration count', async () => {
    const record = await hashPin('4711', nodePinCrypto)
    expect(record.iterations).toBe(PIN_ITERATIONS)
    await expect(verifyPin('4711', record, fallback)).resolves.toBe(true)
    await expect(verifyPin('4712', record, fallback)).resolves.toBe(false)
  })

  test('a record written by the fallback verifies with WebCrypto', async () => {
    const record = await hashPin('2580', fallbackPinCrypto(insecurePage))
    expect(record.iterations).toBe(FALLBACK_ITERATIONS)
    await expect(verifyPin('2580', record, native)).resolves.toBe(true)
    await expect(verifyPin('2581', record, native)).resolves.toBe(false)
    await expect(verifyPin('2580', record, fallback)).resolves.toBe(true)
  })

  test('the fallback hash is the PBKDF2-SHA-256 Node computes for the stored salt', async () => {
    const record = await hashPin('0000', fallbackPinCrypto(insecurePage), FAST)
    const expected = pbkdf2Sync('0000', Buffer.from(record.salt, 'base64'), FAST, 32, 'sha256')
    expect(record).toMatchObject({ v: 1, iterations: FAST, hash: expected.toString('base64') })
  })
})

describe('pbkdf2Subtle, the two WebCrypto calls in JavaScript', () => {
  test('salt as an ArrayBuffer, as a view into a larger buffer, hash as an object: the bits Node derives', async () => {
    const buffer = new Uint8Array(40).map((_, i) => i * 7)
    const key = await fallback.importKey('raw', new Uint8Array([1, 2, 3]), 'PBKDF2', false, [
      'deriveBits',
    ])
    const cases: [Pbkdf2Params, Uint8Array][] = [
      [{ name: 'PBKDF2', hash: 'SHA-256', salt: buffer.buffer, iterations: 3 }, buffer],
      [
        { name: 'PBKDF2', hash: 'SHA-256', salt: buffer.subarray(5, 21), iterations: 3 },
        buffer.subarray(5, 21),
      ],
      [
        {
          name: 'PBKDF2',
          hash: { name: 'SHA-256' },
          salt: new DataView(buffer.buffer, 9, 16),
          iterations: 3,
        },
        buffer.subarray(9, 25),
      ],
    ]
    for (const [algorithm, salt] of cases) {
      const bits = await fallback.deriveBits(algorithm, key, 384)
      const expected = pbkdf2Sync(Uint8Array.of(1, 2, 3), salt, 3, 48, 'sha256')
      expect(Buffer.from(bits).toString('hex')).toBe(expected.toString('hex'))
    }
  })

  test('refuses what it does not implement rather than answer wrong bits', async () => {
    const key = await fallback.importKey('raw', new Uint8Array(4), 'PBKDF2', false, ['deriveBits'])
    const salt = new Uint8Array(16)
    const pbkdf2 = (hash: string) => ({ name: 'PBKDF2', hash, salt, iterations: 1 })
    await expect(fallback.deriveBits(pbkdf2('SHA-1'), key, 256)).rejects.toThrow()
    await expect(fallback.deriveBits(pbkdf2('SHA-256'), key, 255)).rejects.toThrow()
    const nativeKey = await native.importKey('raw', new Uint8Array(4), 'PBKDF2', false, [
      'deriveBits',
    ])
    await expect(fallback.deriveBits(pbkdf2('SHA-256'), nativeKey, 256)).rejects.toThrow()
    await expect(fallback.deriveBits(pbkdf2('sha-256'), key, 256)).resolves.toBeInstanceOf(
      ArrayBuffer,
    )
  })
})

describe('choosing the crypto', () => {
  test('no crypto.subtle: browserPinCrypto has nothing, the fallback takes over', async () => {
    expect(browserPinCrypto(insecurePage as unknown as { crypto: Crypto })).toBeNull()
    const crypto = fallbackPinCrypto(insecurePage)
    expect(crypto.recordIterations).toBe(FALLBACK_ITERATIONS)
    const record = await hashPin('4711', crypto, FAST)
    await expect(verifyPin('4711', record, crypto.subtle)).resolves.toBe(true)
  })

  test('salts come from crypto.getRandomValues when the engine has it, called on crypto', async () => {
    const page = {
      crypto: {
        getRandomValues: jest.fn(function <T extends ArrayBufferView | null>(array: T): T {
          new Uint8Array(array!.buffer).fill(7)
          return array
        }),
      },
    }
    const random = jest.spyOn(Math, 'random')
    const record = await hashPin('4711', fallbackPinCrypto(page), FAST)
    expect(bytesOfBase64(record.salt)).toEqual(new Array(16).fill(7))
    // Old engines throw "Illegal invocation" when getRandomValues is called off its object.
    expect(page.crypto.getRandomValues.mock.contexts[0]).toBe(page.crypto)
    expect(random).not.toHaveBeenCalled()
  })

  test.each([
    ['no crypto object', {}],
    ['a crypto object without getRandomValues', { crypto: {} }],
  ])('%s: salts from the weaker Math.random and time mix, still unique', async (_, page) => {
    const random = jest.spyOn(Math, 'random')
    const crypto = fallbackPinCrypto(page)
    const first = await hashPin('4711', crypto, FAST)
    const second = await hashPin('4711', crypto, FAST)
    expect(random).toHaveBeenCalled()
    expect(first.salt).not.toBe(second.salt)
    expect(bytesOfBase64(first.salt)).toHaveLength(16)
    await expect(verifyPin('4711', first, native)).resolves.toBe(true)
  })
})

describe('weakRandom', () => {
  test('the same Math.random and the same time still give different salts, one after the other', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5)
    const random = weakRandom(() => 1_700_000_000_000)
    const a = random(new Uint8Array(16))
    const b = random(new Uint8Array(16))
    expect([...a]).not.toEqual([...b])
  })

  test('two boxes whose Math.random starts the same are told apart by the time', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.25)
    const a = weakRandom(() => 1_700_000_000_000)(new Uint8Array(16))
    const b = weakRandom(() => 1_700_000_000_001)(new Uint8Array(16))
    expect([...a]).not.toEqual([...b])
  })

  test('fills arrays longer than one digest, and returns the array it was given', () => {
    const bytes = new Uint8Array(70)
    expect(weakRandom()(bytes)).toBe(bytes)
    for (const part of [bytes.subarray(0, 32), bytes.subarray(32, 64), bytes.subarray(64)]) {
      expect(part.some((byte) => byte !== 0)).toBe(true)
    }
    expect([...bytes.subarray(0, 32)]).not.toEqual([...bytes.subarray(32, 64)])
  })
})

describe('ParentalStore with the fallback', () => {
  const settings = defaultAppConfig().parental
  const storeOn = (platform: ReturnType<typeof memoryPlatform>, crypto: PinCrypto) =>
    new ParentalStore({
      ...crypto,
      storage: platform.storage,
      wallClock: () => 0,
      zone: wallZone('box'),
      settings,
    })

  test('a PIN is set, checked and locked out as with WebCrypto, at FALLBACK_ITERATIONS', async () => {
    const platform = memoryPlatform()
    const store = storeOn(platform, fallbackPinCrypto(insecurePage))
    await expect(store.setPin('parental', '4711')).resolves.toEqual({ ok: true })
    expect(platform.stored.get(PIN_STORAGE_KEYS.parental)).toMatchObject({
      v: 1,
      iterations: FALLBACK_ITERATIONS,
    })
    await expect(store.check('parental', '4711')).resolves.toEqual({ ok: true })
    await expect(store.check('parental', '1147')).resolves.toEqual({
      ok: false,
      reason: 'wrong',
      attemptsLeft: settings.maxAttempts - 1,
    })
    for (let i = 1; i < settings.maxAttempts - 1; i++) await store.check('parental', '0000')
    await expect(store.check('parental', '0000')).resolves.toMatchObject({ reason: 'locked' })
    await expect(store.check('parental', '4711')).resolves.toMatchObject({ reason: 'locked' })
  })

  test('PINs chosen under WebCrypto still open on the same box without it, and back', async () => {
    const platform = memoryPlatform()
    await storeOn(platform, nodePinCrypto).setPin('parental', '1234')
    const withoutSubtle = storeOn(platform, fallbackPinCrypto({}))
    await expect(withoutSubtle.check('parental', '1234')).resolves.toEqual({ ok: true })
    await withoutSubtle.setPin('purchase', '9876')
    const withSubtle = storeOn(platform, nodePinCrypto)
    await expect(withSubtle.check('purchase', '9876')).resolves.toEqual({ ok: true })
    await expect(withSubtle.check('purchase', '9875')).resolves.toMatchObject({ reason: 'wrong' })
  })
})

describe('createContext', () => {
  const contextWith = (pinCrypto: PinCrypto | null) => {
    const platform = memoryPlatform()
    const context = createContext({
      config: defaultAppConfig(),
      platform,
      registry: registerBackends(),
      entitlementRegistry: registerEntitlementBackends(),
      pinCrypto,
      language: 'fr',
      asset: (path) => path,
      baseUrl: 'http://box.invalid/',
      log: () => undefined,
    })
    return { platform, parental: context.parental }
  }

  test('without WebCrypto PINs work, through the fallback', async () => {
    const { platform, parental } = contextWith(null)
    await expect(parental.setPin('purchase', '2468')).resolves.toEqual({ ok: true })
    await expect(parental.check('purchase', '2468')).resolves.toEqual({ ok: true })
    await expect(parental.check('purchase', '2469')).resolves.toMatchObject({ reason: 'wrong' })
    const record = platform.stored.get(PIN_STORAGE_KEYS.purchase)
    expect(record).toMatchObject({ iterations: FALLBACK_ITERATIONS })
  })

  test('with WebCrypto it is used, at PIN_ITERATIONS', async () => {
    const deriveBits = jest.spyOn(nodePinCrypto.subtle, 'deriveBits')
    const { platform, parental } = contextWith(nodePinCrypto)
    await expect(parental.setPin('parental', '1357')).resolves.toEqual({ ok: true })
    expect(deriveBits).toHaveBeenCalled()
    expect(platform.stored.get(PIN_STORAGE_KEYS.parental)).toMatchObject({
      iterations: PIN_ITERATIONS,
    })
  })
})
