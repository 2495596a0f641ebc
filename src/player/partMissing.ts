import { PlaybackErrorCode, type PlaybackError } from './errors'
import type { PlaybackState } from './playbackState'

/** How far past where a title stopped "Reprendre 10 s plus loin" starts it again. */
export const SKIP_AHEAD_S = 10

/**
 * Errors that, once a title had played, are one part of it rather than the whole video: a segment
 * missing on the server (a CDN that lost one), or one that cannot be decoded (cut short in
 * transit or at packaging), which the engine refuses on arrival, seconds before the playhead.
 */
const PART_ERRORS: readonly number[] = [PlaybackErrorCode.NOT_FOUND, PlaybackErrorCode.MEDIA]

/**
 * A part missing or damaged once a title had played: the household may go on past it rather than
 * retry the same gap for ever. `afterSkip`: the start that failed was such a skip (the gap is
 * longer).
 */
export function isPartMissing(
  error: PlaybackError,
  state: Pick<PlaybackState, 'startupMs' | 'lastGoodTime'>,
  onDemand: boolean,
  afterSkip = false,
): boolean {
  if (!onDemand || !PART_ERRORS.includes(error.code)) return false
  return afterSkip || (state.startupMs !== undefined && state.lastGoodTime > 0)
}

/** The household's words for such a part: missing on the server (404), or damaged. */
export const partMessageKey = (error: PlaybackError): string =>
  error.code === PlaybackErrorCode.MEDIA ? 'player.error.partDamaged' : 'player.error.partMissing'

/** Whether an error marks where the good data ended (a skip goes on from there). */
export const endsGoodData = (error: PlaybackError): boolean => PART_ERRORS.includes(error.code)
