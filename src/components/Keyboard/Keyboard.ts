import { Lightning } from '@lightningjs/sdk'
import { installDigitKeys } from '../../focus/digitKeys'
import { fireUp } from '../fire'
import { theme } from '../theme'
import Key from './Key'
import { KEY_GEOMETRY } from './Keyboard.styles'
import {
  accentsOf,
  LAYOUTS,
  placeKeys,
  type KeyAction,
  type KeySpec,
  type LayoutName,
  type PlacedKey,
} from './layouts'
import { clampPosition, moveKey, type Direction, type KeyPosition } from './navigation'
import {
  deleteLast,
  isFull,
  replaceLast,
  typeChar,
  typedCharacter,
  typedLetter,
  type TypingOptions,
} from './typing'

export type KeyLabels = Record<KeyAction, string>

export interface KeyboardSnapshot {
  layout: LayoutName
  value: string
  /** The focused key: its character, or the action's name ('space', 'delete', 'clear', 'done'). */
  focused: string
  position: KeyPosition
  /** Every key by the same naming, row by row. */
  rows: string[][]
  /** The accented forms on offer after a long press, or null. */
  accents: { chars: string[]; index: number } | null
}

interface AccentChoice {
  chars: readonly string[]
  index: number
  /** The press before the long press typed the plain letter: the accent takes its place. */
  replaces: boolean
}

const keyId = (key: KeySpec): string => (key.kind === 'char' ? key.char : key.kind)

/**
 * An on-screen keyboard for a remote. Arrows move between keys (see navigation.ts), OK types,
 * the remote's digit keys type digits, and a long press on OK over a letter offers its accented
 * forms. Fires `$keyboardInput(value)` on every change and `$keyboardDone(value)` on the done key.
 * The focused key is kept by position while focus is elsewhere, so coming back resumes there.
 * Keys it cannot use (Up from the top row, Back) bubble to the screen that placed it.
 */
export default class Keyboard extends Lightning.Component {
  private _layout: LayoutName = 'azerty'
  private _placed: PlacedKey[][] = []
  private _position: KeyPosition = { row: 1, col: 0 }
  private _value = ''
  private _options: TypingOptions = { maxLength: 40, capitalize: 'none' }
  private _labels: KeyLabels = { space: '␣', delete: '←', clear: '×', done: 'OK' }
  private _accents: AccentChoice | null = null
  /** Whether the last OK typed the focused letter: a long press then replaces it. */
  private _typedLetter = false
  /**
   * Letters came from a keyboard plugged into the box: its Backspace (the Back key code on the
   * boxes' keymaps) then deletes while there is text, as a keyboard's does. A household on the
   * remote alone never sets it, so its Back still leaves at once.
   */
  private _pluggedTyping = false

  static override _template(): Lightning.Component.Template {
    return {
      Keys: {},
      Accents: {
        visible: false,
        zIndex: 10,
        rect: true,
        color: theme.colors.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 14 },
        Items: { x: KEY_GEOMETRY.gap, y: KEY_GEOMETRY.gap },
      },
    }
  }

  override _init(): void {
    if (this._placed.length === 0) this._buildKeys()
  }

  set layout(name: LayoutName) {
    this._layout = name
    this._buildKeys()
  }

  get layout(): LayoutName {
    return this._layout
  }

  set maxLength(length: number) {
    this._options = { ...this._options, maxLength: length }
  }

  set capitalize(mode: TypingOptions['capitalize']) {
    this._options = { ...this._options, capitalize: mode }
  }

  set labels(labels: KeyLabels) {
    this._labels = labels
    this._renderLabels()
  }

  /** Sets the text being edited (e.g. a name to rename) without firing an input event. */
  set value(value: string) {
    this._value = [...value].slice(0, this._options.maxLength).join('')
    this._typedLetter = false
    this._pluggedTyping = false
  }

  get value(): string {
    return this._value
  }

  /** Puts focus on a key (e.g. the one last typed, when focus comes back from elsewhere). */
  set position(position: KeyPosition) {
    this._position = clampPosition(this._placed, position)
    this._typedLetter = false
    this._refocus()
  }

  snapshot(): KeyboardSnapshot {
    const accents = this._accents
    return {
      layout: this._layout,
      value: this._value,
      focused: this._focusedKey() ? keyId(this._focusedKey()!.key) : '',
      position: { ...this._position },
      rows: this._placed.map((row) => row.map((placed) => keyId(placed.key))),
      accents: accents ? { chars: [...accents.chars], index: accents.index } : null,
    }
  }

  override _getFocused(): Lightning.Component | undefined {
    if (this._accents) return this.tag('Accents.Items').children[this._accents.index]
    return this._keyComponent(this._position)
  }

  override _unfocus(): void {
    this._closeAccents()
  }

  override _handleLeft(): boolean {
    return this._move('left')
  }

  override _handleRight(): boolean {
    return this._move('right')
  }

  override _handleUp(): boolean {
    return this._move('up')
  }

  override _handleDown(): boolean {
    return this._move('down')
  }

  override _handleEnter(event?: KeyboardEvent): boolean {
    const key = this._focusedKey()?.key
    // A held OK auto-repeats until it becomes a long press: only delete repeats on purpose.
    if (event?.repeat && key?.kind !== 'delete') return true
    if (this._accents) {
      this._pickAccent()
      return true
    }
    if (key) this._press(key)
    return true
  }

  /** Fired by the app's key gate once OK has been held long enough. */
  _handleEnterLong(): boolean {
    const key = this._focusedKey()?.key
    const chars = accentsOf(key)
    if (this._accents || chars.length === 0) return false
    this._accents = { chars, index: 0, replaces: this._typedLetter }
    this._renderAccents()
    this._refocus()
    return true
  }

  override _handleBack(event?: KeyboardEvent): boolean {
    if (this._accents) {
      this._closeAccents()
      return true
    }
    if (!this._pluggedTyping || !this._value || event?.key !== 'Backspace') return false
    this._setValue(deleteLast(this._value))
    if (!this._value) this._pluggedTyping = false
    return true
  }

  /**
   * Types what a key of the remote or of a plugged-in keyboard stands for: a remote's number key
   * its digit (held, once: installDigitKeys drops the repeat), a keyboard's key its letter.
   * @param plugged the letter came from a keyboard plugged into the box (see _pluggedTyping)
   */
  typeKey(char: string, plugged = false): void {
    this._closeAccents()
    this._type(char)
    this._typedLetter = false
    if (plugged) this._pluggedTyping = true
  }

  /** A character from a keyboard plugged into the box; any other unmapped key is not the keyboard's. */
  override _handleKey(event?: KeyboardEvent): boolean {
    return this._typePlugged(event)
  }

  /** A keyboard's space bar shares its code (32) with the remotes' Play/Pause. */
  _handlePlayPause(event?: KeyboardEvent): boolean {
    return this._typePlugged(event)
  }

  /** A keyboard's "/" (":" on AZERTY) shares its code (191) with the Search key. */
  _handleSearch(event?: KeyboardEvent): boolean {
    return this._typePlugged(event)
  }

  private _typePlugged(event?: KeyboardEvent): boolean {
    const char = event ? typedCharacter(event) : null
    if (char === null) return false
    this.typeKey(char, true)
    return true
  }

  /** Types `char`, or says the text is full: a refused key is not silently lost. */
  private _type(char: string): boolean {
    if (isFull(this._value, this._options)) {
      fireUp(this, '$keyboardFull', this._options.maxLength)
      return false
    }
    this._setValue(typeChar(this._value, char, this._options))
    return true
  }

  private _move(direction: Direction): boolean {
    const accents = this._accents
    if (accents) {
      const count = accents.chars.length
      if (direction === 'left') accents.index = (accents.index - 1 + count) % count
      else if (direction === 'right') accents.index = (accents.index + 1) % count
      this._refocus()
      // The accent row is small and modal: Up/Down are kept rather than leaving it open behind.
      return true
    }
    const next = moveKey(this._placed, this._position, direction)
    if (!next) return false
    this._position = next
    this._typedLetter = false
    this._refocus()
    return true
  }

  private _press(key: KeySpec): void {
    switch (key.kind) {
      case 'char': {
        const before = this._value
        this._type(key.char)
        this._typedLetter = this._value !== before
        return
      }
      case 'space':
        this._type(' ')
        break
      case 'delete':
        this._setValue(deleteLast(this._value))
        break
      case 'clear':
        this._setValue('')
        break
      case 'done':
        fireUp(this, '$keyboardDone', this._value)
        break
    }
    this._typedLetter = false
  }

  private _pickAccent(): void {
    const accents = this._accents
    if (!accents) return
    const char = accents.chars[accents.index]!
    const replaces = accents.replaces
    this._closeAccents()
    this._typedLetter = false
    if (replaces) this._setValue(replaceLast(this._value, char, this._options))
    else this._type(char)
  }

  private _setValue(value: string): void {
    if (value === this._value) return
    this._value = value
    fireUp(this, '$keyboardInput', value)
  }

  private _closeAccents(): void {
    if (!this._accents) return
    this._accents = null
    this.tag('Accents').visible = false
    this._refocus()
  }

  private _focusedKey(): PlacedKey | undefined {
    return this._placed[this._position.row]?.[this._position.col]
  }

  private _keyComponent(position: KeyPosition): Key | undefined {
    const offset = this._placed.slice(0, position.row).reduce((count, row) => count + row.length, 0)
    return this.tag('Keys').children[offset + position.col] as Key | undefined
  }

  private _buildKeys(): void {
    this._closeAccents()
    this._placed = placeKeys(LAYOUTS[this._layout], KEY_GEOMETRY)
    this._position = clampPosition(this._placed, this._position)
    this.tag('Keys').children = this._placed.flat().map((placed) => ({
      type: Key,
      x: placed.x,
      y: placed.y,
      w: placed.w,
      h: placed.h,
      kind: placed.key.kind,
    }))
    const last = this._placed.flat().reduce(
      (size, p) => ({
        ...size,
        w: Math.max(size.w, p.x + p.w),
        h: Math.max(size.h, p.y + p.h),
      }),
      { w: 0, h: 0 } as { w: number; h: number },
    )
    this.patch({ w: last.w, h: last.h })
    this._renderLabels()
    this._refocus()
  }

  private _renderLabels(): void {
    this._placed.flat().forEach((placed, i) => {
      const key = this.tag('Keys').children[i] as Key | undefined
      if (key)
        key.label = placed.key.kind === 'char' ? placed.key.char : this._labels[placed.key.kind]
    })
  }

  private _renderAccents(): void {
    const accents = this._accents
    const focused = this._focusedKey()
    if (!accents || !focused) return
    const { unit, height, gap } = KEY_GEOMETRY
    const panel = this.tag('Accents')
    const w = accents.chars.length * (unit + gap) + gap
    // Just above the letter, where the eye already is, and inside the keyboard's width.
    panel.patch({
      visible: true,
      x: Math.max(0, Math.min(focused.x - gap, this.w - w)),
      y: focused.y - height - gap * 2,
      w,
      h: height + gap * 2,
    })
    this.tag('Accents.Items').children = accents.chars.map((char, i) => ({
      type: Key,
      x: i * (unit + gap),
      w: unit,
      h: height,
      kind: 'char',
      label: char,
    }))
  }
}

// The top row of an AZERTY keyboard plugged into the box types é, è, ç and à on the digits' codes.
installDigitKeys(Keyboard, (component, digit, event) =>
  component.typeKey((event && typedLetter(event)) ?? digit),
)
