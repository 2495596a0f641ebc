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
      return t('access.subscribe', { pass: passName(access.passId, t) })
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

/** The ways to get a title the household cannot play yet: rent it, take the pass it is in. */
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
      buttons.push({ id: 'subscribe', label: t('details.subscribe') })
    }
  }
  return buttons
}

export interface AcquireButton {
  id: 'rent' | 'subscribe'
  label: string
}
