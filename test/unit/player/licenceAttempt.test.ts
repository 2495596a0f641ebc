import { licenceAttempt, requestTypeOf } from '../../../src/player/licenceAttempt'

// shaka.util.Error data: BAD_HTTP_STATUS [uri, status, text, headers, type], HTTP_ERROR
// [uri, cause, type], TIMEOUT [uri, type]; request type 2 is a licence, 1 a segment.
const url = 'https://lic.example.be/wv'
const status = (code: number, type = 2) => ({ code: 1001, data: [url, code, '', {}, type] })

describe('licenceAttempt', () => {
  test('a licence server answering 401 or 403 refused the licence', () => {
    expect(licenceAttempt(status(401))).toBe('refused')
    expect(licenceAttempt(status(403))).toBe('refused')
  })

  test('no answer, a timeout, a 5xx or another status is a failure worth retrying', () => {
    expect(licenceAttempt({ code: 1002, data: [url, null, 2] })).toBe('failed')
    expect(licenceAttempt({ code: 1003, data: [url, 2] })).toBe('failed')
    expect(licenceAttempt(status(500))).toBe('failed')
    expect(licenceAttempt(status(503))).toBe('failed')
    expect(licenceAttempt(status(429))).toBe('failed')
  })

  test('other requests are none of its business, refused or not', () => {
    expect(licenceAttempt(status(403, 1))).toBeNull()
    expect(licenceAttempt({ code: 1003, data: ['seg.m4s', 1] })).toBeNull()
    // A request filter's failure names no request type.
    expect(licenceAttempt({ code: 1006, data: [new Error('filter')] })).toBeNull()
    expect(licenceAttempt({})).toBeNull()
  })

  test('reads the request type where each networking error keeps it', () => {
    expect(requestTypeOf(status(404, 0))).toBe(0)
    expect(requestTypeOf({ code: 1002, data: [url, null, 5] })).toBe(5)
    expect(requestTypeOf({ code: 1003, data: [url, 1] })).toBe(1)
    expect(requestTypeOf({ code: 3016 })).toBeUndefined()
  })
})
