import type { Programme } from '../../guide/contract'

const DAY_MS = 24 * 60 * 60 * 1000

/** What a channel's rights allow, as the operator's channel list gives them. */
export interface ChannelRights {
  restart?: boolean
  replayDays?: number
  catchup?: { dash?: string; hls?: string }
}

/**
 * What OK on a programme can do, at `now`:
 * - live: on air; watch the channel (and restart it when both channel and programme allow it);
 * - replay: aired, and the operator may offer it again until `until`;
 * - no-replay: aired, and cannot be offered: no right for this programme or this channel, its
 *   days are over, or the channel has no catch-up address;
 * - upcoming: not started; it starts at `start`.
 */
export type ProgrammeOffer =
  | { kind: 'live'; restart: boolean }
  | { kind: 'replay'; until: number }
  | { kind: 'no-replay'; reason: 'rights' | 'expired' }
  | { kind: 'upcoming'; start: number }

export function programmeOffer(
  programme: Pick<Programme, 'start' | 'end' | 'replay' | 'restart'>,
  channel: ChannelRights,
  now: number,
): ProgrammeOffer {
  if (now < programme.start) return { kind: 'upcoming', start: programme.start }
  if (now < programme.end) {
    return { kind: 'live', restart: Boolean(programme.restart && channel.restart) }
  }
  const days = channel.replayDays ?? 0
  const catchup = channel.catchup && (channel.catchup.dash || channel.catchup.hls)
  if (!programme.replay || days <= 0 || !catchup) return { kind: 'no-replay', reason: 'rights' }
  const until = programme.end + days * DAY_MS
  return now < until ? { kind: 'replay', until } : { kind: 'no-replay', reason: 'expired' }
}
