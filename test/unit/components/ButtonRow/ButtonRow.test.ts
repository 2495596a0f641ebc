import { Lightning } from '@lightningjs/sdk'
import ButtonRow, { type ButtonSpec } from '../../../../src/components/ButtonRow'
import { keptIndex, scrollOffset } from '../../../../src/components/ButtonRow/ButtonRow'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

const WITHOUT_LIVE: ButtonSpec[] = [
  { id: 'settings', label: 'Settings' },
  { id: 'search', label: 'Search' },
  { id: 'profiles', label: 'Anna' },
]
const WITH_LIVE: ButtonSpec[] = [
  { id: 'live', label: 'Live TV' },
  { id: 'settings', label: 'Settings' },
  { id: 'search', label: 'Search' },
  { id: 'guide', label: 'Guide' },
  { id: 'profiles', label: 'Anna' },
]

/** Hosts a row as the home's top bar does, recording the buttons pressed. */
class Host extends Lightning.Component {
  pressed: string[] = []
  rowFocused = true

  static override _template() {
    return { Row: { type: ButtonRow } }
  }

  get row(): ButtonRow {
    return this.tag('Row') as ButtonRow
  }

  override _getFocused() {
    return this.rowFocused ? this.tag('Row') : undefined
  }

  $buttonPressed(id: string) {
    this.pressed.push(id)
  }
}

describe('ButtonRow', () => {
  let t: MountedApp<Host>
  const row = () => t.component.row

  beforeEach(() => {
    t = mountApp(Host)
    row().buttons = WITHOUT_LIVE
    t.step()
  })

  afterEach(() => t.destroy())

  test('a button arriving before the focused one leaves the focus where the household put it', () => {
    t.press('Right')
    expect(row().focusedId).toBe('search')
    row().buttons = WITH_LIVE
    t.step()
    expect(row().focusedId).toBe('search')
    expect(row().index).toBe(2)
    // The focus path follows the new element, so OK opens what is drawn as focused.
    expect(t.focused()).toBe(row().tag('Buttons').children[2])
    t.press('Enter')
    expect(t.component.pressed).toEqual(['search'])
  })

  test('when the focused button goes, the focus starts again from the first', () => {
    row().buttons = WITH_LIVE
    // From Settings, kept when Live TV arrived before it.
    t.press('Right', 2)
    expect(row().focusedId).toBe('guide')
    row().buttons = WITHOUT_LIVE
    t.step()
    expect(row().focusedId).toBe('settings')
    expect(t.focused()).toBe(row().tag('Buttons').children[0])
  })

  test('a row the household is not on starts from its first button when its buttons change', () => {
    t.press('Right')
    t.component.rowFocused = false
    t.component._refocus()
    row().buttons = WITH_LIVE
    t.component.rowFocused = true
    t.component._refocus()
    expect(row().focusedId).toBe('live')
    expect(t.focused()).toBe(row().tag('Buttons').children[0])
  })

  test('a row wider than its view scrolls to the focused button and draws only whole buttons', () => {
    row().viewWidth = 420
    row().buttons = WITH_LIVE
    t.step()
    const buttons = () => row().tag('Buttons').children as Lightning.Component[]
    const shown = () => buttons().map((button) => button.alpha)
    // Each button is at least 180 wide with a gap of 24: two fit in 420.
    expect(shown()).toEqual([1, 1, 0, 0, 0])
    // A chevron says more buttons are beyond the edge, just past the last one shown.
    expect(row().more).toEqual({ left: false, right: true })
    expect(row().tag('MoreRight').x).toBeGreaterThan(buttons()[1]!.x + buttons()[1]!.w)
    expect(row().tag('MoreRight').x).toBeLessThanOrEqual(420)
    // The focus stayed on Settings, the second button.
    t.press('Right', 2)
    expect(row().focusedId).toBe('guide')
    const focused = buttons()[3]!
    const left = focused.x + row().tag('Buttons').x
    expect(left).toBeGreaterThanOrEqual(0)
    expect(left + focused.w).toBeLessThanOrEqual(420)
    expect(shown()[3]).toBe(1)
    expect(shown()[0]).toBe(0)
    expect(row().more).toEqual({ left: true, right: true })
    t.press('Left', 3)
    expect(row().tag('Buttons').x).toBe(0)
    expect(shown()).toEqual([1, 1, 0, 0, 0])
    expect(row().more).toEqual({ left: false, right: true })
  })

  test('new labels for the same buttons keep the focus', () => {
    t.press('Right', 2)
    row().buttons = WITHOUT_LIVE.map((spec) => ({ ...spec, label: `${spec.label}!` }))
    expect(row().focusedId).toBe('profiles')
    expect(row().labels).toEqual(['Settings!', 'Search!', 'Anna!'])
  })
})

describe('scrollOffset', () => {
  const spans = [0, 1, 2, 3].map((i) => ({ x: i * 224, w: 200 }))
  test('moves as little as shows the focused button whole, never past the ends', () => {
    expect(scrollOffset(spans, 0, 450, 0)).toBe(0)
    expect(scrollOffset(spans, 2, 450, 0)).toBe(648 - 450)
    expect(scrollOffset(spans, 3, 450, 198)).toBe(872 - 450)
    expect(scrollOffset(spans, 1, 450, 422)).toBe(224)
    expect(scrollOffset(spans, 3, 2000, 0)).toBe(0)
    expect(scrollOffset(spans, 1, Infinity, 50)).toBe(0)
  })
})

describe('keptIndex', () => {
  test('finds the focused id among the new buttons, else the first', () => {
    expect(keptIndex('search', WITH_LIVE)).toBe(2)
    expect(keptIndex('guide', WITHOUT_LIVE)).toBe(0)
    expect(keptIndex(undefined, WITH_LIVE)).toBe(0)
    expect(keptIndex('live', [])).toBe(0)
  })
})
