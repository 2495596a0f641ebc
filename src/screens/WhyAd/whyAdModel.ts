import type { AdTargeting } from '../../consent/adTargeting'

type T = (key: string, values?: Record<string, string | number>) => string

export interface WhyAdModel {
  title: string
  /** Why the ads are what they are for this profile. */
  intro: string
  /** The segments used, in words ("Genre : Drames"), in the order they were sent. */
  segments: string[]
  /** How to switch them off. */
  howOff: string
  /** Whether the screen offers to turn personalised advertising off here. */
  canTurnOff: boolean
}

/** One segment id in words; an id the app does not know stays as it is. */
export function segmentLabel(id: string, t: T, brandName: (id: string) => string | undefined) {
  const dash = id.indexOf('-')
  const kind = id.slice(0, dash)
  const value = id.slice(dash + 1)
  const named = (key: string, fallback: string) => {
    const text = t(key)
    return text && text !== key ? text : fallback
  }
  switch (kind) {
    case 'genre':
      return t('whyAd.segment.genre', { name: named(`genre.${value}`, value) })
    case 'lang':
      return t('whyAd.segment.lang', { name: named(`lang.${value}`, value) })
    case 'brand':
      return t('whyAd.segment.brand', { name: brandName(value) ?? value })
    case 'daypart':
      return t('whyAd.segment.daypart', { name: named(`daypart.${value}`, value) })
    default:
      return id
  }
}

/** What "Pourquoi cette publicité ?" says for the profile watching. Pure. */
export function whyAdModel(
  targeting: AdTargeting,
  profile: { kids: boolean },
  t: T,
  brandName: (id: string) => string | undefined,
): WhyAdModel {
  const segments = targeting.segments.map((id) => segmentLabel(id, t, brandName))
  const intro = profile.kids
    ? t('whyAd.kids')
    : !targeting.personalised
      ? t('whyAd.notPersonalised')
      : segments.length
        ? t('whyAd.personalised')
        : t('whyAd.noSegments')
  return {
    title: t('whyAd.title'),
    intro,
    segments,
    howOff: targeting.personalised ? t('whyAd.howOff') : t('whyAd.howOn'),
    canTurnOff: targeting.personalised,
  }
}
