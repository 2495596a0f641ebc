import { PlaybackErrorCode, type PlaybackError } from './errors'
import type { PlaybackEvent } from './playbackEvents'
import { endsGoodData } from './partMissing'

/** What the viewer sees of the playback: the player screen's `state` and the overlay's input. */
export type PlaybackStatus = 'loading' | 'playing' | 'paused' | 'buffering' | 'ended' | 'error'

/** What the one media element plays now: the title, or an ad of a break (Shaka interstitials). */
export type PlaybackMode = 'content' | 'ad'

/** The ad on screen during a break, for "Publicité · 1 sur 2 · 0:12" and the skip button. */
export interface AdState {
  /** 1-based position of this ad in its break, and the break's number of ads. */
  index: number
  count: number
  /** Seconds left of this ad (0 while its duration is unknown). */
  remaining: number
  /** Seconds until it may be skipped; 0 when it may be skipped now; null: not skippable. */
  skipIn: number | null
}

export interface PlaybackState {
  status: PlaybackStatus
  mode: PlaybackMode
  /** Only in mode 'ad'. */
  ad?: AdState
  /** The critical error shown (status 'error'). */
  error?: PlaybackError
  /** A live channel plays: its end is the end of the broadcast, not of a title. */
  live: boolean
  /** Where an ended broadcast's media stops (from 'live-ended'), for a stream that gives no duration. */
  liveEnd?: number
  /**
   * The stream played live and its manifest then said the broadcast is over: a catalogue title
   * whose stream is a live event (not a channel) ends as a broadcast too, not as a film.
   */
  broadcastEnded?: boolean
  /** Where the content was asked to start (a resume point, or where a retry picks up). */
  startPosition: number
  /** The content's last position that really played: a failed start never counts as watched. */
  lastGoodTime: number
  /**
   * Where the data before a missing segment ends (the element's buffered end when the server's
   * 404 came): "Reprendre 10 s plus loin" counts from there. From where the playhead stood, a
   * skip landed back in the missing segment when the buffer ran a few seconds ahead.
   */
  missingFrom?: number
  /**
   * Where the element's data ran to at the last time update while playing. A part refused as
   * damaged can make the engine drop its buffer before the error is heard: the skip then still
   * counts from the data that was there.
   */
  dataEnd?: number
  /** Media time seen at the previous tick (-1 before the first), to tell moving from stuck. */
  lastTickTime: number
  /** ms (event clock) when this start was asked for, and from there to the first frame. */
  openedAt: number
  startupMs?: number
  /** ms when playback began waiting for data without progress; the stall watchdog's count. */
  waitingSince?: number
  /** The last recoverable error while waiting: the likely cause named if the wait ends in a stall. */
  lastRecoverable?: PlaybackError
  /** A failure of data ahead of the playhead: shown once playback runs out of buffered data. */
  failsWhenDry?: PlaybackError
  /**
   * The last tick found the element holding data to play on (readyState HAVE_FUTURE_DATA or
   * more); the element's 'waiting' and Shaka's buffering say it ran out.
   */
  holdsData?: boolean
  /**
   * Seconds left to the title's end at the last tick (absent while unknown, and on live), from
   * where it plays: while a start has shown nothing, from the start asked for (see tick()).
   */
  lastRemaining?: number
  /** Times play() was asked again after the element refused it while starting (at most once). */
  playRetries: number
  /** Counts the content's ends (the screen saves, then counts down to the next episode or leaves). */
  endedCount: number
  /** A post-roll waits at the content's end (its tag gave ads). */
  postRoll: boolean
  /** ms when the content ended with a post-roll to play: its end counts once the break is over. */
  endingAt?: number
  /** This load is a skip past a missing part ("Reprendre 10 s plus loin"): the title had played. */
  skipping?: boolean
  /** Waiting longer than this without progress ends in an error (settings' stallTimeoutSeconds). */
  stallTimeoutMs: number
}

export function initialPlaybackState(stallTimeoutMs: number): PlaybackState {
  return {
    status: 'ended',
    mode: 'content',
    live: false,
    startPosition: 0,
    lastGoodTime: 0,
    lastTickTime: -1,
    openedAt: 0,
    playRetries: 0,
    endedCount: 0,
    postRoll: false,
    stallTimeoutMs,
  }
}

/**
 * How long the content's end waits for its post-roll to start. Shaka starts it on the element's
 * 'ended'; a break that never comes (a build without interstitials, an element that never ends)
 * must not keep the household on the last frame.
 */
export const POST_ROLL_START_MS = 4000

/** The content's end is counted: the screen saves, counts down to the next episode or leaves. */
const contentEnded = (state: PlaybackState): PlaybackState => ({
  ...state,
  endedCount: state.endedCount + 1,
  postRoll: false,
  endingAt: undefined,
})

/** Playback moves: the watchdog stops counting (the last error stays the likely cause). */
const progressed = (state: PlaybackState): PlaybackState =>
  state.waitingSince === undefined ? state : { ...state, waitingSince: undefined }

/** Playback waits for data: the watchdog starts counting unless it already counts. */
const waiting = (state: PlaybackState, at: number): PlaybackState =>
  state.waitingSince === undefined ? { ...state, waitingSince: at } : state

const fail = (state: PlaybackState, error: PlaybackError): PlaybackState =>
  state.error
    ? state
    : {
        ...state,
        status: 'error',
        error,
        mode: 'content',
        ad: undefined,
        waitingSince: undefined,
        failsWhenDry: undefined,
      }

/**
 * A title's media may end before the duration its manifest gives (a packager writing the longest
 * track's duration, a CDN that lost the last segment): a segment missing this close to the end,
 * with the playhead stuck there, is the title's end rather than an error.
 */
const MEDIA_SHORTFALL_MAX_S = 10

/**
 * How long time may stand still while the element still holds data before a failure ahead shows
 * anyway: a busy box stops the clock for a moment with seconds buffered, and that is not the gap.
 */
const BUSY_NOT_DRY_MS = 5_000

/** A failure ahead of the playhead is shown once the content waits for data it will not get. */
const runDry = (state: PlaybackState, at: number): PlaybackState => {
  if (!state.failsWhenDry || state.mode !== 'content') return state
  if (!['buffering', 'loading'].includes(state.status)) return state
  // A decoder behind on a loaded 2-core box said "a part is missing" 8 s before the gap.
  if (
    state.holdsData &&
    state.waitingSince !== undefined &&
    at - state.waitingSince < BUSY_NOT_DRY_MS
  )
    return state
  // Near the end the tick decides whether the media simply ends there (see tick()), when the title
  // may end there: a resume that never showed a frame says what is wrong.
  if (nearMediaEnd(state, state.lastRemaining) && hasPlayed(state)) return state
  return fail(state, state.failsWhenDry)
}

/** The stall watchdog: a wait that outlasted the timeout ends in the last cause seen, or STALLED. */
function watchdog(state: PlaybackState, at: number): PlaybackState {
  if (state.error || state.waitingSince === undefined) return state
  if (at - state.waitingSince < state.stallTimeoutMs) return state
  return fail(
    state,
    state.lastRecoverable ?? {
      code: PlaybackErrorCode.STALLED,
      category: 'network',
      severity: 'critical',
      detail: `no progress for ${Math.round(state.stallTimeoutMs / 1000)} s`,
    },
  )
}

/**
 * The one place playback state changes: every source (the <video> element through the SDK,
 * Shaka's events, the once-a-second tick, the viewer's intents, Shaka's ad manager) arrives as a
 * PlaybackEvent, and this pure function says what the state becomes. Side effects (saving the
 * position, closing the player on an error, counting down to the next episode) subscribe to the
 * resulting states; nothing here reads a clock or an element.
 */
export function reducePlayback(state: PlaybackState, event: PlaybackEvent): PlaybackState {
  return watchdog(runDry(apply(state, event), event.at), event.at)
}

function apply(state: PlaybackState, event: PlaybackEvent): PlaybackState {
  switch (event.type) {
    case 'open':
      return {
        ...initialPlaybackState(state.stallTimeoutMs),
        status: 'loading',
        live: event.live,
        startPosition: event.startPosition,
        lastGoodTime: event.startPosition,
        openedAt: event.at,
        endedCount: state.endedCount,
      }
    case 'retry': {
      const skip = event.skip ?? 0
      const from = Math.max(state.startPosition, state.lastGoodTime)
      const start = skip ? Math.max(from, state.missingFrom ?? 0) + skip : from
      return {
        ...state,
        status: 'loading',
        mode: 'content',
        ad: undefined,
        error: undefined,
        startupMs: undefined,
        waitingSince: undefined,
        startPosition: start,
        missingFrom: undefined,
        dataEnd: undefined,
        skipping: skip > 0,
        // Until this load's first tick: the skip lands that much nearer the end (a 404 there may
        // come before it). The last tick stood about where the retry picks up.
        lastRemaining:
          state.lastRemaining === undefined ? undefined : state.lastRemaining - (start - from),
        lastTickTime: -1,
        openedAt: event.at,
        playRetries: 0,
        failsWhenDry: undefined,
        // A retry loads the content without its ads.
        postRoll: false,
        endingAt: undefined,
      }
    }
    case 'stop':
      return { ...state, status: 'ended', mode: 'content', ad: undefined, waitingSince: undefined }
    case 'error':
      return applyError(withMissingFrom(state, event), event)
    case 'play-rejected':
      return state.status === 'loading' && state.playRetries === 0
        ? { ...state, playRetries: 1 }
        : state
    case 'ad-post-roll':
      // It may answer while a mid-roll plays.
      return state.error || state.status === 'ended' ? state : { ...state, postRoll: true }
    default:
      if (state.error || state.status === 'ended') return state
      return state.mode === 'ad' ? applyDuringAd(state, event) : applyToContent(state, event)
  }
}

type ErrorEvent = Extract<PlaybackEvent, { type: 'error' }>

function applyError(state: PlaybackState, event: ErrorEvent): PlaybackState {
  if (event.error.severity === 'recoverable') {
    if (state.error || state.status === 'ended') return state
    return waiting({ ...state, lastRecoverable: event.error }, event.at)
  }
  if (event.ahead) {
    if (state.error || state.status === 'ended' || state.failsWhenDry) return state
    return { ...state, failsWhenDry: event.error }
  }
  // A skip past a missing part whose load fails on a segment missing in the title's last
  // seconds: the media has ended there. Another skip would only land further past it.
  if (skipLandedPastMedia(state, event.error)) return skipEnded(state)
  // Even with nothing open: a title without a stream fails before any load.
  return fail(state, event.error)
}

/**
 * A segment missing on the server or refused as damaged: where the data before it ends, once
 * content has played.
 */
function withMissingFrom(state: PlaybackState, event: ErrorEvent): PlaybackState {
  if (!endsGoodData(event.error) || event.bufferedEnd === undefined) return state
  if (state.error || state.mode === 'ad' || state.startupMs === undefined) return state
  // The data seen ahead a moment ago, unless the playhead has since moved past it (a seek back
  // is heard at the next time update, which replaces it).
  const seen =
    state.dataEnd !== undefined && state.dataEnd >= state.lastGoodTime ? state.dataEnd : 0
  return { ...state, missingFrom: Math.max(state.missingFrom ?? 0, event.bufferedEnd, seen) }
}

function applyToContent(state: PlaybackState, event: PlaybackEvent): PlaybackState {
  switch (event.type) {
    case 'playing':
      return shown(state, event.at)
    case 'pause':
      // A wait for data the household has paused through is not a stall.
      return {
        ...state,
        status: 'paused',
        ...(state.status === 'buffering' ? { waitingSince: undefined } : {}),
      }
    case 'waiting':
      // A seek or an audio change while paused: the data comes, or the wait restarts on play.
      if (state.status === 'paused' && event.paused) return { ...state, holdsData: false }
      return {
        ...waiting(state, event.at),
        status: starting(state) ? 'loading' : 'buffering',
        holdsData: false,
      }
    case 'ended':
      if (state.endingAt !== undefined) return state
      return state.postRoll ? { ...state, endingAt: event.at } : contentEnded(state)
    case 'timeupdate': {
      if (event.starved) return state
      // Time moving on from where the start was asked for: the picture plays, whatever was missed.
      if (starting(state) && event.playing && event.time > state.lastGoodTime)
        return { ...shown(state, event.at), lastGoodTime: event.time }
      let next = state
      if (event.time > 0 && state.status === 'playing') {
        if (event.time > state.lastGoodTime) next = progressed(next)
        next = { ...next, lastGoodTime: event.time }
        if (event.bufferedEnd !== undefined && event.bufferedEnd > event.time)
          next = { ...next, dataEnd: event.bufferedEnd }
      }
      if (state.status === 'buffering' && event.playing && event.time > state.lastGoodTime)
        next = { ...progressed(next), status: 'playing' }
      return next
    }
    case 'buffering':
      if (starting(state)) {
        if (event.buffering) return waiting(state, event.at)
        const atStart = event.time === undefined || event.time >= state.startPosition - 1
        return event.playing && atStart ? shown(state, event.at) : state
      }
      if (event.buffering && state.status === 'paused' && !event.playing)
        return { ...state, holdsData: false }
      if (event.buffering)
        return { ...waiting(state, event.at), status: 'buffering', holdsData: false }
      if (state.status !== 'buffering') return state
      return { ...progressed(state), status: event.playing ? 'playing' : 'paused' }
    case 'tick': {
      if (state.endingAt !== undefined)
        return event.at - state.endingAt >= POST_ROLL_START_MS ? contentEnded(state) : state
      const remaining = event.remaining ?? untilLiveEnd(state, event.time)
      // Until a start shows its first frame the element may still stand at 0 (Shaka places the
      // playhead once it has data there, and a missing segment never gives it any): the title is
      // where the start was asked for. A second skip past a missing part read 40 s left at 35 s
      // of a 40 s playlist, and failed again instead of ending.
      const notYetThere = starting(state) ? Math.max(0, state.startPosition - event.time) : 0
      const next = tick(
        state,
        event.time,
        event.playing && !event.starved,
        event.at,
        remaining === undefined ? undefined : remaining - notYetThere,
      )
      return { ...next, holdsData: event.starved === false }
    }
    case 'live-ended':
      return {
        ...state,
        broadcastEnded: true,
        ...(event.end === undefined ? {} : { liveEnd: event.end }),
      }
    case 'ad-break-started':
      return {
        ...progressed(state),
        mode: 'ad',
        status: 'loading',
        ad: { index: 0, count: 0, remaining: 0, skipIn: null },
      }
    default:
      return state
  }
}

/**
 * A start whose first frame has not played yet. Waiting for data does not make it "buffering",
 * and Shaka's "buffered enough" only ends it once the element stands at the start asked for: it
 * can come while the element still sits at 0, before Shaka's seek to a resume point.
 */
const starting = (state: PlaybackState): boolean =>
  state.status === 'loading' && state.startupMs === undefined

/** The picture plays: the start (or a wait) is over, and the first time counts how long it took. */
const shown = (state: PlaybackState, at: number): PlaybackState => ({
  ...progressed(state),
  status: 'playing',
  startupMs: state.startupMs ?? Math.round(at - state.openedAt),
})

/**
 * Seconds to an ended broadcast's end. A DASH manifest that stays dynamic with a duration leaves
 * the element's duration infinite: without this the playhead stood at the end, waiting for
 * segments that will never come, until the stall watchdog called it a server that stopped
 * answering.
 */
const untilLiveEnd = (state: PlaybackState, time: number): number | undefined =>
  state.liveEnd === undefined ? undefined : state.liveEnd - time

/** How close to a title's end a wait counts as its end, and how long it must last to count. */
const END_SLACK_S = 1
const END_WAIT_MS = 3000

/** A segment missing within MEDIA_SHORTFALL_MAX_S of the title's end. */
function nearMediaEnd(state: PlaybackState, remaining: number | undefined): boolean {
  const missing =
    state.lastRecoverable?.code === PlaybackErrorCode.NOT_FOUND ||
    state.failsWhenDry?.code === PlaybackErrorCode.NOT_FOUND
  return missing && remaining !== undefined && remaining <= MEDIA_SHORTFALL_MAX_S
}

/**
 * The title had played: since this load, or before it when this load is a skip past a missing
 * part ("Reprendre 10 s plus loin"), which may land where the media has already ended.
 */
const hasPlayed = (state: PlaybackState): boolean =>
  state.startupMs !== undefined || state.skipping === true

/** A skip past a missing part that failed, before its first frame, in the title's last seconds. */
const skipLandedPastMedia = (state: PlaybackState, error: PlaybackError): boolean =>
  state.skipping === true &&
  starting(state) &&
  error.code === PlaybackErrorCode.NOT_FOUND &&
  state.lastRemaining !== undefined &&
  state.lastRemaining <= MEDIA_SHORTFALL_MAX_S

/** The title ends where the media did: no post-roll (a skip loads the content without ads). */
const skipEnded = (state: PlaybackState): PlaybackState =>
  contentEnded({ ...state, status: 'paused', waitingSince: undefined, failsWhenDry: undefined })

/**
 * Once a second: a video that should play but whose time stands still is stalled, whatever events
 * the element sent (or did not send).
 */
function tick(
  state: PlaybackState,
  time: number,
  playing: boolean,
  at: number,
  remaining?: number,
): PlaybackState {
  const moving = time !== state.lastTickTime
  const next = { ...state, lastTickTime: time, lastRemaining: remaining }
  if (state.status === 'paused') return next
  if (moving && playing)
    return { ...progressed(next), status: state.status === 'buffering' ? 'playing' : state.status }
  // Stuck within a second of a title's end for a while: its end, not a stall. Shaka never ends a
  // stream whose timeline it read from a rendition it then dropped (an HEVC rung a few frames
  // longer than the H.264 one that plays), and the element waits there for data that never comes.
  // Or stuck a few seconds before it with a segment missing: the media ends there.
  const atMediaEnd =
    (remaining !== undefined && remaining < END_SLACK_S) || nearMediaEnd(state, remaining)
  if (
    atMediaEnd &&
    state.waitingSince !== undefined &&
    at - state.waitingSince >= END_WAIT_MS &&
    hasPlayed(state)
  ) {
    // Shaka plays a post-roll on the element's 'ended', which never came: it is lost.
    return contentEnded({ ...next, status: 'paused', waitingSince: undefined })
  }
  if (state.status !== 'loading' || state.startupMs === undefined) {
    return { ...waiting(next, at), status: state.status === 'playing' ? 'buffering' : state.status }
  }
  return next
}

/**
 * During a break the element plays the ad: its time is not the content's (no resume point moves),
 * its end is Shaka's business (the content comes back with 'ad-break-ended'), and a stuck ad is
 * Shaka's to give up on, so the watchdog does not count.
 */
function applyDuringAd(state: PlaybackState, event: PlaybackEvent): PlaybackState {
  const ad = state.ad ?? { index: 0, count: 0, remaining: 0, skipIn: null }
  switch (event.type) {
    case 'ad-started':
      return {
        ...state,
        status: 'loading',
        ad: {
          index: event.index,
          count: event.count,
          remaining: event.duration,
          skipIn: event.skipOffset === null ? null : event.skipOffset,
        },
      }
    case 'ad-progress':
      return {
        ...state,
        ad: {
          ...ad,
          remaining: Math.max(0, event.remaining),
          skipIn:
            ad.skipIn === null || event.skipIn === undefined
              ? ad.skipIn
              : Math.max(0, event.skipIn),
        },
      }
    case 'playing':
      return { ...state, status: 'playing' }
    case 'pause':
      return { ...state, status: 'paused' }
    case 'waiting':
      return { ...state, status: 'buffering' }
    case 'buffering':
      return event.buffering
        ? { ...state, status: 'buffering' }
        : { ...state, status: state.status === 'buffering' ? 'playing' : state.status }
    case 'ad-break-ended':
      // After the post-roll the title is over (the content Shaka loads again at its end is not).
      // Shaka may start the post-roll as the playhead nears the end, before the element's 'ended'.
      if (state.endingAt !== undefined || event.post)
        return contentEnded({ ...state, mode: 'content', ad: undefined, status: 'paused' })
      // The content is loaded again where it stopped; its first 'playing' ends the loading.
      return {
        ...state,
        mode: 'content',
        ad: undefined,
        status: 'loading',
        lastTickTime: -1,
      }
    default:
      return state
  }
}
