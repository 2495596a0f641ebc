import type { Translate } from '../catalogue/offers'
import { formatClock } from '../i18n/format'

/**
 * How far behind the live point the picture may be and still be live. Shaka's seek range ends at
 * the live point (the stream's edge less its presentation delay), and a stall or two leaves the
 * playhead a few seconds behind it; a step back (30 s) is well past it.
 */
export const LIVE_TOLERANCE_S = 10

/** Where a jump back to live lands: as near the edge as the player can keep playing. */
export const LIVE_EDGE_MARGIN_S = 3

export interface LivePosition {
  current: number
  start: number
  end: number
}

export interface LiveLag {
  /** Whole seconds behind the live point. */
  behind: number
  /** Within the tolerance: the badge says live and there is nothing to go back to. */
  live: boolean
}

/** `at`: a seek on its way (Left/Right pressed), counted instead of the playhead. */
export function liveLag(position: LivePosition, at = position.current): LiveLag {
  const behind = Math.max(0, Math.round(position.end - at))
  return { behind, live: behind <= LIVE_TOLERANCE_S }
}

/** The overlay's badge: "DIRECT" at the live point, how far behind otherwise ("-12:34"). */
export function liveBadgeText(lag: LiveLag, t: Translate): string {
  return lag.live ? t('player.live') : `-${formatClock(lag.behind)}`
}

/** The banner's hint while time-shifted: how far behind, and the key back to live. */
export function timeShiftHint(lag: LiveLag, t: Translate): string {
  return `${t('live.behind', { time: formatClock(lag.behind) })} · ${t('live.backToLiveHint')}`
}

/** Where Green takes the picture: the live point, or the stream's newest second it can play. */
export function liveEdgeTarget(position: Pick<LivePosition, 'start' | 'end'>): number {
  return Math.max(position.start, position.end - LIVE_EDGE_MARGIN_S)
}
