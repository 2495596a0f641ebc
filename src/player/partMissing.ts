import { PlaybackErrorCode, type PlaybackError } from './errors'
import type { PlaybackState } from './playbackState'

/** How far past where a title stopped "Reprendre 10 s plus loin" starts it again. */
export const SKIP_AHEAD_S = 10

/**
 * A segment missing once a title had played: part of it is missing on the server (a CDN that lost
 * a segment), not the whole video, and the household may go on past it rather than retry the
 * same gap for ever. `afterSkip`: the start that failed was such a skip (the gap is longer).
 */
export function isPartMissing(
  error: PlaybackError,
  state: Pick<PlaybackState, 'startupMs' | 'lastGoodTime'>,
  onDemand: boolean,
  afterSkip = false,
): boolean {
  if (!onDemand || error.code !== PlaybackErrorCode.NOT_FOUND) return false
  return afterSkip || (state.startupMs !== undefined && state.lastGoodTime > 0)
}
