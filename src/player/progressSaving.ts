import type { Observable, Subscription } from 'rxjs'
import type { PlaybackEvent } from './playbackEvents'
import type { PlaybackState } from './playbackState'

/** One step of the reduced stream: the state before and after an event. */
export interface PlaybackStep {
  prev: PlaybackState
  state: PlaybackState
  event: PlaybackEvent
}

/**
 * The resume position to save now, or undefined. Only what was really watched counts: a failed
 * start never erases a saved position. `state` is the state the position belongs to (before an
 * error or a stop is applied); during an ad break the content's last position and duration count,
 * never the ad's.
 */
export function positionToSave(
  state: PlaybackState,
  media: { currentTime: number; duration: number },
  force: boolean,
): { position: number; duration: number } | undefined {
  const { lastGoodTime, startPosition } = state
  if (!(lastGoodTime > 0) || lastGoodTime === startPosition) {
    if (!force || state.status === 'loading' || state.error) return undefined
  }
  const duration = media.duration
  if (!(duration > 0)) return undefined
  // Where the picture is now (after a seek too); after a failure or in an ad, the last time played.
  const position =
    !state.error && state.mode === 'content' && media.currentTime > 0
      ? media.currentTime
      : lastGoodTime
  return { position, duration }
}

/** Which steps save, and whether they must (a pause, an end, a stop, an error) or may (timeupdate). */
export function saveTrigger(step: PlaybackStep): 'force' | 'maybe' | undefined {
  const { prev, state, event } = step
  // A live event's times count from its availability start (often 1970): once it has ended and
  // turned static, a "position" would be decades long. Nothing to resume in a broadcast.
  if (state.broadcastEnded || prev.broadcastEnded) return undefined
  if (event.type === 'stop' || event.type === 'pause') return 'force'
  if (state.error && !prev.error) return 'force'
  if (state.endedCount > prev.endedCount) return 'force'
  if (event.type === 'timeupdate' && state.mode === 'content' && !state.error) return 'maybe'
  return undefined
}

export interface ProgressSink {
  /** False for live channels, replays, or nothing playing: nothing to resume. */
  enabled(): boolean
  media(): { currentTime: number; duration: number }
  save(position: number, duration: number): void
  now(): number
  intervalMs: number
}

/**
 * Saving the resume position, as a subscriber of the reduced stream: at most every `intervalMs`
 * while playing, and at once on pause, end, stop and error. The content's duration is remembered
 * across an ad break (the element then reports the ad's).
 */
export function saveProgress(steps$: Observable<PlaybackStep>, sink: ProgressSink): Subscription {
  let lastSavedAt = sink.now()
  let contentDuration = 0
  return steps$.subscribe((step) => {
    if (step.event.type === 'open') {
      lastSavedAt = sink.now()
      contentDuration = 0
    }
    const live = sink.media()
    if (step.prev.mode === 'content' && step.state.mode === 'content' && live.duration > 0)
      contentDuration = live.duration
    const trigger = saveTrigger(step)
    if (!trigger || !sink.enabled()) return
    const now = sink.now()
    if (trigger === 'maybe' && now - lastSavedAt < sink.intervalMs) return
    // The position belongs to the state before a stop or an error was applied.
    const basis = step.event.type === 'stop' || step.state.error ? step.prev : step.state
    // The element holds the ad during a break, and still at the post-roll's end (the title's end).
    const media =
      basis.mode === 'ad' || step.prev.mode === 'ad'
        ? { currentTime: 0, duration: contentDuration }
        : live
    const save = positionToSave(basis, media, trigger === 'force')
    if (!save) return
    lastSavedAt = now
    sink.save(save.position, save.duration)
  })
}
