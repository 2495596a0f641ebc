import { orderRails } from '../../../src/brand/railOrder'
import { homeRails } from '../../../src/state/homeRails'
import type { RailSpec } from '../../../src/catalogue/rails'

const rail = (id: string) => ({ id })
const ids = (rails: readonly { id: string }[]) => rails.map((r) => r.id)
const rails = ['made-in-belgium', 'films', 'brand-rtbf', 'brand-vrt', 'genre-drama'].map(rail)

describe('orderRails', () => {
  test('no order: every rail as it comes', () => {
    expect(ids(orderRails(rails, []))).toEqual(ids(rails))
  })

  test("the operator's order, a prefix for a family, unnamed rails left out", () => {
    expect(ids(orderRails(rails, ['genre-drama', 'brand-*', 'films']))).toEqual([
      'genre-drama',
      'brand-rtbf',
      'brand-vrt',
      'films',
    ])
  })

  test('an id no rail has is skipped, a rail named twice shows once', () => {
    expect(ids(orderRails(rails, ['films', 'live-now', 'films', 'f*']))).toEqual(['films'])
  })

  test("home applies it to the profile's rails too", () => {
    const title = { id: 't', classification: { minimumAge: 0 } } as unknown as RailSpec['items'][0]
    const spec = (id: string): RailSpec =>
      ({ id, titleKey: id, titleValues: {}, items: [title] }) as RailSpec
    const home = homeRails({
      rails: [spec('films'), spec('genre-drama')],
      continueWatching: [title],
      myList: [title],
      viewer: { kids: false, maxAge: null },
      order: ['films', 'continue-watching'],
    })
    expect(ids(home)).toEqual(['films', 'continue-watching'])
  })
})
