/**
 * RFC 8216 (4.3.4.1): an EXT-X-MEDIA rendition without a URI is carried in the variant's own
 * stream. Packagers put a title's main language there and its other languages beside it as
 * renditions of their own. Shaka reads the variant's stream as the picture alone once its group
 * has renditions with URIs, so such a master does not play: with fMP4 segments nothing starts
 * (the muxed segments do not go into a picture-only buffer), without CODECS the load fails, and
 * with TS choosing another language fails. A group that mixes the two is dropped, with the
 * variants' reference to it: the variant then plays as one muxed stream, picture and main sound
 * (Shaka no longer knows that sound's language), and the languages dropped are said in the log.
 */

const MEDIA = /^#EXT-X-MEDIA:(.*)$/

/** The value of `name` in an attribute list (quoted or not), or undefined. */
function attribute(list: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|,)${name}=("([^"]*)"|[^,]*)`).exec(list)
  return match ? (match[2] ?? match[1]) : undefined
}

/** The master without its mixed audio groups (and the variants' AUDIO naming them), or null. */
export function keepMuxedAudioOnly(master: string): { text: string; dropped: string[] } | null {
  const lines = master.split(/\r?\n/)
  const audio = lines.flatMap((line, index) => {
    const media = MEDIA.exec(line)
    if (!media || attribute(media[1]!, 'TYPE') !== 'AUDIO') return []
    const list = media[1]!
    return [
      { index, group: attribute(list, 'GROUP-ID') ?? '', list, hasUri: /(^|,)URI=/.test(list) },
    ]
  })
  const mixed = new Set(
    audio
      .filter((r) => !r.hasUri && audio.some((other) => other.group === r.group && other.hasUri))
      .map((r) => r.group),
  )
  if (!mixed.size) return null
  const left = audio.filter((r) => mixed.has(r.group))
  const dropped = left.map(
    (r) => attribute(r.list, 'NAME') ?? attribute(r.list, 'LANGUAGE') ?? attribute(r.list, 'URI')!,
  )
  const leftOut = new Set(left.map((r) => r.index))
  const text = lines
    .filter((_, index) => !leftOut.has(index))
    .map((line) =>
      line.startsWith('#EXT-X-STREAM-INF:')
        ? line.replace(/,?AUDIO="([^"]*)"/, (all, group: string) => (mixed.has(group) ? '' : all))
        : line,
    )
  return { text: text.join('\n'), dropped }
}
