import type { Translate } from '../catalogue/offers'
import type { AppConfig } from '../config/defaults'

const PASS_NAME = 'access.passName.'
const PASS_PRICE = 'access.passPrice.'

/**
 * Translation with the operator's own pass names (appSettings.offers.passes.<id>.name) in front
 * of the app's translations: "access.passName.<id>" reads the operator's name in the UI language,
 * else the app's; "access.passPrice.<id>" its price as the operator writes it, or ''. Everything
 * else is the app's translation unchanged.
 */
export function withOperatorOffers(
  t: Translate,
  offers: AppConfig['offers'],
  language: () => string,
): Translate {
  return (key, values) => {
    if (key.startsWith(PASS_NAME)) {
      const pass = offers.passes[key.slice(PASS_NAME.length)]
      const name = pass?.name[language() as keyof typeof pass.name]
      if (name) return name
    }
    if (key.startsWith(PASS_PRICE)) return offers.passes[key.slice(PASS_PRICE.length)]?.price ?? ''
    return t(key, values)
  }
}
