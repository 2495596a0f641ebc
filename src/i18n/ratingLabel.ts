import type { Translate } from '../catalogue/offers'
import type { Classification } from '../catalogue/ratings'

/** Details: "CSA 12 · Kijkwijzer 12", or "Non classé" when the title is not rated. */
export function ratingLabel(classification: Classification, t: Translate): string {
  if (classification.minimumAge === null) return t('rating.notRated')
  return `CSA ${classification.csa}  ·  Kijkwijzer ${classification.kijkwijzer}`
}

/** Billboard: "12 / 12", or "Non classé". */
export function ratingShort(classification: Classification, t: Translate): string {
  if (classification.minimumAge === null) return t('rating.notRated')
  return `${classification.csa} / ${classification.kijkwijzer}`
}
