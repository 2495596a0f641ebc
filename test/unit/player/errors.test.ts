import {
  ERROR_MESSAGE_KEYS,
  errorMessageKey,
  fromLoadFailure,
  fromShakaError,
  PlaybackErrorCode,
} from '../../../src/player/errors'
import translations from '../../../static/translations.json'

// shaka.util.Error.Severity: RECOVERABLE = 1, CRITICAL = 2.
const RECOVERABLE = 1
const CRITICAL = 2

describe('fromShakaError', () => {
  test.each([
    [1, 'NETWORK', PlaybackErrorCode.NETWORK, 'network'],
    [4, 'MANIFEST', PlaybackErrorCode.MANIFEST, 'manifest'],
    [3, 'MEDIA', PlaybackErrorCode.MEDIA, 'media'],
    [2, 'TEXT', PlaybackErrorCode.MEDIA, 'media'],
    [6, 'DRM', PlaybackErrorCode.DRM, 'drm'],
    [5, 'STREAMING', PlaybackErrorCode.UNKNOWN, 'player'],
    [7, 'PLAYER', PlaybackErrorCode.UNKNOWN, 'player'],
    [9, 'STORAGE', PlaybackErrorCode.UNKNOWN, 'player'],
  ] as const)(
    'Shaka category %i (%s) becomes app code %i (%s)',
    (category, _, code, appCategory) => {
      expect(fromShakaError({ category, code: 1001, severity: CRITICAL })).toMatchObject({
        code,
        category: appCategory,
      })
    },
  )

  test('an error without a category is UNKNOWN', () => {
    expect(fromShakaError({}).code).toBe(PlaybackErrorCode.UNKNOWN)
  })

  test("an AES-128 segment its key does not decrypt (Web Crypto's OperationError, passed on by Shaka) is a key problem", () => {
    // A DOMException: its legacy code is 0, and it has no Shaka category.
    const thrown = Object.assign(
      new Error('The operation failed for an operation-specific reason'),
      {
        name: 'OperationError',
        code: 0,
      },
    )
    expect(fromShakaError(thrown)).toEqual({
      code: PlaybackErrorCode.LICENCE_NO_KEY,
      category: 'drm',
      severity: 'critical',
      detail:
        'a segment could not be decrypted with its key (The operation failed for an operation-specific reason)',
    })
  })

  test('severity 1 is recoverable, anything else critical', () => {
    expect(fromShakaError({ category: 1, severity: RECOVERABLE }).severity).toBe('recoverable')
    expect(fromShakaError({ category: 1, severity: CRITICAL }).severity).toBe('critical')
    expect(fromShakaError({ category: 1 }).severity).toBe('critical')
  })

  test("keeps Shaka's code and its first data item as detail", () => {
    // BAD_HTTP_STATUS: data[0] is the URI.
    const error = fromShakaError({
      category: 1,
      code: 1001,
      severity: CRITICAL,
      data: ['https://cdn.example.be/a/manifest.mpd', 503],
    })
    expect(error).toEqual({
      code: PlaybackErrorCode.SERVER_ERROR,
      category: 'network',
      severity: 'critical',
      shakaCode: 1001,
      detail: 'Shaka error 1001, HTTP 503 (https://cdn.example.be/a/manifest.mpd)',
    })
    // HTTP_ERROR: no answer at all, data[0] is the URI.
    expect(
      fromShakaError({ category: 1, code: 1002, severity: CRITICAL, data: ['https://cdn/a.mpd'] }),
    ).toMatchObject({
      code: PlaybackErrorCode.NETWORK,
      detail: 'Shaka error 1002 (https://cdn/a.mpd)',
    })
  })

  test('a detail without code or data still reads', () => {
    expect(fromShakaError({ category: 3 }).detail).toBe('Shaka error ?')
    expect(fromShakaError({ category: 3, code: 3016, data: [] }).detail).toBe('Shaka error 3016')
  })

  test('app codes are never reused', () => {
    const codes = Object.values(PlaybackErrorCode)
    expect(new Set(codes).size).toBe(codes.length)
  })
})

describe('fromShakaError: cases with a message of their own', () => {
  test('HTTP 404 on a manifest or segment is NOT_FOUND', () => {
    const error = fromShakaError({ category: 1, code: 1001, severity: 2, data: ['u', 404] })
    expect(error.code).toBe(PlaybackErrorCode.NOT_FOUND)
    expect(fromShakaError({ category: 1, code: 1001, data: ['u', 410] }).code).toBe(
      PlaybackErrorCode.NOT_FOUND,
    )
  })

  test('a refusal (401, 403, 451) is ACCESS_REFUSED, not a connection problem', () => {
    for (const status of [401, 403, 451]) {
      expect(fromShakaError({ category: 1, code: 1001, data: ['u', status] }).code).toBe(
        PlaybackErrorCode.ACCESS_REFUSED,
      )
    }
    expect(ERROR_MESSAGE_KEYS[PlaybackErrorCode.ACCESS_REFUSED]).toBe('player.error.accessRefused')
  })

  test('an error the video server answered with (5xx) is SERVER_ERROR; other statuses stay network errors', () => {
    for (const status of [500, 502, 503, 504]) {
      expect(fromShakaError({ category: 1, code: 1001, data: ['u', status] }).code).toBe(
        PlaybackErrorCode.SERVER_ERROR,
      )
    }
    expect(fromShakaError({ category: 1, code: 1001, data: ['u', 400] }).code).toBe(
      PlaybackErrorCode.NETWORK,
    )
  })

  test('content the browser cannot decode is UNSUPPORTED', () => {
    expect(fromShakaError({ category: 4, code: 4032 }).code).toBe(PlaybackErrorCode.UNSUPPORTED)
  })

  test('a decode error on encrypted content is a licence without a usable key: a wrong key', () => {
    expect(fromShakaError({ category: 3, code: 3016 }, true).code).toBe(
      PlaybackErrorCode.LICENCE_NO_KEY,
    )
    expect(fromShakaError({ category: 3, code: 3016 }, false).code).toBe(PlaybackErrorCode.MEDIA)
    expect(fromShakaError({ category: 4, code: 4012 }).code).toBe(PlaybackErrorCode.LICENCE_NO_KEY)
  })

  test('every app code has a message for the viewer, in every language', () => {
    const languages = translations as unknown as Record<string, Record<string, string>>
    for (const code of Object.values(PlaybackErrorCode)) {
      expect(ERROR_MESSAGE_KEYS[code]).toMatch(/^player\.error\./)
      for (const language of ['fr', 'nl', 'de', 'en'])
        expect([language, languages[language]?.[ERROR_MESSAGE_KEYS[code]]]).toEqual([
          language,
          expect.any(String),
        ])
    }
  })

  test('a live channel missing from its server is told as a channel, with who to call', () => {
    const languages = translations as unknown as Record<string, Record<string, string>>
    const liveKey = errorMessageKey(PlaybackErrorCode.NOT_FOUND, true)
    expect(liveKey).toBe('player.error.channelNotFound')
    for (const language of ['fr', 'nl', 'de', 'en'])
      expect(languages[language]?.[liveKey]).toContain('{support}')
    expect(errorMessageKey(PlaybackErrorCode.NOT_FOUND, false)).toBe('player.error.notFound')
    expect(errorMessageKey(PlaybackErrorCode.SERVER_ERROR, true)).toBe('player.error.serverError')
  })
})

describe('fromShakaError: licence failures', () => {
  const URL = 'https://lic.example.be/ck'
  // LICENSE_REQUEST_FAILED (6007): data[0] is the networking engine's shaka.util.Error.
  const licenceRequestFailed = (inner: unknown) => ({
    category: 6,
    code: 6007,
    severity: CRITICAL,
    data: [inner, { sessionId: 's' }],
  })
  const httpStatus = (status: number) => ({ category: 1, code: 1001, data: [URL, status, ''] })

  test.each([401, 403])('HTTP %i from the licence server is a refusal', (status) => {
    expect(fromShakaError(licenceRequestFailed(httpStatus(status)))).toEqual({
      code: PlaybackErrorCode.LICENCE_REFUSED,
      category: 'drm',
      severity: 'critical',
      shakaCode: 6007,
      detail: `Shaka error 6007 (1001, HTTP ${status}, ${URL})`,
    })
  })

  test.each([
    ['a 500', httpStatus(500), '1001, HTTP 500'],
    ['a 503', httpStatus(503), '1001, HTTP 503'],
    ['a 404 (wrong URL)', httpStatus(404), '1001, HTTP 404'],
    ['no answer (refused connection, CORS)', { category: 1, code: 1002, data: [URL] }, '1002'],
    ['a timeout', { category: 1, code: 1003, data: [URL, 2] }, '1003'],
  ])('%s means the licence server is unreachable', (_, inner, shown) => {
    const error = fromShakaError(licenceRequestFailed(inner))
    expect(error.code).toBe(PlaybackErrorCode.LICENCE_UNREACHABLE)
    expect(error.detail).toBe(`Shaka error 6007 (${shown}, ${URL})`)
  })

  test('a licence request failure without the network error still reads as unreachable', () => {
    expect(fromShakaError({ category: 6, code: 6007 })).toMatchObject({
      code: PlaybackErrorCode.LICENCE_UNREACHABLE,
      detail: 'Shaka error 6007',
    })
  })

  test('the server certificate request is told apart the same way', () => {
    const error = fromShakaError({ category: 6, code: 6017, data: [httpStatus(403)] })
    expect(error.code).toBe(PlaybackErrorCode.LICENCE_REFUSED)
  })

  test('a licence the CDM rejects (ClearKey: no key for the content) has no usable key', () => {
    const error = fromShakaError({ category: 6, code: 6008, data: ['Invalid response.'] })
    expect(error).toMatchObject({ code: PlaybackErrorCode.LICENCE_NO_KEY, category: 'drm' })
    expect(error.detail).toBe('Shaka error 6008 (Invalid response.)')
  })

  test('an expired licence has its own code', () => {
    expect(fromShakaError({ category: 6, code: 6014 }).code).toBe(PlaybackErrorCode.LICENCE_EXPIRED)
  })

  test('other DRM failures (no key system, CDM) stay the generic DRM error', () => {
    for (const code of [6001, 6002, 6006, 6012])
      expect(fromShakaError({ category: 6, code }).code).toBe(PlaybackErrorCode.DRM)
  })

  test('each licence failure has its own message for the viewer', () => {
    const keys = [
      PlaybackErrorCode.DRM,
      PlaybackErrorCode.LICENCE_UNREACHABLE,
      PlaybackErrorCode.LICENCE_REFUSED,
      PlaybackErrorCode.LICENCE_NO_KEY,
      PlaybackErrorCode.LICENCE_EXPIRED,
    ].map((code) => ERROR_MESSAGE_KEYS[code])
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('fromLoadFailure: why player.load() failed', () => {
  test("Shaka's own errors map as Shaka errors", () => {
    const error = {
      category: 1,
      code: 1001,
      severity: 2,
      data: ['https://cdn.example.be/m.mpd', 404],
    }
    expect(fromLoadFailure(error)).toEqual(fromShakaError(error))
  })

  test('an exception without a Shaka code is an unreadable manifest, with its message kept', () => {
    const failure = fromLoadFailure(
      new TypeError("Cannot read properties of null (reading 'children')"),
    )
    expect(failure).toMatchObject({
      code: PlaybackErrorCode.MANIFEST,
      category: 'manifest',
      severity: 'critical',
    })
    expect(failure.detail).toContain(
      "TypeError: Cannot read properties of null (reading 'children')",
    )
    expect(fromLoadFailure('bad').code).toBe(PlaybackErrorCode.MANIFEST)
  })
})
