import { ERROR_MESSAGE_KEYS, fromShakaError, PlaybackErrorCode } from '../../../src/player/errors'

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
      code: PlaybackErrorCode.NETWORK,
      category: 'network',
      severity: 'critical',
      shakaCode: 1001,
      detail: 'Shaka error 1001 (https://cdn.example.be/a/manifest.mpd)',
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
    expect(fromShakaError({ category: 1, code: 1001, data: ['u', 500] }).code).toBe(
      PlaybackErrorCode.NETWORK,
    )
  })

  test('content the browser cannot decode is UNSUPPORTED', () => {
    expect(fromShakaError({ category: 4, code: 4032 }).code).toBe(PlaybackErrorCode.UNSUPPORTED)
  })

  test('a decode error on encrypted content is a licence (DRM) error: a wrong key', () => {
    expect(fromShakaError({ category: 3, code: 3016 }, true).code).toBe(PlaybackErrorCode.DRM)
    expect(fromShakaError({ category: 3, code: 3016 }, false).code).toBe(PlaybackErrorCode.MEDIA)
    expect(fromShakaError({ category: 4, code: 4012 }).code).toBe(PlaybackErrorCode.DRM)
  })

  test('every app code has a message for the viewer', () => {
    for (const code of Object.values(PlaybackErrorCode)) {
      expect(ERROR_MESSAGE_KEYS[code]).toMatch(/^player\.error\./)
    }
  })
})
