import type { Translate } from '../catalogue/offers'
import { formatClock } from '../i18n/format'
import type { AdState } from '../player/playbackState'

/** What the player draws during an ad: "Publicité · 1 sur 2 · 0:12", and the skip button's text. */
export interface AdView {
  heading: string
  /** null: this ad cannot be skipped. */
  skip: string | null
  /** The skip button takes OK now. */
  canSkip: boolean
}

/**
 * Pure: the reducer's ad state in the UI language. `paused`: the household paused the ad; the
 * badge says so, as the overlay does for the content (which it replaces during an ad).
 */
export function adView(ad: AdState, t: Translate, paused = false): AdView {
  const remaining = formatClock(Math.ceil(ad.remaining))
  const label =
    ad.count > 0
      ? t('player.ad.heading', { index: ad.index, count: ad.count, remaining })
      : t('player.ad.label')
  const heading = paused ? `${label} · ${t('player.paused')}` : label
  if (ad.skipIn === null) return { heading, skip: null, canSkip: false }
  const seconds = Math.ceil(ad.skipIn)
  return seconds > 0
    ? { heading, skip: t('player.ad.skipIn', { seconds }), canSkip: false }
    : { heading, skip: t('player.ad.skip'), canSkip: true }
}

/**
 * What to say of an ad, given what was said last (`said`, e.g. "1/2", "1/2 skip", '' out of ads):
 * its heading as it starts, its skip text once it may be skipped; null when nothing is new. An ad
 * takes no focus, so the announcer would otherwise say nothing of it. Pure.
 */
export function adSpeech(
  said: string,
  ad: AdState | undefined,
  view: Pick<AdView, 'heading' | 'skip'> | null,
): { said: string; text: string | null } {
  if (!ad || !view || ad.count === 0) return { said: '', text: null }
  const which = `${ad.index}/${ad.count}`
  const moment = `${which}${ad.skipIn === 0 ? ' skip' : ''}`
  if (moment === said) return { said, text: null }
  const started = said.split(' ')[0] !== which
  return { said: moment, text: started ? view.heading : view.skip }
}
