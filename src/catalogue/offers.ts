import { formatPrice } from '../i18n/format'
import type { Offer } from './schema'

export type Translate = (key: string, values?: Record<string, string | number>) => string

/** The offer a tile advertises: the one that costs the viewer least to start watching. */
export function primaryOffer(offers: readonly Offer[]): Offer | undefined {
  const rank: Record<Offer['type'], number> = { free: 0, ads: 1, subscription: 2, rental: 3 }
  return [...offers].sort((a, b) => rank[a.type] - rank[b.type])[0]
}

export function offerLabel(offer: Offer, t: Translate, language: string): string {
  switch (offer.type) {
    case 'free':
      return t('offer.free')
    case 'ads':
      return t('offer.ads')
    case 'subscription':
      return t('offer.subscription')
    case 'rental':
      return t('offer.rental', { price: formatPrice(offer.price.amount, language) })
  }
}

/** Tile badges are small: the pass is just "Pass", everything else as offerLabel. */
export function offerBadgeLabel(offer: Offer, t: Translate, language: string): string {
  return offer.type === 'subscription'
    ? t('offer.subscriptionShort')
    : offerLabel(offer, t, language)
}

/** Longer wording for the details screen, with the rental window. */
export function offerDescription(offer: Offer, t: Translate, language: string): string {
  if (offer.type === 'rental') {
    return t('offer.rentalWindow', {
      price: formatPrice(offer.price.amount, language),
      hours: offer.windowHours,
    })
  }
  return offerLabel(offer, t, language)
}
