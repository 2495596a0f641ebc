/**
 * Playback quality of one viewing, aggregated from a small event type of its own (the player's
 * events and Shaka's stats are mapped to it, see playbackQoe.ts). Pure: `reduceQoe` folds events,
 * `qoeReport` reads the figures the collector gets. Times are the events' clock in ms.
 */
export type QoeKind = 'vod' | 'live' | 'replay'

export type QoeInput =
  | { type: 'open'; at: number; itemId: string; kind: QoeKind }
  /** Frames are moving (the first one ends the start-up time). */
  | { type: 'playing'; at: number }
  | { type: 'paused'; at: number }
  /** Waiting for data (true) or not any more (false). */
  | { type: 'buffering'; at: number; buffering: boolean }
  /** The variant (quality level) playing, bits/s, from Shaka's stats or adaptation events. */
  | { type: 'bitrate'; at: number; bandwidth: number }
  /** Shaka's cumulative count of dropped frames. */
  | { type: 'frames'; at: number; dropped: number }
  | { type: 'error'; at: number; code: number; severity: 'recoverable' | 'critical' }
  /** An ad break: its time counts neither as content played nor as rebuffering. */
  | { type: 'ad'; at: number; playing: boolean }
  | { type: 'end'; at: number; outcome: QoeOutcome }

export type QoeOutcome = 'completed' | 'stopped' | 'failed'

type Phase = 'idle' | 'starting' | 'playing' | 'paused' | 'rebuffering' | 'ad' | 'ended'

export interface QoeState {
  phase: Phase
  /** The phase an ad break interrupted. */
  beforeAd: Phase
  itemId: string
  kind: QoeKind
  openedAt: number
  lastAt: number
  startupMs: number | null
  playedMs: number
  rebufferMs: number
  rebufferCount: number
  bandwidth: number | null
  bitrateSwitches: number
  /** Sum of bandwidth x ms played while the bandwidth was known, and those ms. */
  bitrateWeighted: number
  bitrateMs: number
  droppedFrames: number
  errors: { code: number; severity: 'recoverable' | 'critical' }[]
  /** A critical error since frames last moved: leaving now is a failure, not a choice. */
  failing: boolean
  outcome: QoeOutcome | null
}

/** Errors kept per viewing: a stream that keeps failing says so in the first few. */
export const MAX_ERRORS = 20

export const initialQoe: QoeState = {
  phase: 'idle',
  beforeAd: 'idle',
  itemId: '',
  kind: 'vod',
  openedAt: 0,
  lastAt: 0,
  startupMs: null,
  playedMs: 0,
  rebufferMs: 0,
  rebufferCount: 0,
  bandwidth: null,
  bitrateSwitches: 0,
  bitrateWeighted: 0,
  bitrateMs: 0,
  droppedFrames: 0,
  errors: [],
  failing: false,
  outcome: null,
}

/** Counts the time since the last event in the phase it was spent in. */
function advance(state: QoeState, at: number): QoeState {
  // An event stamped before the last one (sources merged out of order) adds no time.
  if (!(at > state.lastAt)) return state
  const dt = at - state.lastAt
  if (state.phase === 'playing') {
    const known = state.bandwidth !== null
    return {
      ...state,
      lastAt: at,
      playedMs: state.playedMs + dt,
      bitrateWeighted: state.bitrateWeighted + (known ? state.bandwidth! * dt : 0),
      bitrateMs: state.bitrateMs + (known ? dt : 0),
    }
  }
  if (state.phase === 'rebuffering')
    return { ...state, lastAt: at, rebufferMs: state.rebufferMs + dt }
  return { ...state, lastAt: at }
}

export function reduceQoe(previous: QoeState, event: QoeInput): QoeState {
  if (event.type === 'open') {
    return {
      ...initialQoe,
      phase: 'starting',
      itemId: event.itemId,
      kind: event.kind,
      openedAt: event.at,
      lastAt: event.at,
    }
  }
  if (previous.phase === 'idle' || previous.phase === 'ended') return previous
  const state = advance(previous, event.at)
  switch (event.type) {
    case 'playing':
      if (state.phase === 'ad') return { ...state, beforeAd: 'playing' }
      return {
        ...state,
        phase: 'playing',
        failing: false,
        startupMs: state.startupMs ?? Math.max(0, Math.round(event.at - state.openedAt)),
      }
    case 'paused':
      return state.phase === 'playing' || state.phase === 'rebuffering'
        ? { ...state, phase: 'paused' }
        : state
    case 'buffering':
      if (event.buffering && state.phase === 'playing')
        return { ...state, phase: 'rebuffering', rebufferCount: state.rebufferCount + 1 }
      if (!event.buffering && state.phase === 'rebuffering') return { ...state, phase: 'playing' }
      return state
    case 'bitrate': {
      if (!(event.bandwidth > 0) || event.bandwidth === state.bandwidth) return state
      const switched = state.bandwidth !== null
      return {
        ...state,
        bandwidth: event.bandwidth,
        bitrateSwitches: state.bitrateSwitches + (switched ? 1 : 0),
      }
    }
    case 'frames':
      return event.dropped > state.droppedFrames
        ? { ...state, droppedFrames: event.dropped }
        : state
    case 'error': {
      const failing = state.failing || event.severity === 'critical'
      return state.errors.length >= MAX_ERRORS
        ? { ...state, failing }
        : {
            ...state,
            failing,
            errors: [...state.errors, { code: event.code, severity: event.severity }],
          }
    }
    case 'ad':
      if (event.playing && state.phase !== 'ad')
        return { ...state, phase: 'ad', beforeAd: state.phase }
      if (!event.playing && state.phase === 'ad') return { ...state, phase: state.beforeAd }
      return state
    case 'end':
      return {
        ...state,
        phase: 'ended',
        outcome: event.outcome === 'stopped' && state.failing ? 'failed' : event.outcome,
      }
  }
}

export interface QoeReport {
  itemId: string
  kind: QoeKind
  startupMs: number | null
  playedSeconds: number
  rebufferSeconds: number
  rebufferCount: number
  rebufferRatio: number
  bitrateSwitches: number
  averageBitrateKbps: number | null
  droppedFrames: number
  errors: { code: number; severity: 'recoverable' | 'critical' }[]
  outcome: QoeOutcome
}

const tenths = (ms: number) => Math.round(ms / 100) / 10

/** The figures of a viewing; a viewing never opened gives null. */
export function qoeReport(state: QoeState): QoeReport | null {
  if (state.phase === 'idle') return null
  const watched = state.playedMs + state.rebufferMs
  return {
    itemId: state.itemId,
    kind: state.kind,
    startupMs: state.startupMs,
    playedSeconds: tenths(state.playedMs),
    rebufferSeconds: tenths(state.rebufferMs),
    rebufferCount: state.rebufferCount,
    rebufferRatio: watched > 0 ? Math.round((state.rebufferMs / watched) * 10_000) / 10_000 : 0,
    bitrateSwitches: state.bitrateSwitches,
    averageBitrateKbps:
      state.bitrateMs > 0 ? Math.round(state.bitrateWeighted / state.bitrateMs / 1000) : null,
    droppedFrames: state.droppedFrames,
    errors: state.errors,
    outcome: state.outcome ?? (state.failing ? 'failed' : 'stopped'),
  }
}
