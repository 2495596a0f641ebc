import { fillCatchup, type LiveChannel } from '../catalogue/live'
import type { Programme } from './contract'
import { addBrusselsDays, brusselsMidnight } from './zone'

/**
 * Pure helpers for the guide grid and zapping: what is on, what comes next, the grid's time
 * slots, and whether (and how) a programme can be watched now.
 */

/** The programme of a channel on at `time` (start inclusive, end exclusive), if any. */
export function programmeAt(
  programmes: readonly Programme[],
  channelId: string,
  time: number,
): Programme | undefined {
  return programmes.find((p) => p.channelId === channelId && p.start <= time && time < p.end)
}

/**
 * What is on a channel at `time` and the programme after it. `now` is undefined in a gap (off
 * air, or the guide has a hole); `next` is then the first programme after `time`.
 */
export function nowAndNext(
  programmes: readonly Programme[],
  channelId: string,
  time: number,
): { now?: Programme; next?: Programme } {
  const own = programmes
    .filter((p) => p.channelId === channelId && p.end > time)
    .sort((a, b) => a.start - b.start)
  const now = own[0] && own[0].start <= time ? own[0] : undefined
  const next = now ? own[1] : own[0]
  return { ...(now ? { now } : {}), ...(next ? { next } : {}) }
}

export const SLOT_MS = 30 * 60_000

/**
 * The 30-minute slots of the Brussels day that holds `time`: 48 on most days, 46 on the night
 * clocks go forward, 50 when they go back (the grid shows 02:00-03:00 twice then).
 */
export function daySlots(time: number): { start: number; end: number }[] {
  const from = brusselsMidnight(time)
  const to = addBrusselsDays(from, 1)
  const slots: { start: number; end: number }[] = []
  for (let start = from; start < to; start += SLOT_MS) {
    slots.push({ start, end: Math.min(start + SLOT_MS, to) })
  }
  return slots
}

/** The start of the 30-minute slot holding `time` (slots are whole half hours of UTC and of Brussels). */
export const slotStart = (time: number): number => Math.floor(time / SLOT_MS) * SLOT_MS

export type ReplayState = 'live' | 'restartable' | 'replay' | 'no-replay' | 'upcoming'

export type ReplayReason =
  /** On air; the channel cannot restart programmes. */
  | 'channel-no-restart'
  /** On air; this programme may not be restarted (rights). */
  | 'programme-no-restart'
  /** On air, but it started longer ago than the channel's timeshift window keeps. */
  | 'beyond-timeshift'
  /** Over; the channel offers no replay (replayDays 0 or no catch-up stream). */
  | 'channel-no-replay'
  /** Over; this programme may not be replayed (rights). */
  | 'programme-no-replay'
  /** Over; its replay window (replayDays after it ended) has closed. */
  | 'replay-expired'

export interface ReplayInfo {
  state: ReplayState
  /** Why it cannot be restarted or replayed; absent when it can (or is upcoming). */
  reason?: ReplayReason
  /** 'replay': the last instant it can be started; 'upcoming': when it starts. */
  until?: number
}

/** How far back a channel's live stream goes (the simulator's timeShiftBufferDepth). */
export const DEFAULT_TIMESHIFT_MS = 3 * 3_600_000

/**
 * Whether a programme is on, can be restarted, replayed, or not (and why), at `now`. A
 * programme is restartable when both the channel and the programme allow it and its start is
 * still inside the timeshift window; replayable for the channel's `replayDays` after it ended,
 * when both allow it and the channel has a catch-up stream.
 */
export function replayState(
  programme: Programme,
  channel: Pick<LiveChannel, 'restart' | 'replayDays' | 'catchup'>,
  now: number,
  timeshiftMs: number = DEFAULT_TIMESHIFT_MS,
): ReplayInfo {
  if (now < programme.start) return { state: 'upcoming', until: programme.start }
  if (now < programme.end) {
    if (!channel.restart) return { state: 'live', reason: 'channel-no-restart' }
    if (!programme.restart) return { state: 'live', reason: 'programme-no-restart' }
    if (now - programme.start > timeshiftMs) return { state: 'live', reason: 'beyond-timeshift' }
    return { state: 'restartable' }
  }
  const days = channel.replayDays ?? 0
  if (days <= 0 || !channel.catchup) return { state: 'no-replay', reason: 'channel-no-replay' }
  if (!programme.replay) return { state: 'no-replay', reason: 'programme-no-replay' }
  const until = programme.end + days * 86_400_000
  if (now >= until) return { state: 'no-replay', reason: 'replay-expired' }
  return { state: 'replay', until }
}

/** Seconds back from the live edge where a programme on air started (for restart). */
export const restartOffsetSeconds = (programme: Programme, now: number): number =>
  Math.max(0, Math.round((now - programme.start) / 1000))

/**
 * The catch-up manifest of a past programme: the channel's template filled with its window in
 * epoch seconds (start rounded down, end up, so no second of it is cut). Undefined when the
 * channel has no template for the format (`preferred` first, then the other).
 */
export function catchupUrl(
  programme: Programme,
  channel: Pick<LiveChannel, 'catchup'>,
  preferred: 'dash' | 'hls' = 'dash',
): { url: string; format: 'dash' | 'hls' } | undefined {
  const catchup = channel.catchup
  if (!catchup) return undefined
  const order = preferred === 'dash' ? (['dash', 'hls'] as const) : (['hls', 'dash'] as const)
  const format = order.find((f) => catchup[f])
  if (!format) return undefined
  const url = fillCatchup(
    catchup[format]!,
    Math.floor(programme.start / 1000),
    Math.ceil(programme.end / 1000),
  )
  return { url, format }
}
