import { Lightning } from '@lightningjs/sdk'
import Keyboard from '../../../../src/components/Keyboard'
import { KeyGate } from '../../../../src/platform/keyGate'
import { mountApp, SDK_DEFAULT_KEYS, type MountedApp } from '../../../harness/mountApp'

const DIGIT_KEYS = Object.fromEntries(Array.from({ length: 10 }, (_, n) => [48 + n, `Digit${n}`]))
const LONG_PRESS_MS = 700
const clock = { now: 0 }

/**
 * Stands where the App stands: every key passes a real KeyGate first, and a hold that becomes a
 * long press is announced as `_handleEnterLong`, as App._captureKey does.
 */
class Host extends Lightning.Component {
  inputs: string[] = []
  upsReached = 0
  backsReached = 0
  done: string[] = []
  focusKeyboard = true
  private _gate = new KeyGate({ repeatIntervalMs: 110, longPressMs: LONG_PRESS_MS })

  static override _template() {
    return {
      Keyboard: { type: Keyboard, maxLength: 6, capitalize: 'words' },
      Elsewhere: { type: Lightning.Component },
    }
  }

  get keyboard(): Keyboard {
    return this.tag('Keyboard') as Keyboard
  }

  override _getFocused() {
    return this.tag(this.focusKeyboard ? 'Keyboard' : 'Elsewhere')
  }

  override _captureKey(event: KeyboardEvent): boolean {
    const decision = this._gate.keyDown(event.keyCode, clock.now, event.repeat)
    if (!decision.pass) return true
    if (decision.longPress && event.keyCode === 13) {
      const app = this.stage.application as unknown as {
        focusBottomUpEvent(events: string[], ...args: unknown[]): boolean
      }
      app.focusBottomUpEvent(['_handleEnterLong'], event)
    }
    return false
  }

  override _captureKeyRelease(event: KeyboardEvent): boolean {
    this._gate.keyUp(event.keyCode)
    return false
  }

  override _handleUp(): boolean {
    this.upsReached++
    return true
  }

  override _handleBack(): boolean {
    this.backsReached++
    return true
  }

  $keyboardInput(value: string): void {
    this.inputs.push(value)
  }

  $keyboardDone(value: string): void {
    this.done.push(value)
  }

  fulls: number[] = []

  $keyboardFull(maxLength: number): void {
    this.fulls.push(maxLength)
  }
}

describe('Keyboard', () => {
  let t: MountedApp<Host>
  const state = () => t.component.keyboard.snapshot()

  /** Moves to a key by its name, the way a viewer would: rows first, then along the row. */
  const goTo = (id: string) => {
    const row = state().rows.findIndex((keys) => keys.includes(id))
    while (state().position.row !== row) t.press(state().position.row < row ? 'Down' : 'Up')
    while (state().focused !== id) t.press('Right')
  }

  /** Holds OK: the first event, then auto-repeats every 100 ms until the long press. */
  const holdEnter = () => {
    t.keyDown('Enter')
    t.step()
    for (let at = 100; at <= LONG_PRESS_MS + 100; at += 100) {
      clock.now += 100
      t.keyDown('Enter', { repeat: true })
      t.step()
    }
    t.keyUp('Enter')
    t.step()
  }

  beforeEach(() => {
    clock.now = 0
    t = mountApp(Host, { keys: { ...SDK_DEFAULT_KEYS, ...DIGIT_KEYS } })
  })

  afterEach(() => t.destroy())

  it('starts on the first letter of AZERTY and moves by position, wrapping within a row', () => {
    expect(state()).toMatchObject({ layout: 'azerty', focused: 'a' })
    t.press('Left')
    expect(state().focused).toBe('p')
    t.press('Right')
    t.press('Down')
    expect(state().focused).toBe('q')
    t.press('Up', 2)
    expect(state().focused).toBe('1')
    expect(t.focused()).toBe(t.component.keyboard.tag('Keys').children[0])
  })

  it('types the letters of a keyboard plugged into the box; other unmapped keys pass on', () => {
    t.press(76) // L
    t.press(69) // E
    expect(state().value).toBe('Le')
    expect(t.component.inputs).toEqual(['L', 'Le'])
    // F5 is no letter: the keyboard leaves it to the screen.
    t.press(116)
    expect(state().value).toBe('Le')
  })

  it("types a plugged-in keyboard's space bar, hyphen and apostrophes, though 32 is Play/Pause and 191 Search", () => {
    const type = (keyCode: number, key: string) => {
      t.keyDown(keyCode, { key })
      t.keyUp(keyCode)
      t.step()
    }
    t.component.keyboard.maxLength = 40
    for (const [code, key] of [
      [74, 'j'],
      [189, '-'],
      [76, 'l'],
      [32, ' '],
      [68, 'd'],
      [222, '’'],
      [72, 'h'],
      [190, '.'],
      [191, ':'],
    ] as const)
      type(code, key)
    expect(state().value).toBe('J-L D’h.:')
    // A remote's Play/Pause and Search (no character) are not typing: they reach the screen.
    type(250, 'MediaPlayPause')
    type(409, 'BrowserSearch')
    expect(state().value).toBe('J-L D’h.:')
  })

  it('says when a key is refused at the maximum length', () => {
    const full = t.component.fulls
    t.press(49, 6)
    expect(full).toEqual([])
    t.press(49)
    t.keyDown(189, { key: '-' })
    t.keyUp(189)
    t.step()
    expect(state().value).toBe('111111')
    expect(full).toEqual([6, 6])
  })

  it('after letters typed on a plugged-in keyboard, its Backspace deletes; once empty, it is Back', () => {
    t.press(76) // L
    t.press(69) // E
    t.press(8)
    expect(state().value).toBe('L')
    t.press(8)
    expect(state().value).toBe('')
    expect(t.component.backsReached).toBe(0)
    t.press(8)
    expect(t.component.backsReached).toBe(1)
  })

  it('on the remote alone, Back leaves at once whatever was typed', () => {
    t.press('Enter')
    expect(state().value).not.toBe('')
    t.press(8)
    expect(t.component.backsReached).toBe(1)
    expect(state().value).not.toBe('')
  })

  it('lets Up from the top row go to the screen around it', () => {
    t.press('Up', 2)
    expect(state().focused).toBe('1')
    expect(t.component.upsReached).toBe(1)
  })

  it('types letters with OK, capitalised as a name, and fires every change', () => {
    goTo('l')
    t.press('Enter')
    goTo('e')
    t.press('Enter')
    expect(state().value).toBe('Le')
    expect(t.component.inputs).toEqual(['L', 'Le'])
    goTo('delete')
    t.press('Enter')
    expect(state().value).toBe('L')
    goTo('clear')
    t.press('Enter')
    expect(t.component.inputs.at(-1)).toBe('')
    goTo('done')
    t.press('Enter')
    expect(t.component.done).toEqual([''])
  })

  it('types the remote digit keys wherever the focus is', () => {
    t.press(49)
    t.press(48)
    expect(state().value).toBe('10')
    expect(state().focused).toBe('a')
  })

  it('stops at the maximum length', () => {
    t.press(49, 8)
    expect(state().value).toBe('111111')
    expect(t.component.inputs).toHaveLength(6)
  })

  it("types a held number key's digit once, whatever its auto-repeat", () => {
    t.keyDown(50)
    for (let at = 100; at <= 600; at += 100) {
      clock.now += 100
      t.keyDown(50, { repeat: true })
    }
    t.keyUp(50)
    expect(state().value).toBe('2')
    expect(t.component.inputs).toEqual(['2'])
  })

  it('offers accents on a long OK and puts the chosen one in place of the plain letter', () => {
    goTo('e')
    holdEnter()
    // The held OK typed the letter once, not once per auto-repeat.
    expect(state().value).toBe('E')
    expect(state().accents).toEqual({ chars: ['é', 'è', 'ê', 'ë'], index: 0 })
    t.press('Right')
    t.press('Enter')
    expect(state()).toMatchObject({ value: 'È', accents: null, focused: 'e' })
    expect(t.component.inputs).toEqual(['E', 'È'])
  })

  it('closes the accents with Back and keeps the plain letter', () => {
    t.press('Enter')
    holdEnter()
    expect(state().value).toBe('Aa')
    expect(state().accents?.chars).toEqual(['à', 'â', 'ä'])
    t.press('Back')
    expect(state()).toMatchObject({ value: 'Aa', accents: null })
  })

  it('offers no accents on a letter without any', () => {
    goTo('z')
    holdEnter()
    expect(state().accents).toBeNull()
    expect(state().value).toBe('Z')
  })

  it('comes back to the key it left', () => {
    goTo('k')
    t.component.focusKeyboard = false
    t.component._refocus()
    t.step()
    expect(t.focusPath()).not.toContain(t.component.keyboard)
    t.component.focusKeyboard = true
    t.component._refocus()
    t.step()
    expect(state().focused).toBe('k')
  })

  it('switches to QWERTY, keeping the focused position', () => {
    goTo('z')
    t.component.keyboard.layout = 'qwerty'
    t.step()
    expect(state()).toMatchObject({ layout: 'qwerty', focused: 'w' })
    expect(state().rows[1]!.join('')).toBe('qwertyuiop')
  })
})
