import type { Translate } from '../catalogue/offers'
import type { PlaybackState } from './playbackState'

/**
 * A start still loading after this (or half the stall timeout, when that is shorter) says the
 * server is slow, not only "loading".
 */
export const SLOW_START_MS = 8000

/**
 * The player's state line: loading, paused, or nothing while it plays. A start that has waited
 * SLOW_START_MS says the server (or, on a channel, the channel) is slow to answer: before, a
 * silent channel showed "Chargement de la vidéo…" for the 20 s until its error.
 */
export function loadingLabel(
  state: Pick<PlaybackState, 'status' | 'openedAt' | 'stallTimeoutMs'>,
  now: number,
  live: boolean,
  t: Translate,
): string {
  switch (state.status) {
    case 'loading':
      if (now - state.openedAt >= Math.min(SLOW_START_MS, state.stallTimeoutMs / 2))
        return t(live ? 'player.slowChannel' : 'player.slowStart')
      return t('player.loading')
    case 'buffering':
      return t('player.loading')
    case 'paused':
      return t('player.paused')
    default:
      return ''
  }
}
