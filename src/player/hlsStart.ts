/**
 * Where an HLS title asks to start (RFC 8216 4.3.5.2, EXT-X-START): TIME-OFFSET seconds from its
 * beginning, or from its end when negative. Catalogue titles start at 0 unless resumed (an HLS
 * EVENT export must not start at its live edge; see liveTitleStart for live ones), so the player
 * reads the tag itself and honours it for a title started from its beginning. Null without a
 * usable tag.
 */
export function hlsStartOffset(text: string): number | null {
  if (!text.startsWith('#EXTM3U') && !text.startsWith('\uFEFF#EXTM3U')) return null
  const tag = /^#EXT-X-START:(.*)$/m.exec(text)
  if (!tag) return null
  const offset = /(?:^|,)\s*TIME-OFFSET\s*=\s*(-?\d+(?:\.\d+)?)\s*(?:,|$)/.exec(tag[1]!.trim())
  if (!offset) return null
  const seconds = Number(offset[1])
  return Number.isFinite(seconds) && seconds !== 0 ? seconds : null
}
