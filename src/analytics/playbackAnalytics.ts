import type { Observable, Subscription } from 'rxjs'
import type { Analytics } from './Analytics'
import {
  initialQoe,
  qoeReport,
  reduceQoe,
  type QoeInput,
  type QoeKind,
  type QoeOutcome,
  type QoeState,
} from './qoe'

/**
 * The player's events as this module reads them: any event with a type and a time, the fields
 * below looked at only on the types that carry them (the player's PlaybackEvent fits). Kept
 * structural, so analytics depends on no player module and reads nothing else of it.
 */
export interface PlayerEventLike {
  type: string
  at: number
  id?: unknown
  live?: unknown
  buffering?: unknown
  error?: unknown
}

/** What Shaka's getStats() says of the variant playing and the frames dropped. */
export interface PlaybackStats {
  /** bits/s of the variant playing (Shaka's streamBandwidth); 0 or NaN when unknown. */
  bandwidth: number
  /** Cumulative (Shaka's droppedFrames). */
  droppedFrames: number
}

const errorOf = (value: unknown): { code: number; severity: 'recoverable' | 'critical' } | null => {
  if (typeof value !== 'object' || value === null) return null
  const { code, severity } = value as { code?: unknown; severity?: unknown }
  if (typeof code !== 'number') return null
  return { code, severity: severity === 'critical' ? 'critical' : 'recoverable' }
}

/** One player event as QoE input; null for those that change nothing it measures. Pure. */
export function toQoeInput(
  event: PlayerEventLike,
  kind: (live: boolean) => QoeKind,
): QoeInput | null {
  const { at } = event
  switch (event.type) {
    case 'open':
      return typeof event.id === 'string'
        ? { type: 'open', at, itemId: event.id, kind: kind(event.live === true) }
        : null
    case 'playing':
      return { type: 'playing', at }
    case 'pause':
      return { type: 'paused', at }
    case 'waiting':
      return { type: 'buffering', at, buffering: true }
    case 'buffering':
      return { type: 'buffering', at, buffering: event.buffering === true }
    case 'error': {
      const error = errorOf(event.error)
      return error ? { type: 'error', at, ...error } : null
    }
    case 'ad-break-started':
      return { type: 'ad', at, playing: true }
    case 'ad-break-ended':
      return { type: 'ad', at, playing: false }
    case 'ended':
      return { type: 'end', at, outcome: 'completed' }
    case 'stop':
      return { type: 'end', at, outcome: 'stopped' }
    default:
      return null
  }
}

/**
 * Subscribes analytics to the player's event stream: 'title_started' when a viewing opens,
 * 'title_finished' and one 'playback_quality' report when it ends (or the next one opens, or the
 * stream completes). On each 'tick' the Shaka stats are sampled for bitrate and dropped frames.
 * Consent is Analytics.record's business: this only reports.
 */
export function watchPlayback(
  events$: Observable<PlayerEventLike>,
  analytics: Pick<Analytics, 'record'>,
  options: { stats?: () => PlaybackStats | null; kind?: (live: boolean) => QoeKind } = {},
): Subscription {
  const kind = options.kind ?? ((live: boolean) => (live ? 'live' : 'vod'))
  let state: QoeState = initialQoe
  const finish = (at: number, outcome: QoeOutcome) => {
    if (state.phase === 'idle' || state.phase === 'ended') return
    state = reduceQoe(state, { type: 'end', at, outcome })
    report()
  }
  const report = () => {
    const figures = qoeReport(state)
    if (!figures) return
    analytics.record({
      type: 'title_finished',
      itemId: figures.itemId,
      kind: figures.kind,
      watchedSeconds: figures.playedSeconds,
      completed: figures.outcome === 'completed',
    })
    analytics.record({ type: 'playback_quality', ...figures })
  }
  const subscription = events$.subscribe({
    next: (event) => {
      if (event.type === 'tick') {
        const stats = options.stats?.()
        if (stats && stats.bandwidth > 0)
          state = reduceQoe(state, { type: 'bitrate', at: event.at, bandwidth: stats.bandwidth })
        if (stats && Number.isFinite(stats.droppedFrames))
          state = reduceQoe(state, { type: 'frames', at: event.at, dropped: stats.droppedFrames })
        return
      }
      const input = toQoeInput(event, kind)
      if (!input) return
      if (input.type === 'open') {
        finish(input.at, 'stopped')
        state = reduceQoe(state, input)
        analytics.record({ type: 'title_started', itemId: input.itemId, kind: input.kind })
        return
      }
      if (input.type === 'end') return finish(input.at, input.outcome)
      state = reduceQoe(state, input)
    },
    complete: () => finish(state.lastAt, 'stopped'),
  })
  return subscription
}
