import { fromProgressiveError, isVideoError, PlaybackErrorCode } from '../../../src/player/errors'

// Shaka's VIDEO_ERROR carries the element's MediaError: data [code, extended code, message].
const videoError = (mediaCode: number, message = '') => ({
  category: 3,
  code: 3016,
  severity: 2,
  data: [mediaCode, null, message],
})
const httpStatus = (status: number) => ({
  category: 1,
  code: 1001,
  severity: 2,
  data: ['https://cdn.example.be/film.mp4', status],
})
const noAnswer = { category: 1, code: 1002, severity: 2, data: ['https://cdn.example.be/film.mp4'] }

describe('fromProgressiveError', () => {
  test('a file the server does not have is "not found", whatever the element said', () => {
    for (const status of [404, 410]) {
      expect(fromProgressiveError(videoError(4), httpStatus(status))).toMatchObject({
        code: PlaybackErrorCode.NOT_FOUND,
        category: 'network',
        severity: 'critical',
        shakaCode: 1001,
      })
    }
  })

  test('a server that fails, refuses or does not answer says so, not that the format is wrong', () => {
    expect(fromProgressiveError(videoError(4), httpStatus(503)).code).toBe(
      PlaybackErrorCode.SERVER_ERROR,
    )
    expect(fromProgressiveError(videoError(4), httpStatus(403)).code).toBe(
      PlaybackErrorCode.ACCESS_REFUSED,
    )
    expect(fromProgressiveError(videoError(2), noAnswer)).toMatchObject({
      code: PlaybackErrorCode.NETWORK,
      severity: 'critical',
    })
  })

  test('a file that is there: the element error decides (format, decoding, network)', () => {
    expect(fromProgressiveError(videoError(4, 'DEMUXER_ERROR'), null)).toMatchObject({
      code: PlaybackErrorCode.UNSUPPORTED,
      category: 'media',
      detail: 'media error 4 (DEMUXER_ERROR)',
    })
    expect(fromProgressiveError(videoError(3), null).code).toBe(PlaybackErrorCode.MEDIA)
    expect(fromProgressiveError(videoError(2), null).code).toBe(PlaybackErrorCode.NETWORK)
  })

  test('a server refusing the HEAD request tells nothing: the element error decides', () => {
    expect(fromProgressiveError(videoError(4), httpStatus(405)).code).toBe(
      PlaybackErrorCode.UNSUPPORTED,
    )
  })
})

test('isVideoError recognises only Shaka VIDEO_ERROR', () => {
  expect(isVideoError(videoError(4))).toBe(true)
  expect(isVideoError(httpStatus(404))).toBe(false)
  expect(isVideoError(null)).toBe(false)
})
