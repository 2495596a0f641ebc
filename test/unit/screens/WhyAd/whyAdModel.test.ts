import { segmentLabel, whyAdModel } from '../../../../src/screens/WhyAd/whyAdModel'
import translations from '../../../../static/translations.json'

const fr = translations.fr as Record<string, string>
const t = (key: string, values?: Record<string, string | number>) =>
  (fr[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''))
const brands = (id: string) => ({ rtbf: 'RTBF' })[id]

describe('Pourquoi cette publicité ?', () => {
  test('segments in words, in French', () => {
    expect(
      ['genre-drama', 'lang-nl', 'brand-rtbf', 'daypart-evening', 'brand-x', 'odd'].map((id) =>
        segmentLabel(id, t, brands),
      ),
    ).toEqual([
      'Genre : Drames',
      'Langue : néerlandais',
      'Marque : RTBF',
      'Moment : le soir',
      'Marque : x',
      'odd',
    ])
  })

  test('personalised: the segments and how to turn them off here', () => {
    const model = whyAdModel(
      { personalised: true, segments: ['genre-drama'] },
      { kids: false },
      t,
      brands,
    )
    expect(model.intro).toBe(fr['whyAd.personalised'])
    expect(model.segments).toEqual(['Genre : Drames'])
    expect(model.canTurnOff).toBe(true)
    expect(model.howOff).toContain('Désactiver la publicité personnalisée')
  })

  test('not personalised, no segments yet, and kids each say so', () => {
    const off = { personalised: false, segments: [] }
    expect(whyAdModel(off, { kids: false }, t, brands)).toMatchObject({
      intro: fr['whyAd.notPersonalised'],
      segments: [],
      canTurnOff: false,
    })
    expect(whyAdModel(off, { kids: true }, t, brands).intro).toBe(fr['whyAd.kids'])
    expect(whyAdModel({ personalised: true, segments: [] }, { kids: false }, t, brands).intro).toBe(
      fr['whyAd.noSegments'],
    )
  })
})
