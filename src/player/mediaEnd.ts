/**
 * A title's media may end before the duration its manifest gives: a packager writes the longest
 * track's duration (audio half a second past the video), or a CDN lost the last segment. Shaka
 * then asks for a segment past the end, which is not there. When what is buffered already reaches
 * this close to the duration, that failure is the title's end rather than an error.
 */
export const MEDIA_SHORTFALL_MAX_S = 10

/** Where the media really ends, when a failure ahead of it is its end; undefined otherwise. */
export function earlyEnd(
  duration: number,
  buffered: Pick<TimeRanges, 'length' | 'end'> | undefined,
): number | undefined {
  if (!Number.isFinite(duration) || duration <= 0 || !buffered?.length) return undefined
  const end = buffered.end(buffered.length - 1)
  return duration - end <= MEDIA_SHORTFALL_MAX_S ? end : undefined
}
