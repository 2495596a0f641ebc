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
      passes: { 'movies-series': { name: { fr: 'Pass Meuse Ciné' }, price: '9,99 € / mois' } },
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

  test('its price on the purchase screen, nothing when it gives none', () => {
    language = 'fr'
    const view = purchaseView(
      { kind: 'pass', titleId: 'x', passId: 'movies-series' },
      'Rosetta',
      { step: 'confirm' },
      t,
      'fr',
    )
    expect(view.lines).toContain('9,99 € / mois')
    const plain = purchaseView(
      { kind: 'pass', titleId: 'x', passId: 'movies-series' },
      'Rosetta',
      { step: 'confirm' },
      appT,
      'fr',
    )
    expect(plain.lines.some((line) => line.startsWith('access.passPrice'))).toBe(false)
    expect(plain.lines).toHaveLength(view.lines.length - 1)
  })
})
