import {
  offerDescription,
  offerLabel,
  primaryOffer,
  type Translate,
} from '../../../src/catalogue/offers'
import type { Offer } from '../../../src/catalogue/schema'

/** Shows which key was asked for with which values. */
const t: Translate = (key, values) => key + JSON.stringify(values ?? {})

const FREE: Offer = { type: 'free' }
const ADS: Offer = { type: 'ads' }
const PASS: Offer = { type: 'subscription', pass: 'movies-series' }
const RENTAL: Offer = {
  type: 'rental',
  price: { amount: 3.99, currency: 'EUR' },
  windowHours: 48,
}

describe('primaryOffer', () => {
  test('the offer that costs the viewer least: free, then ads, then a pass, then a rental', () => {
    expect(primaryOffer([RENTAL, PASS, ADS, FREE])).toBe(FREE)
    expect(primaryOffer([RENTAL, PASS, ADS])).toBe(ADS)
    expect(primaryOffer([RENTAL, PASS])).toBe(PASS)
    expect(primaryOffer([RENTAL])).toBe(RENTAL)
  })

  test('does not reorder the offers given', () => {
    const offers = [RENTAL, FREE]
    primaryOffer(offers)
    expect(offers).toEqual([RENTAL, FREE])
  })

  test('no offers gives undefined', () => {
    expect(primaryOffer([])).toBeUndefined()
  })
})

describe('offerLabel', () => {
  test('each offer type has its own key', () => {
    expect(offerLabel(FREE, t, 'fr')).toBe('offer.free{}')
    expect(offerLabel(ADS, t, 'fr')).toBe('offer.ads{}')
    expect(offerLabel(PASS, t, 'fr')).toBe('offer.subscription{}')
  })

  test('a rental shows its price in the viewer’s convention', () => {
    expect(offerLabel(RENTAL, t, 'fr')).toBe('offer.rental{"price":"3,99 €"}')
    expect(offerLabel(RENTAL, t, 'en')).toBe('offer.rental{"price":"€3.99"}')
  })
})

describe('offerDescription', () => {
  test('a rental says its price and how long it can be watched', () => {
    expect(offerDescription(RENTAL, t, 'nl')).toBe(
      'offer.rentalWindow{"price":"3,99 €","hours":48}',
    )
  })

  test('other offers read as their label', () => {
    expect(offerDescription(PASS, t, 'fr')).toBe('offer.subscription{}')
  })
})
