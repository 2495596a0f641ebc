import type { Purpose } from '../consent/model'
import { analyticsEventSchema, type AnalyticsEvent } from './schema'

/**
 * The events waiting to be sent, oldest first, kept in storage across a reload. Bounded: when
 * the collector stays away the oldest go first, so a box offline for a week does not fill its
 * storage. Pure functions; the service persists what they return.
 */
export const MAX_QUEUED = 500

export function enqueue(
  queue: readonly AnalyticsEvent[],
  event: AnalyticsEvent,
  max = MAX_QUEUED,
): AnalyticsEvent[] {
  const next = [...queue, event]
  return next.length > max ? next.slice(next.length - max) : next
}

/** A withdrawal: nothing queued for those purposes may be sent any more. */
export function dropPurposes(
  queue: readonly AnalyticsEvent[],
  purposes: readonly Purpose[],
): AnalyticsEvent[] {
  return queue.filter((event) => !purposes.includes(event.purpose))
}

/** Removes the events a batch carried (by id), once the collector took them. */
export function withoutSent(
  queue: readonly AnalyticsEvent[],
  sent: readonly AnalyticsEvent[],
): AnalyticsEvent[] {
  const ids = new Set(sent.map((event) => event.eventId))
  return queue.filter((event) => !ids.has(event.eventId))
}

/**
 * The stored queue read back: anything that is not an event of the current schema (a damaged
 * value, an older version's) is dropped, never sent, and counted for the log.
 */
export function parseStoredQueue(raw: unknown): { events: AnalyticsEvent[]; dropped: number } {
  if (!Array.isArray(raw)) return { events: [], dropped: raw === null || raw === undefined ? 0 : 1 }
  const events: AnalyticsEvent[] = []
  let dropped = 0
  for (const item of raw.slice(-MAX_QUEUED)) {
    const parsed = analyticsEventSchema.safeParse(item)
    if (parsed.success) events.push(parsed.data)
    else dropped++
  }
  return { events, dropped: dropped + Math.max(0, raw.length - MAX_QUEUED) }
}

/** Delay before the next attempt after `failures` failed sends in a row: 2^n s, 5 min at most. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const exp = Math.min(300_000, 1000 * 2 ** Math.max(0, failures - 1))
  // Up to 20 % of jitter, so boxes that lost the collector together do not return together.
  return Math.round(exp * (0.8 + 0.2 * random()))
}
