import type { ContainerMemory } from '../../../src/focus/FocusMemory'
import type { RailGeometry } from '../../../src/focus/railLayout'
import { refocusRails, type RailContent } from '../../../src/focus/railsChange'

/** 100 px tiles with 10 px gaps from x = 0 in a 540 px viewport: 5 whole tiles. */
const FIVE: RailGeometry = { x: 0, tileWidth: 100, tileHeight: 150, gap: 10, viewportWidth: 540 }

/** A rail of `count` items named after it ('films-0', 'films-1'...), or of the ids given. */
const rail = (id: string, items: number | string[]): RailContent => ({
  id,
  items: (typeof items === 'number'
    ? Array.from({ length: items }, (_, i) => `${id}-${i}`)
    : items
  ).map((item) => ({ id: item })),
})

const nothingRemembered = (): ContainerMemory => ({ index: 0, first: 0 })

describe('refocusRails', () => {
  const films = rail('films', 20)
  const series = rail('series', 20)
  const docs = rail('docs', 20)

  test('a rail inserted above the focused one: the same rail, tile and scroll, one place down', () => {
    const before = [films, series]
    const after = [rail('continue-watching', ['x', 'y']), rail('my-list', ['z']), films, series]
    const focus = { railId: 'series', itemId: 'series-7', index: 7, first: 5 }
    expect(refocusRails(before, focus, after, nothingRemembered, FIVE)).toEqual({
      railIndex: 3,
      index: 7,
      first: 5,
    })
  })

  test('a rail removed above the focused one: the same rail, tile and scroll, one place up', () => {
    const before = [rail('my-list', ['z']), films, series]
    const focus = { railId: 'series', itemId: 'series-2', index: 2, first: 0 }
    expect(refocusRails(before, focus, [films, series], nothingRemembered, FIVE)).toEqual({
      railIndex: 1,
      index: 2,
      first: 0,
    })
  })

  test('the focused title moved to the front of its rail (watched again): focus follows it', () => {
    const before = [rail('continue-watching', ['a', 'b', 'c', 'd']), films]
    const after = [rail('continue-watching', ['c', 'a', 'b', 'd']), films]
    const focus = { railId: 'continue-watching', itemId: 'c', index: 2, first: 0 }
    expect(refocusRails(before, focus, after, nothingRemembered, FIVE)).toEqual({
      railIndex: 0,
      index: 0,
      first: 0,
    })
  })

  test('a focused title pushed along its rail stays in its column on screen', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `t${i}`)
    const before = [rail('my-list', ids)]
    // Two titles put in front while the household was away: t8 is now the tenth.
    const after = [rail('my-list', ['new1', 'new2', ...ids])]
    const focus = { railId: 'my-list', itemId: 't8', index: 8, first: 6 }
    expect(refocusRails(before, focus, after, nothingRemembered, FIVE)).toEqual({
      railIndex: 0,
      index: 10,
      first: 8,
    })
  })

  test('a title that left the focused rail gives focus to the one that took its place', () => {
    const before = [rail('my-list', ['a', 'b', 'c']), films]
    const focus = { railId: 'my-list', itemId: 'b', index: 1, first: 0 }
    const after = [rail('my-list', ['a', 'c']), films]
    expect(refocusRails(before, focus, after, nothingRemembered, FIVE)).toEqual({
      railIndex: 0,
      index: 1,
      first: 0,
    })
    // The last one: the one before it.
    const last = { railId: 'my-list', itemId: 'c', index: 2, first: 0 }
    expect(
      refocusRails(before, last, [rail('my-list', ['a', 'b']), films], nothingRemembered, FIVE),
    ).toEqual({ railIndex: 0, index: 1, first: 0 })
  })

  test('the focused rail went away: the rail that slid into its place, in the same column', () => {
    const before = [rail('continue-watching', ['a']), rail('my-list', ['b', 'c', 'd']), films]
    const focus = { railId: 'my-list', itemId: 'c', index: 1, first: 0 }
    const after = [rail('continue-watching', ['a']), films]
    // Not Continue watching above it: films, which now shows where My list was.
    expect(refocusRails(before, focus, after, nothingRemembered, FIVE)).toEqual({
      railIndex: 1,
      index: 1,
      first: 0,
    })
    // From the scroll it was left at, on a whole tile.
    const remembered = (id: string) =>
      id === 'films' ? { index: 9, first: 6 } : nothingRemembered()
    const far = { railId: 'my-list', itemId: 'd', index: 2, first: 0 }
    expect(refocusRails(before, far, after, remembered, FIVE)).toEqual({
      railIndex: 1,
      index: 8,
      first: 6,
    })
  })

  test('the last rail went away: the one above it', () => {
    const before = [films, series, docs]
    const focus = { railId: 'docs', itemId: 'docs-3', index: 3, first: 0 }
    expect(refocusRails(before, focus, [films, series], nothingRemembered, FIVE)).toEqual({
      railIndex: 1,
      index: 3,
      first: 0,
    })
  })

  test('no rail left: nothing to focus', () => {
    const focus = { railId: 'films', itemId: 'films-0', index: 0, first: 0 }
    expect(refocusRails([films], focus, [], nothingRemembered, FIVE)).toBeNull()
  })

  test('without an item id, the focused index is kept (clamped to what the rail has)', () => {
    const focus = { railId: 'films', itemId: undefined, index: 12, first: 9 }
    expect(refocusRails([films], focus, [rail('films', 10)], nothingRemembered, FIVE)).toEqual({
      railIndex: 0,
      index: 9,
      first: 5,
    })
  })
})
