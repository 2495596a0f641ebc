import { BRAND_GAP, brandWrapWidth } from '../../../../src/screens/Home/brandWidth'

describe("the operator's name beside the top bar's menu", () => {
  test('a name that fits is left as drawn (no second drawing at start)', () => {
    expect(brandWrapWidth(1728, 1100, 300, 0)).toBeUndefined()
  })

  test('a name longer than the room left by the menu is cut to that room', () => {
    expect(brandWrapWidth(1728, 1100, 1500, 0)).toBe(1728 - 1100 - BRAND_GAP)
  })

  test('a cut name follows the menu when it grows or shrinks (a longer profile name)', () => {
    const room = 1728 - 1100 - BRAND_GAP
    expect(brandWrapWidth(1728, 1100, room, room)).toBeUndefined()
    expect(brandWrapWidth(1728, 1200, room, room)).toBe(room - 100)
  })

  test('nothing is decided before the menu is laid out', () => {
    expect(brandWrapWidth(1728, 0, 1500, 0)).toBeUndefined()
  })
})
