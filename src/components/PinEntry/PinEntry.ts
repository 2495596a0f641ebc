import { Lightning } from '@lightningjs/sdk'
import { installDigitKeys } from '../../focus/digitKeys'
import { MIN_PIN_LENGTH } from '../../parental/pin'
import { fireUp } from '../fire'
import { theme } from '../theme'
import PadKey from './PadKey'
import {
  movePad,
  PAD_ROWS,
  padKeyAt,
  type Direction,
  type PadKey as PadKeyId,
  type PadPosition,
} from './padLayout'
import { BOXES, boxesWidth, boxStyle, PAD, PAD_TOP, PAD_WIDTH } from './PinEntry.styles'

export interface PinEntrySnapshot {
  /** Digits typed so far; the digits themselves are never exposed. */
  length: number
  focusedKey: PadKeyId
}

export interface PinEntryLabels {
  delete: string
  ok: string
}

/**
 * How long after the prompt opens an OK is taken for the second press of an impatient double OK
 * on the button that opened it, not for the pad's focused key: that phantom "1" counted as a try.
 */
export const OPENING_OK_GUARD_MS = 400

/**
 * When the key was pressed, on performance.now()'s clock. A busy box handles a key long after the
 * press (the second OK of a double press waited behind drawing the prompt the first one opened),
 * so the event's own stamp is used where the engine gives one on that clock; some stamp 0 or the
 * epoch time, and then the handler's clock stands in.
 */
function pressedAt(event: KeyboardEvent | undefined): number {
  const now = performance.now()
  const stamp = event?.timeStamp
  return typeof stamp === 'number' && stamp > 0 && stamp <= now ? stamp : now
}

/**
 * A PIN field: `pinLength` boxes that fill with dots (a digit is never drawn) and a 3 x 4 number
 * pad for remotes without digit keys. The remote's digits type directly; arrows move on the pad
 * and a key at its edge bubbles; OK presses the focused pad key. Back deletes the last digit, or
 * bubbles when there is none. The last digit fires `$pinEntered(pin)` once; the entry then takes
 * no digits until the owner calls `clear()` (after a wrong PIN, say).
 */
export default class PinEntry extends Lightning.Component {
  private _pinLength = MIN_PIN_LENGTH
  /** When the prompt opened (performance.now()): see OPENING_OK_GUARD_MS. */
  private _openedAt = -Infinity
  private _digits = ''
  private _submitted = false
  private _disabled = false
  private _position: PadPosition = { row: 0, col: 0 }

  static override _template(): Lightning.Component.Template {
    return { Boxes: {}, Pad: { y: PAD_TOP } }
  }

  override _init(): void {
    if (this.tag('Boxes').children.length === 0) this._buildBoxes()
    if (this.tag('Pad').children.length === 0) this._buildPad({ delete: '⌫', ok: 'OK' })
  }

  set pinLength(length: number) {
    this._pinLength = Math.max(MIN_PIN_LENGTH, Math.floor(length))
    this._digits = this._digits.slice(0, this._pinLength)
    this._buildBoxes()
  }

  get pinLength(): number {
    return this._pinLength
  }

  set labels(labels: PinEntryLabels) {
    this._buildPad(labels)
  }

  /** While disabled (a lockout), digits are ignored; the pad can still be moved over. */
  set disabled(disabled: boolean) {
    this._disabled = disabled
    if (disabled) this.clear()
  }

  get disabled(): boolean {
    return this._disabled
  }

  /** The prompt has just opened: OK is not a pad key press for a moment. */
  opened(): void {
    this._openedAt = performance.now()
  }

  clear(): void {
    this._digits = ''
    this._submitted = false
    this._renderBoxes()
  }

  snapshot(): PinEntrySnapshot {
    return { length: this._digits.length, focusedKey: padKeyAt(this._position) }
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.tag('Pad').children[this._position.row * PAD.columns + this._position.col]
  }

  override _handleUp(): boolean {
    return this._move('up')
  }

  override _handleDown(): boolean {
    return this._move('down')
  }

  override _handleLeft(): boolean {
    return this._move('left')
  }

  override _handleRight(): boolean {
    return this._move('right')
  }

  override _handleEnter(event?: KeyboardEvent): boolean {
    const key = padKeyAt(this._position)
    // A held OK repeats: only delete may repeat, a digit must not be typed twice by accident.
    if (event?.repeat && key !== 'delete') return true
    if (pressedAt(event) - this._openedAt < OPENING_OK_GUARD_MS) return true
    if (key === 'delete') this._deleteLast()
    else if (key === 'ok') this._submit()
    else this.typeDigit(key)
    return true
  }

  override _handleBack(): boolean {
    if (!this._digits.length || this._submitted) return false
    this._deleteLast()
    return true
  }

  /** One digit typed, from the pad or a number key (whose auto-repeat installDigitKeys drops). */
  typeDigit(digit: string): void {
    if (this._disabled) return
    if (this._digits.length < this._pinLength) {
      this._digits += digit
      this._renderBoxes()
    }
    if (this._digits.length === this._pinLength) this._submit()
  }

  private _deleteLast(): void {
    if (this._submitted) return
    this._digits = this._digits.slice(0, -1)
    this._renderBoxes()
  }

  private _submit(): void {
    if (this._submitted || this._disabled || this._digits.length < this._pinLength) return
    this._submitted = true
    fireUp(this, '$pinEntered', this._digits)
  }

  private _move(direction: Direction): boolean {
    const next = movePad(this._position, direction)
    if (!next) return false
    this._position = next
    this._refocus()
    return true
  }

  private _width(): number {
    return Math.max(boxesWidth(this._pinLength), PAD_WIDTH)
  }

  private _buildBoxes(): void {
    const left = (this._width() - boxesWidth(this._pinLength)) / 2
    this.tag('Boxes').children = Array.from({ length: this._pinLength }, (_, i) => ({
      x: left + i * (BOXES.w + BOXES.gap),
      w: BOXES.w,
      h: BOXES.h,
      rect: true,
      shader: {
        type: Lightning.shaders.RoundedRectangle,
        radius: 12,
        stroke: 3,
        fillColor: 0x22ffffff,
      },
      Dot: {
        x: BOXES.w / 2,
        y: BOXES.h / 2,
        mount: 0.5,
        w: BOXES.dot,
        h: BOXES.dot,
        rect: true,
        color: theme.colors.text,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: BOXES.dot / 2 },
      },
    }))
    this.tag('Pad').x = (this._width() - PAD_WIDTH) / 2
    this.w = this._width()
    this._renderBoxes()
  }

  private _buildPad(labels: PinEntryLabels): void {
    this.tag('Pad').children = PAD_ROWS.flatMap((row, r) =>
      row.map((key, c) => ({
        type: PadKey,
        x: c * (PAD.keyW + PAD.gap),
        y: r * (PAD.keyH + PAD.gap),
        kind: key === 'delete' || key === 'ok' ? key : 'digit',
        label: key === 'delete' ? labels.delete : key === 'ok' ? labels.ok : key,
      })),
    )
    this.tag('Pad').x = (this._width() - PAD_WIDTH) / 2
    this._refocus()
  }

  private _renderBoxes(): void {
    const boxes = this.tag('Boxes').children as Lightning.Component[]
    boxes.forEach((box, i) => {
      const style = boxStyle(i < this._digits.length, i === this._digits.length)
      ;(box.shader as unknown as { strokeColor: number }).strokeColor = style.border
      box.tag('Dot').alpha = style.dotAlpha
    })
  }
}

installDigitKeys(PinEntry, (component, digit) => component.typeDigit(digit))
