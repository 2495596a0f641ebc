import type { LiveChannel } from '../catalogue/live'
import type { Programme } from '../guide/contract'
import { replayState, restartOffsetSeconds } from '../guide/helpers'
import { liveEdgeTarget } from './liveLag'

export type RestartPlan =
  { ok: true; position: number } | { ok: false; reason: 'rights' | 'beyond' | 'no-programme' }

/**
 * Where to seek to restart the programme on air: as many seconds behind the live edge as the
 * programme has been on. The live edge stands for "now" (a few seconds of latency make the
 * restart that much early, never late, so nothing of the start is lost). Refused without the
 * rights, or when the start has already left the stream's timeshift window.
 */
export function restartPlan(
  programme: Programme | undefined,
  channel: LiveChannel,
  now: number,
  range: { start: number; end: number },
): RestartPlan {
  if (!programme) return { ok: false, reason: 'no-programme' }
  const state = replayState(programme, channel, now)
  if (state.state !== 'restartable') {
    return { ok: false, reason: state.reason === 'beyond-timeshift' ? 'beyond' : 'rights' }
  }
  const position = range.end - restartOffsetSeconds(programme, now)
  // A stream keeping less than the channel says: its oldest second is the best there is.
  if (position < range.start - 1) return { ok: false, reason: 'beyond' }
  return { ok: true, position: Math.max(range.start, position) }
}

/**
 * Left/Right on live: a step back or forward inside the timeshift window, never past the live
 * edge (minus a margin the player needs to keep playing) nor before the window's start.
 */
export function liveSeekTarget(
  from: number,
  step: number,
  range: { start: number; end: number },
): number {
  return Math.min(liveEdgeTarget(range), Math.max(range.start, from + step))
}
