/**
 * Exports published as compressed files. XMLTV guides are commonly `guide.xml.gz`, and feeds are
 * sometimes `feed.json.gz`: a static host or CDN serves such a file as `application/gzip`,
 * without `Content-Encoding`, so the engine hands over the compressed bytes as they are. They are
 * recognised by gzip's magic number (RFC 1952), whatever the URL or the Content-Type says.
 */

/** Unpacks gzip bytes; rejects when they are not a whole gzip stream. */
export type Inflate = (bytes: Uint8Array) => Promise<Uint8Array>

/** A body that is gzip the box cannot unpack: not worth asking again, the file will not change. */
export class GzipBodyError extends Error {}

export const cannotUnpack = (): GzipBodyError =>
  new GzipBodyError(
    'is gzip-compressed (a .gz file) and this box cannot unpack it: serve it uncompressed, or with Content-Encoding: gzip',
  )

/** ID1, ID2 and CM = 8 (deflate), the only method RFC 1952 defines. */
export const isGzip = (bytes: Uint8Array): boolean =>
  bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08

/**
 * The engine's own DecompressionStream (Chromium 80, Safari 16.4, Firefox 113), undefined on the
 * older engines of many boxes: unpacking deflate in JS on such a box would cost seconds of main
 * thread for a week of programmes, so the operator is told to serve the file uncompressed instead.
 */
export function engineInflate(): Inflate | undefined {
  if (
    typeof DecompressionStream === 'undefined' ||
    typeof Blob === 'undefined' ||
    typeof Response === 'undefined'
  ) {
    return undefined
  }
  return async (bytes) => {
    const packed = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
    const unpacked = packed.pipeThrough(new DecompressionStream('gzip'))
    return new Uint8Array(await new Response(unpacked).arrayBuffer())
  }
}

/**
 * The bytes as the document: unpacked when they are gzip, as they are otherwise. `inflate` is
 * engineInflate() but for tests; undefined where the engine has none.
 */
export async function gunzipped(
  bytes: Uint8Array,
  inflate: Inflate | undefined,
): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes
  if (!inflate) throw cannotUnpack()
  try {
    return await inflate(bytes)
  } catch {
    throw new GzipBodyError('is a damaged gzip file (.gz): it could not be unpacked')
  }
}
