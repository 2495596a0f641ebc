import type { Translate } from '../catalogue/offers'

/** A start on a slow box draws home within this; a message before it would only flash. */
export const LOADING_MESSAGE_AFTER_MS = 1500

/**
 * What the screen says while the first catalogue is on its way, '' for nothing. Until it arrives
 * nothing else is drawn, and a backend that never answers keeps the screen empty through every
 * try (three of eight seconds with the shipped settings): the household sees that the app is
 * loading, and once the first try is over that the backend is slow and it is trying again.
 */
export function loadingMessage(
  status: string,
  elapsedMs: number,
  timeoutMs: number,
  t: Translate,
): string {
  if (status !== 'loading' || elapsedMs < LOADING_MESSAGE_AFTER_MS) return ''
  return elapsedMs < timeoutMs ? t('app.loading') : t('app.loadingSlow')
}
