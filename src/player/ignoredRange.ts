/** What the networking engine's response filter sees of a response. */
export interface RangedResponse {
  status?: number
  data: ArrayBuffer | ArrayBufferView
  originalRequest?: { headers?: Record<string, string> }
}

/** The bytes a `Range: bytes=a-b` (or `bytes=a-`) header asks for: [first, last], last open. */
export function requestedRange(
  headers: Record<string, string> | undefined,
): [number, number | undefined] | null {
  if (!headers) return null
  const name = Object.keys(headers).find((key) => key.toLowerCase() === 'range')
  const match = name ? /^\s*bytes=(\d+)-(\d*)\s*$/i.exec(headers[name] ?? '') : null
  if (!match) return null
  const first = Number(match[1])
  const last = match[2] ? Number(match[2]) : undefined
  return last === undefined || last >= first ? [first, last] : null
}

/**
 * The part of a whole file a byte-range request asked for, when the origin ignored the Range
 * header and answered 200 with the whole file. HLS byte-range playlists (EXT-X-BYTERANGE) and
 * DASH SegmentBase keep a whole title in one file; some origins and caches in front of them do
 * not serve ranges, and the player then appended the whole file for every segment: the timeline
 * grew with each one and the picture jumped back. Cutting the wanted bytes out costs the extra
 * download but plays as the stream meant. Null: the response is already what was asked.
 */
export function cutIgnoredRange(response: RangedResponse): Uint8Array | null {
  if (response.status !== 200) return null
  const range = requestedRange(response.originalRequest?.headers)
  if (!range) return null
  const [first, last] = range
  const data = response.data
  const bytes = ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data)
  const wanted = last === undefined ? undefined : last - first + 1
  // An answer no longer than the range is the range itself, sent with the wrong status.
  if (wanted !== undefined && bytes.byteLength <= wanted) return null
  if (first === 0 && wanted === undefined) return null
  // A whole file must reach past the first byte asked; anything else is not ours to cut.
  if (bytes.byteLength <= first) return null
  return bytes.subarray(first, wanted === undefined ? undefined : first + wanted)
}
