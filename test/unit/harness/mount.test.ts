import { Lightning } from '@lightningjs/sdk'
import { mountApp, type MountedApp } from '../../harness/mountApp'

/** Two buttons side by side; Left/Right move focus, Enter counts presses on the focused one. */
class Pair extends Lightning.Component {
  index = 0
  entered: string[] = []

  static override _template() {
    return {
      First: { type: Button, x: 0, w: 200, h: 80 },
      Second: { type: Button, x: 220, w: 200, h: 80 },
    }
  }

  override _getFocused() {
    return this.children[this.index] as Lightning.Component
  }

  override _handleRight() {
    if (this.index >= this.children.length - 1) return false
    this.index += 1
    return true
  }

  override _handleLeft() {
    if (this.index === 0) return false
    this.index -= 1
    return true
  }

  override _handleEnter() {
    this.entered.push(this.children[this.index]!.ref ?? '?')
  }
}

class Button extends Lightning.Component {
  static override _template() {
    return { rect: true, color: 0xff333333, Label: { text: { text: 'OK', fontSize: 28 } } }
  }

  override _focus() {
    this.patch({ smooth: { color: 0xffffffff } })
  }

  override _unfocus() {
    this.patch({ smooth: { color: 0xff333333 } })
  }
}

describe('Lightning application in jsdom', () => {
  it('mounts a real Application and moves focus on a keydown dispatched on window', () => {
    class App extends Lightning.Application {
      static override _template() {
        return { Pair: { type: Pair } }
      }

      override _getFocused() {
        return this.tag('Pair') as Lightning.Component
      }
    }

    const app = new App({ stage: { w: 1920, h: 1080, autostart: false, useImageWorker: false } })
    try {
      const stage = app.stage
      stage.drawFrame()
      const pair = app.tag('Pair') as unknown as Pair
      const focusedRef = () => app.focusPath?.[app.focusPath.length - 1]?.ref

      expect(stage.getCanvas()).toBeInstanceOf(HTMLCanvasElement)
      expect(focusedRef()).toBe('First')

      const event = new KeyboardEvent('keydown', { bubbles: true })
      Object.defineProperty(event, 'keyCode', { value: 39 })
      window.dispatchEvent(event)
      stage.drawFrame()

      expect(focusedRef()).toBe('Second')
      expect(pair.index).toBe(1)
    } finally {
      app.destroy()
    }
  })
})

describe('mountApp harness', () => {
  let t: MountedApp<Pair>

  beforeEach(() => {
    t = mountApp(Pair)
  })

  afterEach(() => {
    t.destroy()
  })

  it('focuses the component and puts the canvas in the document', () => {
    expect(t.focused()?.ref).toBe('First')
    expect(t.focusPath().map((c) => c.ref)).toEqual([null, 'Subject', 'First'])
    expect(t.focusPath()[1]).toBe(t.component)
    expect(document.body.contains(t.canvas)).toBe(true)
  })

  it('presses keys by action name and by key code', () => {
    t.press('Right')
    expect(t.focused()?.ref).toBe('Second')
    t.press(37)
    expect(t.focused()?.ref).toBe('First')
    t.press('Enter', 2)
    expect(t.component.entered).toEqual(['First', 'First'])
  })

  it('lets an unhandled key bubble without moving focus', () => {
    t.press('Left')
    expect(t.focused()?.ref).toBe('First')
  })

  it('finishes transitions in one frame by default', () => {
    t.press('Right')
    expect(t.component.tag('Second')!.color).toBe(0xffffffff)
    expect(t.component.tag('First')!.color).toBe(0xff333333)
  })

  it('steps transitions frame by frame when frameMs is given', () => {
    const slow = mountApp(Pair, { frameMs: 16 })
    try {
      slow.press('Right')
      const color = slow.component.tag('Second')!.color
      expect(color).not.toBe(0xffffffff)
      slow.step(200)
      expect(slow.component.tag('Second')!.color).toBe(0xffffffff)
    } finally {
      slow.destroy()
    }
  })

  it('rejects an action the keymap does not know', () => {
    expect(() => t.press('Teleport')).toThrow('No key code is mapped to action "Teleport"')
  })

  it('removes key listeners and the canvas on destroy', () => {
    const canvas = t.canvas
    t.destroy()
    expect(document.body.contains(canvas)).toBe(false)
    expect(() => window.dispatchEvent(new KeyboardEvent('keydown'))).not.toThrow()
  })
})
