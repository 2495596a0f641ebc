import { Lightning } from '@lightningjs/sdk'
import PinEntry from '../../../src/components/PinEntry'
import { OPENING_OK_GUARD_MS } from '../../../src/components/PinEntry/PinEntry'
import { buildCodeMap } from '../../../src/platform/keymap'
import { mountApp, type MountedApp } from '../../harness/mountApp'

/** Hosts an entry as a dialog would, recording what it fires and which keys bubble. */
class Host extends Lightning.Component {
  entered: string[] = []
  bubbled: string[] = []

  static override _template() {
    return { Entry: { type: PinEntry, labels: { delete: 'Effacer', ok: 'OK' } } }
  }

  get entry(): PinEntry {
    return this.tag('Entry') as PinEntry
  }

  override _getFocused() {
    return this.tag('Entry')
  }

  $pinEntered(pin: string) {
    this.entered.push(pin)
  }

  override _handleBack() {
    this.bubbled.push('Back')
    return true
  }

  override _handleUp() {
    this.bubbled.push('Up')
    return true
  }

  override _handleLeft() {
    this.bubbled.push('Left')
    return true
  }
}

/** The app's real code map: the browser keymap, digits 48-57 included. */
const KEYS = buildCodeMap('browser', {})

describe('PinEntry', () => {
  let t: MountedApp<Host>
  const entry = () => t.component.entry
  const snapshot = () => entry().snapshot()
  const dotsShown = () =>
    (entry().tag('Boxes').children as Lightning.Component[]).map((box) => box.tag('Dot').alpha)
  const texts = (component: Lightning.Component): string[] => [
    ...(component.text?.text !== undefined ? [String(component.text.text)] : []),
    ...(component.children as Lightning.Component[]).flatMap(texts),
  ]

  beforeEach(() => {
    t = mountApp(Host, { keys: KEYS })
  })

  afterEach(() => t.destroy())

  test("the remote's digits fill the boxes with dots and fire the PIN once complete", () => {
    t.press('Digit4')
    t.press('Digit7')
    expect(snapshot().length).toBe(2)
    expect(dotsShown()).toEqual([1, 1, 0, 0])
    expect(t.component.entered).toEqual([])
    t.press('Digit1')
    t.press('Digit1')
    expect(t.component.entered).toEqual(['4711'])
    expect(dotsShown()).toEqual([1, 1, 1, 1])
  })

  test("a held digit types once: the remote's auto-repeat is not four presses", () => {
    t.keyDown('Digit1')
    for (let i = 0; i < 5; i++) t.keyDown('Digit1', { repeat: true })
    t.keyUp('Digit1')
    expect(snapshot().length).toBe(1)
    expect(t.component.entered).toEqual([])
    t.press('Digit1')
    expect(snapshot().length).toBe(2)
  })

  test('the focused pad key is what the announcer says: its label, never the digits typed', () => {
    const said = () => (t.focused() as unknown as { announcement?: unknown }).announcement
    expect(said()).toEqual({ kind: 'button', label: '1' })
    t.press('Down', 3)
    expect(said()).toEqual({ kind: 'button', label: 'Effacer' })
  })

  test('a typed digit is never drawn', () => {
    for (const digit of ['Digit8', 'Digit6', 'Digit3']) t.press(digit)
    const boxTexts = texts(entry().tag('Boxes'))
    expect(boxTexts).toEqual([])
  })

  test('after firing it takes no more digits until cleared', () => {
    for (const digit of ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5']) t.press(digit)
    t.press('Enter')
    expect(t.component.entered).toEqual(['1234'])
    entry().clear()
    expect(snapshot().length).toBe(0)
    expect(dotsShown()).toEqual([0, 0, 0, 0])
    for (const digit of ['Digit9', 'Digit9', 'Digit9', 'Digit9']) t.press(digit)
    expect(t.component.entered).toEqual(['1234', '9999'])
  })

  test('the number pad: arrows move over 1-9, delete, 0, OK; OK types the focused key', () => {
    expect(snapshot().focusedKey).toBe('1')
    expect(t.focused()).toBe(entry().tag('Pad').children[0])
    t.press('Right')
    t.press('Enter')
    t.press('Down')
    t.press('Enter')
    expect(snapshot()).toEqual({ length: 2, focusedKey: '5' })
    t.press('Down', 2)
    expect(snapshot().focusedKey).toBe('0')
    expect(t.focused()).toBe(entry().tag('Pad').children[10])
    t.press('Enter')
    t.press('Left')
    expect(snapshot().focusedKey).toBe('delete')
    t.press('Enter')
    expect(snapshot().length).toBe(2)
    t.press('Right')
    t.press('Enter', 2)
    expect(t.component.entered).toEqual(['2500'])
  })

  test("an OK right after the prompt opened is the opening press's double, not a digit", () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] })
    try {
      entry().opened()
      expect(snapshot().focusedKey).toBe('1')
      t.press('Enter')
      expect(snapshot().length).toBe(0)
      jest.advanceTimersByTime(OPENING_OK_GUARD_MS)
      t.press('Enter')
      expect(snapshot().length).toBe(1)
      // The remote's digits are never held back.
      entry().opened()
      t.press('Digit2')
      expect(snapshot().length).toBe(2)
    } finally {
      jest.useRealTimers()
    }
  })

  test('a second OK pressed as the prompt opened is its double even when a busy box handles it late', () => {
    const enter = (timeStamp: number) =>
      entry()._handleEnter({ key: 'Enter', repeat: false, timeStamp } as KeyboardEvent)
    const openedAt = performance.now()
    entry().opened()
    // Handled well after the guard (a slow box drawing the prompt), pressed before it opened.
    const now = jest.spyOn(performance, 'now').mockReturnValue(openedAt + 2 * OPENING_OK_GUARD_MS)
    try {
      enter(openedAt - 50)
      expect(snapshot().length).toBe(0)
      // Engines that stamp events with 0 or the epoch time: the handler's clock decides.
      enter(0)
      enter(Date.now())
      expect(snapshot().length).toBe(2)
    } finally {
      now.mockRestore()
    }
  })

  test('OK on the pad submits only a complete PIN', () => {
    t.press('Down', 3)
    t.press('Right', 2)
    expect(snapshot().focusedKey).toBe('ok')
    t.press('Digit1')
    t.press('Enter')
    expect(t.component.entered).toEqual([])
  })

  test('arrows at the edge of the pad bubble', () => {
    t.press('Up')
    t.press('Left')
    expect(t.component.bubbled).toEqual(['Up', 'Left'])
    expect(snapshot().focusedKey).toBe('1')
  })

  test('Back deletes a digit while there is one, then bubbles', () => {
    t.press('Digit3')
    t.press('Digit3')
    t.press('Back')
    expect(snapshot().length).toBe(1)
    expect(t.component.bubbled).toEqual([])
    t.press('Back')
    expect(snapshot().length).toBe(0)
    t.press('Back')
    expect(t.component.bubbled).toEqual(['Back'])
  })

  test('a longer PIN length shows more boxes and waits for every digit', () => {
    entry().pinLength = 6
    t.step()
    expect(dotsShown()).toHaveLength(6)
    for (const digit of ['Digit1', 'Digit2', 'Digit3', 'Digit4']) t.press(digit)
    expect(t.component.entered).toEqual([])
    t.press('Digit5')
    t.press('Digit6')
    expect(t.component.entered).toEqual(['123456'])
  })

  test('fewer than 4 boxes is never offered', () => {
    entry().pinLength = 3
    expect(entry().pinLength).toBe(4)
  })

  test('while disabled, digits are ignored', () => {
    entry().disabled = true
    for (const digit of ['Digit1', 'Digit2', 'Digit3', 'Digit4']) t.press(digit)
    expect(snapshot().length).toBe(0)
    expect(t.component.entered).toEqual([])
    entry().disabled = false
    for (const digit of ['Digit1', 'Digit2', 'Digit3', 'Digit4']) t.press(digit)
    expect(t.component.entered).toEqual(['1234'])
  })

  test('a held OK does not type the focused digit again', () => {
    t.keyDown('Enter')
    t.keyDown('Enter', { repeat: true })
    t.keyUp('Enter')
    t.step()
    expect(snapshot().length).toBe(1)
  })
})
