/**
 * A film's HLS export marked `#EXT-X-PLAYLIST-TYPE:EVENT` (or with no type, from its first
 * segment) whose packager never wrote the closing
 * `#EXT-X-ENDLIST` (RFC 8216 4.3.3.5: an EVENT playlist only ever grows, and ENDLIST says it has
 * stopped). Read as it is, Shaka plays the film as a live stream: no duration, so no resume point
 * and no progress bar, and at its last segment it waits for more until the stall watchdog reports
 * a server that stopped answering. A title of the catalogue is on demand, so the player reads
 * such a playlist as finished with what it holds. Live channels are never closed this way.
 */
export function closeEventPlaylist(text: string): string | null {
  if (!text.startsWith('#EXTM3U') && !text.startsWith('\uFEFF#EXTM3U')) return null
  if (/^#EXT-X-ENDLIST\b/m.test(text)) return null
  const type = text.match(/^#EXT-X-PLAYLIST-TYPE:\s*(\w+)\s*$/m)?.[1]?.toUpperCase()
  // No type at all is the same fault one step further (both tags left out), when the playlist
  // starts at the film's first segment; a sliding window that has moved on is a live stream.
  const sequence = Number(text.match(/^#EXT-X-MEDIA-SEQUENCE:\s*(\d+)/m)?.[1] ?? 0)
  if (type !== 'EVENT' && !(type === undefined && sequence === 0)) return null
  // Only a media playlist has segments to end; a multivariant one names no EXTINF.
  if (!/^#EXTINF:/m.test(text)) return null
  return `${text.replace(/\s*$/, '')}\n#EXT-X-ENDLIST\n`
}
