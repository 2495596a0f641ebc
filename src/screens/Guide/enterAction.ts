import { replayState } from '../../guide/helpers'
import type { Cell } from './gridFocus'
import type { ChannelRights } from './guideDetails'

/** What OK does on the focused cell of the guide. */
export type EnterAction =
  /** A route to play (live/<id>, replay/<id>/<start>). */
  | { watch: string }
  /** Stays in the guide and says this: the status line's text, or a translation key. */
  | { say: 'status' }
  | { say: 'key'; key: string }

/**
 * OK on a cell: what is on air plays live, what aired replays where rights allow, anything else
 * is said and the household stays in the guide.
 */
export function enterAction(
  cell: Cell,
  channel: ChannelRights & { id: string },
  now: number,
): EnterAction {
  const programme = cell.programme
  if (!programme) {
    // Live is what the channel shows now: for yesterday's or tomorrow's slot it would be
    // another programme than the one the household stood on.
    if (cell.end <= now) return { say: 'key', key: 'guide.nothingToReplay' }
    if (cell.start > now) return { say: 'key', key: 'guide.nothingAnnounced' }
    return { watch: `live/${channel.id}` }
  }
  switch (replayState(programme, channel, now).state) {
    case 'live':
    case 'restartable':
      return { watch: `live/${channel.id}` }
    case 'replay':
      return { watch: `replay/${channel.id}/${programme.start}` }
    case 'no-replay':
    case 'upcoming':
      return { say: 'status' }
  }
}
