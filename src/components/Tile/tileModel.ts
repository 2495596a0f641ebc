import type { Translate } from '../../catalogue/offers'
import type { Classification } from '../../catalogue/ratings'
import type { Title } from '../../catalogue/schema'
import type { Access } from '../../entitlements/access'
import { accessBadge } from '../../entitlements/accessLabel'
import { pickText } from '../../i18n/localize'
import { tileArtwork, type ArtworkRef } from './artwork'

export type BadgeType = 'free' | 'ads' | 'subscription' | 'rental'

export interface TileModel {
  id: string
  title: string
  /** The image to request and the shape to frame it as; none draws the generated card. */
  artwork?: ArtworkRef
  /** "Film" / "Series" in the UI language, shown on a card that has no poster. */
  kind: string
  badge?: { label: string; offerType: BadgeType }
  isSeries: boolean
  /** Said aloud by the announcer (its words are made only then). */
  rating?: Classification
}

/** The badge colour of what applies: held and to-get forms of an offer share their colour. */
const BADGE_TYPE: Record<Exclude<Access['kind'], 'unknown'>, BadgeType> = {
  free: 'free',
  ads: 'ads',
  pass: 'subscription',
  subscribe: 'subscription',
  rented: 'rental',
  rent: 'rental',
}

/**
 * What a tile shows for a title in the current language, for this household's rights; no badge
 * while they are unknown (neither a price nor "Pass" for what may be held already).
 */
export function tileModel(
  title: Title,
  order: readonly string[],
  t: Translate,
  access: Access,
): TileModel {
  const label = accessBadge(access, t, order[0] ?? 'fr')
  return {
    id: title.id,
    title: pickText(title.title, order),
    artwork: tileArtwork(title.artwork),
    kind: t(title.kind === 'series' ? 'kind.series' : 'kind.film'),
    badge:
      label === undefined || access.kind === 'unknown'
        ? undefined
        : { label, offerType: BADGE_TYPE[access.kind] },
    isSeries: title.kind === 'series',
    rating: title.classification,
  }
}
