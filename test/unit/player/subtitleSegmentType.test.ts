import { nameWebVttSegment, startsAsWebVtt } from '../../../src/player/subtitleSegmentType'

const bytes = (text: string, bom = false) =>
  Uint8Array.from([...(bom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoderLike().encode(text)])

/** jsdom lacks TextEncoder; the texts here are ASCII. */
class TextEncoderLike {
  encode(text: string): number[] {
    return [...text].map((char) => char.charCodeAt(0))
  }
}

describe('subtitle segments served with a generic Content-Type', () => {
  test('WebVTT is known by its signature, with or without a byte order mark', () => {
    expect(startsAsWebVtt(bytes('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nBonjour\n'))).toBe(true)
    expect(startsAsWebVtt(bytes('WEBVTT - Belgica\n'))).toBe(true)
    expect(startsAsWebVtt(bytes('WEBVTT\r\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\r\n'))).toBe(
      true,
    )
    expect(startsAsWebVtt(bytes('WEBVTT', true))).toBe(true)
    expect(startsAsWebVtt(bytes('WEBVTTX\n'))).toBe(false)
    expect(
      startsAsWebVtt(bytes('<?xml version="1.0"?><tt xmlns="http://www.w3.org/ns/ttml">')),
    ).toBe(false)
    expect(startsAsWebVtt(Uint8Array.from([0x47, 0x40, 0x11, 0x10]))).toBe(false)
  })

  test.each([['text/plain; charset=utf-8'], ['application/octet-stream'], ['binary/octet-stream']])(
    'a WebVTT segment served as %s is named text/vtt',
    (declared) => {
      const headers: Record<string, string> = { 'content-type': declared, 'content-length': '40' }
      expect(nameWebVttSegment(headers, bytes('WEBVTT\n\n'))).toBe(true)
      expect(headers).toEqual({ 'content-type': 'text/vtt', 'content-length': '40' })
    },
  )

  test('one served without a type gets it too', () => {
    const headers: Record<string, string> = {}
    expect(nameWebVttSegment(headers, bytes('WEBVTT\n'))).toBe(true)
    expect(headers['content-type']).toBe('text/vtt')
  })

  test('a segment already named text/vtt, and any other segment, keep their headers', () => {
    const vtt = { 'content-type': 'text/vtt;charset=UTF-8' }
    expect(nameWebVttSegment(vtt, bytes('WEBVTT\n'))).toBe(false)
    expect(vtt).toEqual({ 'content-type': 'text/vtt;charset=UTF-8' })
    const ts = { 'content-type': 'application/octet-stream' }
    expect(nameWebVttSegment(ts, Uint8Array.from([0x47, 0x40, 0x11, 0x10]))).toBe(false)
    expect(ts).toEqual({ 'content-type': 'application/octet-stream' })
  })
})
