/**
 * An HLS subtitle segment served with a generic Content-Type. Many servers know no `.vtt` type
 * and answer `text/plain`, `application/octet-stream` or nothing. With a multivariant playlist
 * without CODECS, Shaka reads each rendition's first segment to learn its format (the player's
 * `disableCodecGuessing`), and for a file that is neither TS nor MP4 it believes the server's
 * type: the subtitles became `text/plain`, which no subtitle parser takes, and a title whose
 * subtitles show by default (DEFAULT=YES) stopped at its start with an unexpected error. A segment that is WebVTT by its own first bytes is named `text/vtt`.
 */

/** The header as Shaka's networking engine hands it: names in lower case. */
const CONTENT_TYPE = 'content-type'
const VTT = 'text/vtt'

/**
 * Whether `bytes` starts as a WebVTT file: an optional UTF-8 byte order mark, then "WEBVTT"
 * followed by a space, a tab, a line break or nothing (W3C WebVTT, file structure).
 */
export function startsAsWebVtt(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const signature = 'WEBVTT'
  for (let i = 0; i < signature.length; i++) {
    if (bytes[start + i] !== signature.charCodeAt(i)) return false
  }
  const next = bytes[start + signature.length]
  return next === undefined || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d
}

/**
 * Names a WebVTT segment `text/vtt` in `headers` (changed in place) whatever the server said;
 * true when it changed them. Any other segment keeps its headers.
 */
export function nameWebVttSegment(headers: Record<string, string>, bytes: Uint8Array): boolean {
  const declared = headers[CONTENT_TYPE]?.split(';')[0]?.trim().toLowerCase()
  if (declared === VTT || !startsAsWebVtt(bytes)) return false
  headers[CONTENT_TYPE] = VTT
  return true
}
