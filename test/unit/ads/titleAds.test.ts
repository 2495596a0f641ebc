import { adsOfItem } from '../../../src/ads/titleAds'

describe('adsOfItem', () => {
  test("the item's own ads first: a VMAP, or its own breaks", () => {
    expect(adsOfItem({ ads: { vmap: 'ads/vmap?pre=pub-velo' } })).toEqual({
      vmap: 'ads/vmap?pre=pub-velo',
    })
    expect(adsOfItem({ ads: { breaks: [0, 300] }, adBreaks: [60] })).toEqual({ breaks: [0, 300] })
  })

  test('a VMAP without breaks of its own takes the adBreaks as the opportunities "#m" names', () => {
    expect(adsOfItem({ ads: { vmap: 'v' }, adBreaks: [60] })).toEqual({ vmap: 'v', breaks: [60] })
    expect(adsOfItem({ ads: { vmap: 'v', breaks: [30] }, adBreaks: [60] })).toEqual({
      vmap: 'v',
      breaks: [30],
    })
  })

  test("a Direct Publisher feed's adBreaks become breaks asking the operator's tag", () => {
    expect(adsOfItem({ adBreaks: [0, 600, 1200] })).toEqual({ breaks: [0, 600, 1200] })
    expect(adsOfItem({ ads: {}, adBreaks: [600] })).toEqual({ breaks: [600] })
  })

  test('nothing: no ads', () => {
    expect(adsOfItem({})).toBeUndefined()
    expect(adsOfItem({ adBreaks: [] })).toBeUndefined()
  })
})
