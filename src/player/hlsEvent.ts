/**
 * A film's HLS export marked `#EXT-X-PLAYLIST-TYPE:EVENT` (or with no type, from its first
 * segment) whose packager never wrote the closing
 * `#EXT-X-ENDLIST` (RFC 8216 4.3.3.5: an EVENT playlist only ever grows, and ENDLIST says it has
 * stopped). Read as it is, Shaka plays the film as a live stream: no duration, so no resume point
 * and no progress bar, and at its last segment it waits for more until the stall watchdog reports
 * a server that stopped answering. A title of the catalogue is on demand, so the player reads
 * such a playlist as finished with what it holds. Live channels are never closed this way, and
 * neither is an event still being written: one whose EXT-X-PROGRAM-DATE-TIME puts its last
 * segment's end within LIVE_EDGE_MARGIN_S and three target durations of `now`. An event whose
 * encoder pauses longer than that is read as finished at the next reload, and ends there.
 */
export function closeEventPlaylist(text: string, now = Date.now()): string | null {
  if (!text.startsWith('#EXTM3U') && !text.startsWith('\uFEFF#EXTM3U')) return null
  if (/^#EXT-X-ENDLIST\b/m.test(text)) return null
  const type = text.match(/^#EXT-X-PLAYLIST-TYPE:\s*(\w+)\s*$/m)?.[1]?.toUpperCase()
  // No type at all is the same fault one step further (both tags left out), when the playlist
  // starts at the film's first segment; a sliding window that has moved on is a live stream.
  const sequence = Number(text.match(/^#EXT-X-MEDIA-SEQUENCE:\s*(\d+)/m)?.[1] ?? 0)
  if (type !== 'EVENT' && !(type === undefined && sequence === 0)) return null
  // Only a media playlist has segments to end; a multivariant one names no EXTINF.
  if (!/^#EXTINF:/m.test(text)) return null
  if (stillWritten(text, now)) return null
  return `${text.replace(/\s*$/, '')}\n#EXT-X-ENDLIST\n`
}

/**
 * How far from the box's clock an event's last segment may end and the event still count as
 * being written: a segment being encoded, the CDN's delay, and an encoder's and a box's clocks
 * minutes apart (a box two minutes fast ended live events after their first segments).
 */
export const LIVE_EDGE_MARGIN_S = 300

/** Whether the playlist's dated segments end close to `now`: a live event, not a finished film. */
function stillWritten(text: string, now: number): boolean {
  const lines = text.split(/\r?\n/)
  let dated = -1
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) {
      dated = i
      break
    }
  }
  if (dated < 0) return false
  const start = Date.parse(lines[dated]!.slice('#EXT-X-PROGRAM-DATE-TIME:'.length).trim())
  if (!Number.isFinite(start)) return false
  const seconds = lines
    .slice(dated + 1)
    .filter((line) => line.startsWith('#EXTINF:'))
    .reduce((sum, line) => sum + (parseFloat(line.slice('#EXTINF:'.length)) || 0), 0)
  const target = Number(text.match(/^#EXT-X-TARGETDURATION:\s*(\d+)/m)?.[1] ?? 0)
  const behind = now - (start + seconds * 1000)
  const margin = (LIVE_EDGE_MARGIN_S + 3 * target) * 1000
  // Far ahead of the box's clock is a box whose clock was never set (1970, 2020), not a live edge.
  return behind > -margin && behind < margin
}
