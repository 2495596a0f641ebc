import { codecsOfInitSegment, PICTURE_CODEC } from './mp4Codecs'

/**
 * A progressive MP4 whose picture this engine cannot decode (HEVC, AV1 or Dolby Vision on a box
 * that has no decoder for it) plays its sound over a black screen, and the element reports no
 * error: it reads as an audio-only file. The file's own `moov` says what the picture is, so the
 * player reads it (one or two range requests) and tells the household the format is not supported.
 */

/** Bytes asked for at a time: a `moov` of a two-hour film is a few hundred kilobytes at most. */
export const PROBE_BYTES = 256 * 1024

/** Where the file's `moov` is, as far as its first bytes tell. */
export type MoovPlace =
  /** In these bytes, from `start` (its box header) on. */
  | { at: 'head'; start: number }
  /** After the media data: fetch from `start` (offsets in the file). */
  | { at: 'later'; start: number }
  /** Not an ISO BMFF file, or one these bytes cannot place. */
  | null

/** Walks the file's top-level boxes in its first bytes to find its `moov`. */
export function placeMoov(head: Uint8Array): MoovPlace {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength)
  let at = 0
  let first = true
  while (at + 8 <= head.byteLength) {
    let size = view.getUint32(at)
    const type = String.fromCharCode(head[at + 4]!, head[at + 5]!, head[at + 6]!, head[at + 7]!)
    if (first && type !== 'ftyp' && type !== 'moov') return null
    first = false
    if (type === 'moov') return { at: 'head', start: at }
    if (size === 1) {
      if (at + 16 > head.byteLength) return null
      // Not getBigUint64: the engines of older boxes have no BigInt.
      size = view.getUint32(at + 8) * 2 ** 32 + view.getUint32(at + 12)
    } else if (size === 0) {
      return null
    }
    if (size < 8) return null
    at += size
  }
  return at > head.byteLength ? { at: 'later', start: at } : null
}

/**
 * The picture's codec when none of the file's video tracks can be decoded here, else null (a
 * picture that decodes, or no picture at all: a radio programme, a podcast).
 */
export function undecodablePicture(
  codecs: readonly string[],
  canPlay: (type: string) => boolean,
): string | null {
  const pictures = codecs.filter((codec) => PICTURE_CODEC.test(codec))
  if (!pictures.length) return null
  return pictures.some((codec) => canPlay(`video/mp4; codecs="${codec}"`)) ? null : pictures[0]!
}

/** The name a support engineer knows the codec by. */
export function codecName(codec: string): string {
  if (/^(hvc1|hev1)/i.test(codec)) return 'HEVC'
  if (/^(dvh[1e]|dva[1v])/i.test(codec)) return 'Dolby Vision'
  if (/^av01/i.test(codec)) return 'AV1'
  if (/^vp0?9/i.test(codec)) return 'VP9'
  if (/^vp0?8/i.test(codec)) return 'VP8'
  if (/^avc/i.test(codec)) return 'H.264'
  if (/^mp4v/i.test(codec)) return 'MPEG-4 Part 2'
  return codec
}

/**
 * Up to `length` bytes of the file from `start`, read as they arrive and the rest not downloaded:
 * a server that ignores Range would otherwise send the whole film. Null when the server answered
 * something other than those bytes (an error, or the file from its start when `start` > 0).
 */
export async function readBytes(
  fetchFn: typeof fetch,
  url: string,
  start: number,
  length: number,
): Promise<Uint8Array | null> {
  // Engines of older boxes have no AbortController: their read then stops at `length` alone.
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined
  const response = await fetchFn(url, {
    headers: { Range: `bytes=${start}-${start + length - 1}` },
    ...(controller ? { signal: controller.signal } : {}),
  })
  if (!response.ok || (start > 0 && response.status !== 206) || !response.body) {
    controller?.abort()
    return null
  }
  const reader = response.body.getReader()
  const bytes = new Uint8Array(length)
  let filled = 0
  try {
    while (filled < length) {
      const { done, value } = await reader.read()
      if (done || !value) break
      const part = value.subarray(0, length - filled)
      bytes.set(part, filled)
      filled += part.byteLength
    }
  } finally {
    controller?.abort()
    void reader.cancel().catch(() => undefined)
  }
  return bytes.subarray(0, filled)
}

/**
 * The codec of the file's picture when this engine cannot decode it, from the file's own `moov`;
 * null when the picture decodes, the file has none, or its bytes cannot be read (a CDN without
 * CORS headers, which the video element itself does not need).
 */
export async function undecodableFilePicture(
  fetchFn: typeof fetch,
  url: string,
  canPlay: (type: string) => boolean,
): Promise<string | null> {
  const head = await readBytes(fetchFn, url, 0, PROBE_BYTES)
  const place = head && placeMoov(head)
  if (!head || !place) return null
  const moov =
    place.at === 'head'
      ? head.subarray(place.start)
      : await readBytes(fetchFn, url, place.start, PROBE_BYTES)
  return moov ? undecodablePicture(codecsOfInitSegment(moov), canPlay) : null
}
