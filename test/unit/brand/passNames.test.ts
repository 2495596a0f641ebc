import { withOperatorOffers } from '../../../src/brand/passNames'
import { passName } from '../../../src/entitlements/accessLabel'
import { purchaseView } from '../../../src/screens/Purchase/purchaseModel'
import { validateAppSettings } from '../../../src/config/validate'

const appT = (key: string) =>
  ({ 'access.passName.movies-series': 'Pass Films & Séries', 'access.passName.default': 'Pass' })[
    key
  ] ?? key

describe("the operator's passes", () => {
  const { config } = validateAppSettings({
    offers: {
      passes: {
        'movies-series': { name: { fr: 'Pass Meuse Ciné' }, price: '9,99 € / mois' },
        kids: { name: { fr: 'Pass Kids' } },
      },
    },
  })
  let language = 'fr'
  const t = withOperatorOffers(appT, config.offers, () => language)

  test("its name in the UI language, else the app's", () => {
    language = 'fr'
    expect(passName('movies-series', t)).toBe('Pass Meuse Ciné')
    language = 'nl'
    expect(passName('movies-series', t)).toBe('Pass Films & Séries')
    expect(passName('sport', t)).toBe('Pass')
  })

  test('its price on the purchase screen; a pass without one is not sold there', () => {
    language = 'fr'
    const view = (passId: string, translate = t) =>
      purchaseView(
        { kind: 'pass', titleId: 'x', passId },
        'Rosetta',
        { step: 'confirm' },
        translate,
        'fr',
      )
    expect(view('movies-series').lines).toContain('9,99 € / mois')
    expect(view('movies-series').buttons.map((b) => b.id)).toEqual(['confirm', 'cancel'])
    // No price: given as '' ("kids"), a pass the operator does not list, or no operator offers.
    for (const unpriced of [view('kids'), view('sport'), view('movies-series', appT)]) {
      expect(unpriced.lines).toContain('access.passUnpriced')
      expect(unpriced.lines.some((line) => line.startsWith('access.passPrice'))).toBe(false)
      expect(unpriced.buttons.map((b) => b.id)).toEqual(['cancel'])
    }
  })
})
