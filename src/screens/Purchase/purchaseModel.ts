import type { Translate } from '../../catalogue/offers'
import type { RentalOffer } from '../../entitlements/contract'
import { passName, passPrice } from '../../entitlements/accessLabel'
import { entitlementErrorKey, type EntitlementError } from '../../entitlements/errors'
import { formatPrice } from '../../i18n/format'

/** What is being bought: a title's rental, or the pass a title is in. */
export type Purchase =
  | { kind: 'rental'; titleId: string; offer: RentalOffer }
  | { kind: 'pass'; titleId: string; passId: string }

/**
 * confirm: price and terms, Confirm focused. working: the request is under way (keys ignored).
 * failed: why, and Retry when the same purchase may still go through (same idempotency key).
 */
export type PurchaseStep =
  { step: 'confirm' } | { step: 'working' } | { step: 'failed'; error: EntitlementError }

export interface PurchaseView {
  heading: string
  lines: string[]
  buttons: { id: 'confirm' | 'retry' | 'cancel'; label: string }[]
  /** While working there is nothing to press. */
  busy: boolean
}

/**
 * What the purchase screen shows at each step. A pass without a price (passPrice) only says so,
 * with Back: nothing is sold for an amount the household was not shown.
 */
export function purchaseView(
  purchase: Purchase,
  titleName: string,
  state: PurchaseStep,
  t: Translate,
  language: string,
): PurchaseView {
  const heading =
    purchase.kind === 'rental'
      ? t('purchase.rentHeading', { title: titleName })
      : t('purchase.passHeading', { pass: passName(purchase.passId, t) })
  // A pass the operator gives no price for is not sold here: what it would cost is unknown.
  if (purchase.kind === 'pass' && passPrice(purchase.passId, t) === undefined) {
    return {
      heading,
      lines: [t('purchase.passTerms', { title: titleName }), t('access.passUnpriced')],
      buttons: [{ id: 'cancel', label: t('purchase.back') }],
      busy: false,
    }
  }
  const terms =
    purchase.kind === 'rental'
      ? [
          t('purchase.rentPrice', {
            price: formatPrice(purchase.offer.price.amount, language),
            hours: purchase.offer.windowHours,
          }),
          t('purchase.rentWindow', { hours: purchase.offer.windowHours }),
        ]
      : [
          t('purchase.passTerms', { title: titleName }),
          // The operator's price for its pass (appSettings.offers).
          passPrice(purchase.passId, t)!,
        ]
  const cancel = { id: 'cancel' as const, label: t('purchase.cancel') }
  switch (state.step) {
    case 'confirm':
      return {
        heading,
        lines: [...terms, t('purchase.pinNeeded')],
        buttons: [{ id: 'confirm', label: t('purchase.confirm') }, cancel],
        busy: false,
      }
    case 'working':
      return { heading, lines: [...terms, t('purchase.working')], buttons: [], busy: true }
    case 'failed':
      return {
        heading,
        lines: [...terms, t(entitlementErrorKey(state.error))],
        buttons: state.error.recoverable
          ? [{ id: 'retry', label: t('purchase.retry') }, cancel]
          : [{ id: 'cancel', label: t('purchase.back') }],
        busy: false,
      }
  }
}
