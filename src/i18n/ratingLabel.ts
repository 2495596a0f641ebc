import type { Translate } from '../catalogue/offers'
import type { Classification } from '../catalogue/ratings'
import { ratingDisplay } from '../parental/ratingDisplay'

/**
 * Details, in the UI language's rating system: "CSA -12", "Kijkwijzer 12 · Geweld, Angst",
 * "GoedGezien AL"; "Non classé" when the title is not rated.
 */
export function ratingLabel(
  classification: Classification,
  t: Translate,
  language: string,
): string {
  const display = ratingDisplay(classification, language, t)
  if (display.notRated) return display.sign
  const sign = `${display.systemName} ${display.sign}`
  const descriptors = display.descriptors.map((descriptor) => descriptor.label).join(', ')
  return descriptors ? `${sign}  ·  ${descriptors}` : sign
}

/** Billboard and meta lines: the sign alone ("-12", "12", "Tous publics"), or "Non classé". */
export function ratingShort(
  classification: Classification,
  t: Translate,
  language: string,
): string {
  return ratingDisplay(classification, language, t).sign
}
