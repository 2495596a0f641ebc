import type { Translate } from '../catalogue/offers'
import type { Offer } from '../catalogue/schema'
import { formatPrice, formatShortDate } from '../i18n/format'
import type { WallZone } from '../i18n/wallZone'
import type { Access } from './access'

/**
 * What the details screen says about a title's access ("Loué jusqu'au mer. 3 déc. 21:40"), and
 * the short badge a tile has room for ("Loué"). Keys: `access.*` in static/translations.json.
 */
export function accessLabel(
  access: Access,
  t: Translate,
  language: string,
  zone: WallZone,
): string {
  switch (access.kind) {
    case 'free':
      return t('access.free')
    case 'ads':
      return t('access.ads')
    case 'pass':
      return t('access.pass')
    case 'rented':
      return access.until === null
        ? t('access.rentedNotStarted', { hours: access.rental.windowHours })
        : t('access.rentedUntil', { date: formatShortDate(access.until, language, zone) })
    case 'rent':
      return t('access.rent', {
        price: formatPrice(access.offer.price.amount, language),
        hours: access.offer.windowHours,
      })
    case 'subscribe':
      // A pass whose price the operator does not give is not sold here: said, not offered.
      return passPrice(access.passId, t) === undefined
        ? t('access.subscribeUnpriced', { pass: passName(access.passId, t) })
        : t('access.subscribe', { pass: passName(access.passId, t) })
    case 'unknown':
      // Neither held nor for sale: the household may have bought it already.
      return t(access.failed ? 'access.uncheckedLabel' : 'access.checking')
  }
}

/** Undefined while the household's rights are unknown: a tile then shows no badge at all. */
export function accessBadge(access: Access, t: Translate, language: string): string | undefined {
  switch (access.kind) {
    case 'free':
      return t('access.free')
    case 'ads':
      return t('access.adsBadge')
    case 'pass':
      return t('access.passBadge')
    case 'rented':
      return t('access.rentedBadge')
    case 'rent':
      return formatPrice(access.offer.price.amount, language)
    case 'subscribe':
      return t('access.subscribeBadge')
    case 'unknown':
      return undefined
  }
}

/**
 * A pass's name: `access.passName.<passId>`, or the generic one for a pass the translations do
 * not name (the SDK answers a missing key with the key itself).
 */
export function passName(passId: string, t: Translate): string {
  const key = `access.passName.${passId}`
  const name = t(key)
  return name && name !== key ? name : t('access.passName.default')
}

/**
 * What a pass costs as the operator writes it ("9,99 € / mois", `appSettings.offers.passes.<id>
 * .price`, read through `access.passPrice.<id>`: brand/passNames.ts), or undefined when it gives
 * none. A pass without a price is not sold on the box: the household would agree to an amount
 * it was never shown (a subscription request carries no price for the service to check).
 */
export function passPrice(passId: string, t: Translate): string | undefined {
  const key = `access.passPrice.${passId}`
  const price = t(key).trim()
  return price && price !== key ? price : undefined
}

/**
 * The ways to get a title the household cannot play yet: rent it, take the pass it is in; or,
 * for a pass without a price (passPrice), 'unpriced', which says so and sells nothing.
 */
export function acquireButtons(
  title: { offers: readonly Offer[] },
  t: Translate,
  language: string,
): AcquireButton[] {
  const buttons: AcquireButton[] = []
  for (const offer of title.offers) {
    if (offer.type === 'rental') {
      const price = formatPrice(offer.price.amount, language)
      buttons.push({ id: 'rent', label: t('details.rent', { price, hours: offer.windowHours }) })
    } else if (offer.type === 'subscription') {
      buttons.push(
        passPrice(offer.pass, t) === undefined
          ? { id: 'unpriced', label: t('access.passUnpriced') }
          : { id: 'subscribe', label: t('details.subscribe') },
      )
    }
  }
  return buttons
}

export interface AcquireButton {
  /** 'unpriced': a pass not sold here; pressing it does nothing. */
  id: 'rent' | 'subscribe' | 'unpriced'
  label: string
}
