import { hlsStartOffset } from '../../../src/player/hlsStart'

const playlist = (tag: string) =>
  `#EXTM3U\n#EXT-X-VERSION:6\n${tag}\n#EXT-X-STREAM-INF:BANDWIDTH=800000\nv.m3u8\n`

describe('hlsStartOffset', () => {
  test.each([
    ['#EXT-X-START:TIME-OFFSET=25', 25],
    ['#EXT-X-START:TIME-OFFSET=12.5,PRECISE=YES', 12.5],
    ['#EXT-X-START:PRECISE=NO,TIME-OFFSET=-20', -20],
    ['#EXT-X-START: TIME-OFFSET = 8 ', 8],
  ])('%s starts at %p', (tag, offset) => {
    expect(hlsStartOffset(playlist(tag))).toBe(offset)
  })

  test.each([
    ['no tag', ''],
    ['an offset of 0', '#EXT-X-START:TIME-OFFSET=0'],
    ['no TIME-OFFSET', '#EXT-X-START:PRECISE=YES'],
    ['an offset that is not a number', '#EXT-X-START:TIME-OFFSET=abc'],
  ])('%s: no start of its own', (_, tag) => {
    expect(hlsStartOffset(playlist(tag))).toBeNull()
  })

  test('a document that is not a playlist is not read', () => {
    expect(hlsStartOffset('<MPD>#EXT-X-START:TIME-OFFSET=5</MPD>')).toBeNull()
  })
})
