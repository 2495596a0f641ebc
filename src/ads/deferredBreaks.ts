import type { DeferredBreak } from './vast'

/**
 * At most this many repeats of one break: a repeatAfter of a few seconds (a typo for minutes)
 * would otherwise ask the ad server for thousands of breaks at once.
 */
export const MAX_REPEATS = 48

const toMs = (seconds: number): number => Math.round(seconds * 1000) / 1000

/**
 * Where a deferred break goes in content of `duration` seconds: its first at its share, then its
 * repeats up to (not at) the end, which is the post-roll's place. `capped` says repeats were left.
 */
export function deferredOffsets(
  deferred: DeferredBreak,
  duration: number,
): { offsets: number[]; capped: boolean } {
  const shared = deferred.percent !== undefined
  const first = shared ? toMs(((deferred.percent ?? 0) / 100) * duration) : (deferred.from ?? 0)
  const offsets = shared ? [first] : []
  const every = deferred.repeatAfter ?? 0
  if (!(every > 0)) return { offsets, capped: false }
  for (let k = 1; first + k * every < duration; k++) {
    if (k > MAX_REPEATS) return { offsets, capped: true }
    offsets.push(toMs(first + k * every))
  }
  return { offsets, capped: false }
}
