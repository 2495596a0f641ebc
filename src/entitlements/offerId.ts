import type { Offer } from '../catalogue/schema'

export type OfferId = 'free' | 'ads' | 'rental' | `pass:${string}`

/**
 * The id a purchase names its offer by. Catalogue offers carry no id of their own; a title has at
 * most one rental offer, so 'rental' is enough, and a pass is named by its pass id.
 */
export function offerId(offer: Offer): OfferId {
  return offer.type === 'subscription' ? `pass:${offer.pass}` : offer.type
}
