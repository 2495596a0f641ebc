import {
  onScreen,
  pitch,
  scrollFor,
  tileRect,
  visibleCount,
  type RailGeometry,
} from '../../../src/focus/railLayout'

/** 100 px tiles with 10 px gaps from x = 0 in a 540 px viewport: 5 whole tiles (540 = 5*110-10). */
const FIVE: RailGeometry = {
  x: 0,
  tileWidth: 100,
  tileHeight: 150,
  gap: 10,
  viewportWidth: 540,
}

/** Scrolls through a rail by focusing each index in turn, as pressing Right does. */
function walk(indexes: number[], count: number, g: RailGeometry, start = 0): number[] {
  let first = start
  return indexes.map((index) => (first = scrollFor(index, first, count, g)))
}

describe('railLayout', () => {
  describe('pitch and visibleCount', () => {
    test('pitch is a tile plus a gap', () => {
      expect(pitch(FIVE)).toBe(110)
    })

    test('counts whole tiles only; the last one needs no gap after it', () => {
      expect(visibleCount(FIVE)).toBe(5)
      expect(visibleCount({ ...FIVE, viewportWidth: 539 })).toBe(4)
      expect(visibleCount({ ...FIVE, viewportWidth: 649 })).toBe(5)
      expect(visibleCount({ ...FIVE, viewportWidth: 650 })).toBe(6)
    })

    test('a left margin takes room from the viewport', () => {
      expect(visibleCount({ ...FIVE, x: 110 })).toBe(4)
    })

    test('at least one tile is always visible', () => {
      expect(visibleCount({ ...FIVE, viewportWidth: 50 })).toBe(1)
    })

    test('the real home rail: 96 px margin, 1920 px stage', () => {
      const home = {
        x: 96,
        tileWidth: 200,
        tileHeight: 300,
        gap: 26,
        viewportWidth: 1920,
      }
      // 96 + 8 * 226 - 26 = 1878 <= 1920 < 96 + 9 * 226 - 26
      expect(visibleCount(home)).toBe(8)
    })
  })

  describe('scrollFor', () => {
    test('does not scroll while focus moves inside the viewport short of the look-ahead', () => {
      expect(walk([0, 1, 2, 3], 20, FIVE)).toEqual([0, 0, 0, 0])
    })

    test('scrolls one step at a time, keeping one tile of look-ahead on the right', () => {
      expect(walk([4, 5, 6], 20, FIVE)).toEqual([1, 2, 3])
      // the focused tile is the fourth of five visible ones
      expect(6 - scrollFor(6, 2, 20, FIVE)).toBe(3)
    })

    test('moving left does not scroll until focus reaches the left edge', () => {
      expect(walk([9, 8, 7, 6, 5, 4], 20, FIVE, 6)).toEqual([6, 6, 6, 6, 5, 4])
    })

    test('never scrolls past the end: the last tiles fill the viewport', () => {
      expect(walk([16, 17, 18, 19], 20, FIVE, 13)).toEqual([13, 14, 15, 15])
    })

    test('a rail shorter than the viewport never scrolls', () => {
      expect(walk([0, 1, 2], 3, FIVE)).toEqual([0, 0, 0])
    })

    test('a jump far to the right scrolls straight there', () => {
      expect(scrollFor(12, 0, 20, FIVE)).toBe(9)
    })

    test('a remembered first index past a shrunk list is pulled back', () => {
      expect(scrollFor(2, 10, 6, FIVE)).toBe(1)
    })

    test('with two or fewer visible tiles there is no look-ahead', () => {
      const two = { ...FIVE, viewportWidth: 210 }
      expect(walk([0, 1, 2, 3], 10, two)).toEqual([0, 0, 1, 2])
    })
  })

  describe('tileRect', () => {
    test('places tiles a pitch apart, shifted by the scroll', () => {
      expect(tileRect(0, 0, FIVE)).toEqual({ x: 0, y: 0, w: 100, h: 150 })
      expect(tileRect(3, 0, FIVE, 40)).toEqual({
        x: 330,
        y: 40,
        w: 100,
        h: 150,
      })
      expect(tileRect(3, 2, { ...FIVE, x: 96 })).toEqual({
        x: 96 + 110,
        y: 0,
        w: 100,
        h: 150,
      })
    })

    test('a tile scrolled off to the left has a negative x', () => {
      expect(tileRect(0, 2, FIVE).x).toBe(-220)
    })
  })

  describe('onScreen', () => {
    test('the visible tiles plus the partly visible one after them', () => {
      expect(onScreen(0, 20, FIVE)).toEqual([0, 1, 2, 3, 4, 5])
      expect(onScreen(7, 20, FIVE)).toEqual([7, 8, 9, 10, 11, 12])
    })

    test('stops at the end of the list', () => {
      expect(onScreen(15, 20, FIVE)).toEqual([15, 16, 17, 18, 19])
      expect(onScreen(0, 2, FIVE)).toEqual([0, 1])
    })

    test('an empty list has nothing on screen', () => {
      expect(onScreen(0, 0, FIVE)).toEqual([])
      expect(onScreen(5, 3, FIVE)).toEqual([])
    })
  })
})
