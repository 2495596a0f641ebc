/**
 * Where a catalogue title starts when its manifest says live and nothing else decides (no resume
 * point, no EXT-X-START): null for its live edge, 0 for its beginning.
 *
 * A live stream that keeps every segment it made (an HLS EVENT playlist, a dynamic MPD without
 * timeShiftBufferDepth, or an export left live after its end) starts at its beginning, which is
 * the event's. A sliding window (a finite timeShiftBufferDepth, an HLS live playlist) is an event
 * on air: its window's start, hours back, is not its beginning, so it is joined at its live edge
 * as a channel is, and its end then comes as it is broadcast.
 */
export function liveTitleStart(segmentAvailabilityDuration: number): 0 | null {
  return Number.isFinite(segmentAvailabilityDuration) ? null : 0
}
