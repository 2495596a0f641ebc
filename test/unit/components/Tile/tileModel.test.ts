import type { Translate } from '../../../../src/catalogue/offers'
import { tileModel } from '../../../../src/components/Tile/tileModel'
import { fallbackOrder } from '../../../../src/i18n/localize'
import { laTreve, makeFilm, rosetta } from '../../catalogue/fixture'

const t: Translate = (key, values) => key + JSON.stringify(values ?? {})
const FREE = { kind: 'free' as const }
const order = (language: string) => fallbackOrder(language, ['en', 'fr', 'nl', 'de'])

describe('tileModel', () => {
  test('a film: id, title in the UI language, poster, kind and its offer badge', () => {
    expect(tileModel(rosetta(), order('nl'), t, FREE)).toEqual({
      id: 'rosetta',
      title: 'Rosetta',
      artwork: { src: 'static/artwork/posters/rosetta.jpg', shape: 'portrait' },
      kind: 'kind.film{}',
      badge: { label: 'access.free{}', offerType: 'free' },
      isSeries: false,
      // The title's own classification, for the announcer to word only when it speaks.
      rating: rosetta().classification,
    })
  })

  test('no badge while the household’s rights are unknown: neither a price nor a pass to take', () => {
    const unknown = { kind: 'unknown' as const, failed: false }
    expect(tileModel(rosetta(), order('fr'), t, unknown).badge).toBeUndefined()
  })

  test('a series is marked as one', () => {
    expect(tileModel(laTreve(), order('fr'), t, FREE).isSeries).toBe(true)
    expect(tileModel(laTreve(), order('fr'), t, FREE).kind).toBe('kind.series{}')
  })

  test('a feed item with only a 16:9 thumbnail asks for it as a landscape image', () => {
    const film = makeFilm('thumb', { artwork: { backdrop: 'https://cdn.example/t.jpg' } })
    expect(tileModel(film, order('fr'), t, FREE).artwork).toEqual({
      src: 'https://cdn.example/t.jpg',
      shape: 'landscape',
    })
  })

  test('no artwork at all asks for nothing (the tile draws its card)', () => {
    const film = makeFilm('bare', { artwork: {} })
    expect(tileModel(film, order('fr'), t, FREE).artwork).toBeUndefined()
  })

  test('the title follows the language order, falling back when missing', () => {
    expect(tileModel(laTreve(), order('en'), t, FREE).title).toBe('The Break')
    expect(tileModel(laTreve(), order('fr'), t, FREE).title).toBe('La Trêve')
    // no German title: English comes next in the chain
    expect(tileModel(laTreve(), order('de'), t, FREE).title).toBe('The Break')
  })

  test('the badge says what applies to this household, a rental priced for the UI language', () => {
    const rental = { type: 'rental', price: { amount: 3.99, currency: 'EUR' }, windowHours: 48 }
    const film = makeFilm('x', { offers: [rental] })
    const rent = { kind: 'rent' as const, offer: film.offers[0] as never }
    expect(tileModel(film, order('en'), t, rent).badge).toEqual({
      label: expect.stringContaining('€3.99'),
      offerType: 'rental',
    })
    expect(tileModel(film, order('nl'), t, rent).badge?.label).toContain('3,99 €')
    const held = { kind: 'pass' as const, passId: 'p', activeUntil: null }
    expect(tileModel(film, order('fr'), t, held).badge).toEqual({
      label: 'access.passBadge{}',
      offerType: 'subscription',
    })
  })
})
