import { offerBadgeLabel, primaryOffer, type Translate } from '../../catalogue/offers'
import type { Title } from '../../catalogue/schema'
import { pickText } from '../../i18n/localize'

export interface TileModel {
  id: string
  title: string
  poster: string
  badge?: { label: string; offerType: 'free' | 'ads' | 'subscription' | 'rental' }
  isSeries: boolean
}

/** What a tile shows for a title in the current language. */
export function tileModel(title: Title, order: readonly string[], t: Translate): TileModel {
  const offer = primaryOffer(title.offers)
  return {
    id: title.id,
    title: pickText(title.title, order),
    poster: title.artwork.poster ?? title.artwork.backdrop ?? '',
    badge: offer
      ? { label: offerBadgeLabel(offer, t, order[0] ?? 'fr'), offerType: offer.type }
      : undefined,
    isSeries: title.kind === 'series',
  }
}
