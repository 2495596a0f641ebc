import { keepInView, virtualWindow } from '../../../src/focus/virtualWindow'

describe('virtualWindow', () => {
  test('covers the visible items plus a margin on each side', () => {
    expect(virtualWindow(10, 6, 100, 2)).toEqual([8, 18])
  })

  test('is clamped at the start of the list', () => {
    expect(virtualWindow(0, 6, 100, 2)).toEqual([0, 8])
    expect(virtualWindow(1, 6, 100, 3)).toEqual([0, 10])
  })

  test('is clamped at the end of the list', () => {
    expect(virtualWindow(95, 6, 100, 2)).toEqual([93, 100])
  })

  test('a list shorter than the window is created whole', () => {
    expect(virtualWindow(0, 6, 4, 2)).toEqual([0, 4])
  })

  test('an empty list gives an empty window', () => {
    expect(virtualWindow(0, 6, 0, 2)).toEqual([0, 0])
    expect(virtualWindow(3, 6, -1, 2)).toEqual([0, 0])
  })

  test('the cost is bounded by the viewport, not by the list length', () => {
    const [start, end] = virtualWindow(50_000, 8, 100_000, 2)
    expect(end - start).toBe(12)
  })

  test('a first index past the end gives an empty window, never a negative one', () => {
    const [start, end] = virtualWindow(10, 6, 5, 2)
    expect(end - start).toBe(0)
  })
})

describe('keepInView', () => {
  test('a row already in view leaves the list where it is', () => {
    expect(keepInView(0, 3, 6, 14)).toBe(0)
    expect(keepInView(4, 9, 6, 14)).toBe(4)
  })

  test('a row below the view scrolls just enough to show it at the bottom', () => {
    expect(keepInView(0, 6, 6, 14)).toBe(1)
    expect(keepInView(0, 13, 6, 14)).toBe(8)
  })

  test('a row above the view scrolls it to the top', () => {
    expect(keepInView(8, 2, 6, 14)).toBe(2)
  })

  test('a list shorter than the view never scrolls', () => {
    expect(keepInView(3, 2, 6, 4)).toBe(0)
    expect(keepInView(0, 0, 6, 0)).toBe(0)
  })
})
