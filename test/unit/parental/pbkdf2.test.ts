import { createHash, createHmac, pbkdf2Sync } from 'node:crypto'
import { hmacSha256, pbkdf2Sha256, sha256, type Pacing } from '../../../src/parental/pbkdf2'

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'))
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const NO_PAUSES: Pacing = { sliceMs: Infinity, now: () => 0, pause: () => Promise.resolve() }

/** Reproducible bytes of any length, so the cross-checks below are the same at every run. */
function bytesOf(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length)
  for (let i = 0; i < length; i++) bytes[i] = (seed * 31 + i * 17 + ((i * i) >> 3)) & 0xff
  return bytes
}

describe('sha256', () => {
  test.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('FIPS 180-4 example "%s"', (message, digest) => {
    expect(hex(sha256(ascii(message)))).toBe(digest)
  })

  test('matches Node for every length across the padding boundaries (0 to 200 bytes)', () => {
    for (let length = 0; length <= 200; length++) {
      const message = bytesOf(length, length)
      expect(hex(sha256(message))).toBe(createHash('sha256').update(message).digest('hex'))
    }
  })
})

describe('hmacSha256', () => {
  test('RFC 4231 test case 2', () => {
    expect(hex(hmacSha256(ascii('Jefe'), ascii('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
  })

  test.each([0, 1, 32, 63, 64, 65, 131])('matches Node with a %i-byte key', (keyLength) => {
    const key = bytesOf(keyLength, 7)
    for (const messageLength of [0, 20, 55, 56, 64, 100]) {
      const message = bytesOf(messageLength, 3)
      expect(hex(hmacSha256(key, message))).toBe(
        createHmac('sha256', key).update(message).digest('hex'),
      )
    }
  })
})

describe('pbkdf2Sha256', () => {
  // RFC 7914 §11 (PBKDF2-HMAC-SHA256 vectors), and the RFC 6070 inputs run with SHA-256.
  test.each([
    [
      'passwd',
      'salt',
      1,
      64,
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc' +
        '49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783',
    ],
    [
      'Password',
      'NaCl',
      80_000,
      64,
      '4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56' +
        'a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d',
    ],
    ['password', 'salt', 1, 32, '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b'],
    ['password', 'salt', 2, 32, 'ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43'],
    [
      'password',
      'salt',
      4096,
      32,
      'c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a',
    ],
    [
      'passwordPASSWORDpassword',
      'saltSALTsaltSALTsaltSALTsaltSALTsalt',
      4096,
      40,
      '348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9',
    ],
    ['pass\0word', 'sa\0lt', 4096, 16, '89b69d0516f829893c696226650a8687'],
  ])('%j / %j, %i iterations, %i bytes', async (password, salt, iterations, length, dk) => {
    const derived = await pbkdf2Sha256(ascii(password), ascii(salt), iterations, length, NO_PAUSES)
    expect(hex(derived)).toBe(dk)
  })

  test('matches Node for other password, salt and output lengths', async () => {
    for (const passwordLength of [0, 4, 64, 65, 150]) {
      for (const [saltLength, iterations, length] of [
        [0, 1, 1],
        [16, 3, 32],
        [16, 1000, 33],
        [61, 2, 100],
      ] as const) {
        const password = bytesOf(passwordLength, 1)
        const salt = bytesOf(saltLength, 2)
        const derived = await pbkdf2Sha256(password, salt, iterations, length, NO_PAUSES)
        expect(hex(derived)).toBe(
          pbkdf2Sync(password, salt, iterations, length, 'sha256').toString('hex'),
        )
      }
    }
  })

  test('a long derivation pauses for the UI between slices, with the same result', async () => {
    let time = 0
    const pauses: number[] = []
    const pacing: Pacing = {
      sliceMs: 10,
      // Every look at the clock finds 4 ms gone: a pause is due at every third look.
      now: () => (time += 4),
      pause: async () => void pauses.push(time),
    }
    const password = ascii('1234')
    const salt = bytesOf(16, 9)
    const derived = await pbkdf2Sha256(password, salt, 10_000, 32, pacing)
    expect(hex(derived)).toBe(pbkdf2Sync(password, salt, 10_000, 32, 'sha256').toString('hex'))
    expect(pauses.length).toBeGreaterThanOrEqual(3)
  })

  test('no pause while the work stays under a slice', async () => {
    const pause = jest.fn(() => Promise.resolve())
    await pbkdf2Sha256(ascii('1234'), bytesOf(16, 9), 10_000, 32, {
      sliceMs: 1_000,
      now: () => 0,
      pause,
    })
    expect(pause).not.toHaveBeenCalled()
  })
})
