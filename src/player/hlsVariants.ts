/**
 * The variants of an HLS multivariant playlist, by the URI of their media playlist, and the same
 * playlist without some of them. A rendition whose media playlist the server does not have (a
 * packager's redundant copy on a CDN that lost it, a 720p rung never uploaded) made Shaka fail the
 * whole title at its first load, though the other variants play: RFC 8216 4.3.4.2 lists several
 * for a player to choose among. The session loads again without the one that failed.
 */

const STREAM_INF = /^#EXT-X-STREAM-INF:/

const resolve = (uri: string, base: string): string => {
  try {
    return new URL(uri, base).href
  } catch {
    return uri
  }
}

/** Each STREAM-INF's media playlist URI, resolved against the playlist's own. */
export function variantUris(text: string, base: string): string[] {
  const lines = text.split(/\r?\n/)
  const uris: string[] = []
  lines.forEach((line, i) => {
    if (!STREAM_INF.test(line)) return
    const uri = lines.slice(i + 1).find((next) => next.trim() !== '' && !next.startsWith('#'))
    if (uri !== undefined) uris.push(resolve(uri.trim(), base))
  })
  return uris
}

/**
 * The playlist without the variants whose URI is in `skip`; null when none is skipped or when
 * none would remain (the failure then stands, as it should).
 */
export function withoutVariants(
  text: string,
  base: string,
  skip: ReadonlySet<string>,
): string | null {
  if (!skip.size) return null
  const lines = text.split(/\r?\n/)
  const kept: string[] = []
  let removed = 0
  let left = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (!STREAM_INF.test(line)) {
      kept.push(line)
      continue
    }
    let j = i + 1
    while (j < lines.length && (lines[j]!.trim() === '' || lines[j]!.startsWith('#'))) j++
    const uri = lines[j]
    if (uri !== undefined && skip.has(resolve(uri.trim(), base))) {
      removed++
      // The tags between the STREAM-INF and its URI belong to it and go with it.
      i = j
      continue
    }
    left++
    kept.push(line)
  }
  return removed && left ? kept.join('\n') : null
}
