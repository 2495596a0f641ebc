import { Lightning } from '@lightningjs/sdk'
import Rail from '../../../src/components/Rail'
import { visibleCount, type RailGeometry } from '../../../src/focus/railLayout'
import { mountApp, type MountedApp } from '../../harness/mountApp'

interface Model {
  id: string
}

class FakeTile extends Lightning.Component {
  model?: Model
}

const GEOMETRY: RailGeometry = {
  x: 96,
  tileWidth: 200,
  tileHeight: 300,
  gap: 26,
  viewportWidth: 1920,
}

/** Hosts a rail and records the keys it lets bubble, as a screen would. */
class Host extends Lightning.Component {
  bubbled: string[] = []
  focusChanges = 0

  static override _template() {
    return { Rail: { type: Rail } }
  }

  get rail(): Rail<Model> {
    return this.tag('Rail') as Rail<Model>
  }

  override _getFocused() {
    return this.tag('Rail')
  }

  override _handleLeft() {
    this.bubbled.push('Left')
    return true
  }

  override _handleRight() {
    this.bubbled.push('Right')
    return true
  }

  $railFocusChanged() {
    this.focusChanges++
  }
}

const models = (count: number): Model[] =>
  Array.from({ length: count }, (_, i) => ({ id: `t${i}` }))

describe('Rail', () => {
  let t: MountedApp<Host>

  const mount = (count: number) => {
    t = mountApp(Host)
    const rail = t.component.rail
    rail.geometry = GEOMETRY
    rail.tileType = FakeTile
    rail.models = models(count)
    t.step()
    return rail
  }

  afterEach(() => t.destroy())

  it('creates only the visible tiles plus a margin, whatever the length of the list', () => {
    const small = mount(100)
    const smallCount = small.renderedCount
    t.destroy()
    const large = mount(10_000)
    expect(large.renderedCount).toBe(smallCount)
    expect(large.renderedCount).toBeLessThanOrEqual(visibleCount(GEOMETRY) + 2 + 2)
  })

  it('reads only the models of the tiles it draws from a list read by index', () => {
    t = mountApp(Host)
    const rail = t.component.rail
    rail.geometry = GEOMETRY
    rail.tileType = FakeTile
    const read = new Set<number>()
    rail.source = {
      length: 10_000,
      at: (index) => {
        read.add(index)
        return { id: `t${index}` }
      },
    }
    t.step()
    t.press('Right', 3)
    expect(rail.count).toBe(10_000)
    expect(read.size).toBeLessThanOrEqual(visibleCount(GEOMETRY) + 4 + 3)
    expect((t.focused() as FakeTile).model?.id).toBe('t3')
    rail.append([{ id: 'extra' }])
    expect(rail.count).toBe(10_001)
    expect(read.size).toBeLessThanOrEqual(visibleCount(GEOMETRY) + 4 + 3)
  })

  it('keeps the element count bounded while scrolling far', () => {
    const rail = mount(10_000)
    t.press('Right', 300)
    expect(rail.index).toBe(300)
    expect(rail.renderedCount).toBeLessThanOrEqual(visibleCount(GEOMETRY) + 4)
    expect((t.focused() as FakeTile).model?.id).toBe('t300')
  })

  it('moves focus with Left/Right and tells its host', () => {
    const rail = mount(20)
    t.press('Right', 3)
    t.press('Left')
    expect(rail.index).toBe(2)
    expect(t.component.focusChanges).toBe(4)
    expect(t.component.bubbled).toEqual([])
  })

  it('lets Left bubble at the first tile and Right at the last', () => {
    const rail = mount(3)
    t.press('Left')
    t.press('Right', 3)
    expect(rail.index).toBe(2)
    expect(t.component.bubbled).toEqual(['Left', 'Right'])
  })

  it('scrolls only when focus would leave the viewport', () => {
    const rail = mount(50)
    const visible = visibleCount(GEOMETRY)
    t.press('Right', visible - 2)
    expect(rail.first).toBe(0)
    t.press('Right')
    expect(rail.first).toBe(1)
  })

  it('restores a remembered index and scroll position', () => {
    const rail = mount(50)
    rail.restore(20, 15)
    t.step()
    expect(rail.index).toBe(20)
    expect(rail.first).toBe(15)
    expect((t.focused() as FakeTile).model?.id).toBe('t20')
  })

  it('keeps the focused index inside a list that shrank', () => {
    const rail = mount(50)
    t.press('Right', 30)
    rail.models = models(10)
    t.step()
    expect(rail.index).toBe(9)
    expect((t.focused() as FakeTile).model?.id).toBe('t9')
  })
})
