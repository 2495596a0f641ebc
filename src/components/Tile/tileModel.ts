import { offerBadgeLabel, primaryOffer, type Translate } from '../../catalogue/offers'
import type { Title } from '../../catalogue/schema'
import { pickText } from '../../i18n/localize'
import { tileArtwork, type ArtworkRef } from './artwork'

export interface TileModel {
  id: string
  title: string
  /** The image to request and the shape to frame it as; none draws the generated card. */
  artwork?: ArtworkRef
  /** "Film" / "Series" in the UI language, shown on a card that has no poster. */
  kind: string
  badge?: { label: string; offerType: 'free' | 'ads' | 'subscription' | 'rental' }
  isSeries: boolean
}

/** What a tile shows for a title in the current language. */
export function tileModel(title: Title, order: readonly string[], t: Translate): TileModel {
  const offer = primaryOffer(title.offers)
  return {
    id: title.id,
    title: pickText(title.title, order),
    artwork: tileArtwork(title.artwork),
    kind: t(title.kind === 'series' ? 'kind.series' : 'kind.film'),
    badge: offer
      ? { label: offerBadgeLabel(offer, t, order[0] ?? 'fr'), offerType: offer.type }
      : undefined,
    isSeries: title.kind === 'series',
  }
}
