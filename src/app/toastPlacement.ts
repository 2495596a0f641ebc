import { NOTICE_HEIGHT } from '../components/Notice/Notice'

export type ToastPlacement = 'top' | 'bottom'

/** Above the catalogue notice, in the bottom-right corner. */
const BOTTOM_Y = 1080 - 96
/**
 * Below the player's title, subtitle and badge row, and far above its times and progress bar,
 * which the bottom corner would cover.
 */
const TOP_Y = 220

/** The y of the toast's bottom edge (it is mounted at its bottom-right). */
export function toastY(placement: ToastPlacement): number {
  return placement === 'top' ? TOP_Y : BOTTOM_Y
}

/** The vertical band a toast at this placement covers, for layout checks. */
export function toastBand(placement: ToastPlacement): { top: number; bottom: number } {
  const bottom = toastY(placement)
  return { top: bottom - NOTICE_HEIGHT, bottom }
}
