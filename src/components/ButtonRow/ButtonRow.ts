import { Lightning } from '@lightningjs/sdk'
import { fireUp } from '../fire'
import Button from '../Button'
import { textStyle, theme } from '../theme'

export interface ButtonSpec {
  id: string
  label: string
}

const GAP = 24

/**
 * A row of buttons. Left/Right move between them; at either end the key bubbles up. OK on a
 * button fires `$buttonPressed(id)` to the row's ancestors.
 */
export default class ButtonRow extends Lightning.Component {
  private _index = 0
  private _specs: ButtonSpec[] = []
  /** How wide the row may be on screen (Infinity: as wide as its buttons). */
  private _viewWidth = Infinity
  /** How far the buttons are scrolled left to keep the focused one in view. */
  private _offset = 0

  static override _template(): Lightning.Component.Template {
    // Chevrons where buttons are scrolled out of view: a row wider than the screen (Settings in
    // Dutch) otherwise hid its last button with nothing to say it was there.
    const chevron = (text: string) => ({
      visible: false,
      y: 36,
      mountY: 0.5,
      color: theme.colors.textDim,
      ...textStyle(44, { text }),
    })
    return { Buttons: {}, MoreLeft: { mountX: 1, ...chevron('‹') }, MoreRight: chevron('›') }
  }

  /** Whether buttons are out of view on each side (drawn as chevrons). */
  get more(): { left: boolean; right: boolean } {
    return { left: this.tag('MoreLeft').visible, right: this.tag('MoreRight').visible }
  }

  set buttons(specs: ButtonSpec[]) {
    const sameIds = specs.map((s) => s.id).join() === this._specs.map((s) => s.id).join()
    // Only a focus the household can see is kept; a row they are not on starts from its first.
    const focusedBefore = this.hasFocus() ? this.focusedId : undefined
    this._specs = specs
    if (sameIds) {
      this._buttons().forEach((button, i) => (button.label = specs[i]!.label))
    } else {
      this.tag('Buttons').children = specs.map((spec) => ({
        type: Button,
        label: spec.label,
        buttonId: spec.id,
      }))
      // A button arriving late (Live TV once the channels are known) must not move the focus
      // under the household's thumb: OK then opens what they were looking at.
      this._index = keptIndex(focusedBefore, specs)
      // Widths are known only once label textures load; lay out again each time one does.
      this._buttons().forEach((button) => button.tag('Label').on('txLoaded', () => this._layout()))
      // The focused element was replaced: the focus path must point at the new one.
      this._refocus()
    }
    this._layout()
  }

  /**
   * The width the row may take on screen. A row of more buttons (a long language in German, one
   * more profile) scrolls so the focused button shows whole, and only whole buttons are drawn:
   * one cut by the screen's edge was a white sliver when focused.
   */
  set viewWidth(width: number) {
    this._viewWidth = width
    this._scroll()
  }

  get viewWidth(): number {
    return this._viewWidth
  }

  get labels(): string[] {
    return this._specs.map((spec) => spec.label)
  }

  get ids(): string[] {
    return this._specs.map((spec) => spec.id)
  }

  get focusedId(): string | undefined {
    return this._specs[this._index]?.id
  }

  get index(): number {
    return this._index
  }

  focusOn(id: string): void {
    const index = this._specs.findIndex((spec) => spec.id === id)
    if (index >= 0) {
      this._index = index
      this._refocus()
      this._scroll()
    }
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._buttons()[this._index]
  }

  override _handleLeft(): boolean {
    if (this._index === 0) return false
    this._moveTo(this._index - 1)
    return true
  }

  override _handleRight(): boolean {
    if (this._index >= this._specs.length - 1) return false
    this._moveTo(this._index + 1)
    return true
  }

  private _moveTo(index: number): void {
    this._index = index
    this._scroll()
    fireUp(this, '$rowFocusChanged', this._specs[index]!.id)
  }

  private _buttons(): Button[] {
    return this.tag('Buttons').children as Button[]
  }

  private _scroll(width = this.w): void {
    const buttons = this._buttons()
    if (!Number.isFinite(this._viewWidth) && this._offset === 0) return
    this._offset =
      width > this._viewWidth
        ? scrollOffset(buttons, this._index, this._viewWidth, this._offset)
        : 0
    // Not -0: 0 when not scrolled.
    this.tag('Buttons').x = this._offset ? -this._offset : 0
    const end = this._offset + this._viewWidth
    for (const button of buttons)
      button.alpha = button.x >= this._offset - 0.5 && button.x + button.w <= end + 0.5 ? 1 : 0
    const shown = buttons.filter((button) => button.alpha === 1)
    const first = shown[0]
    const last = shown[shown.length - 1]
    const left = this.tag('MoreLeft')
    const right = this.tag('MoreRight')
    left.visible = Boolean(first && buttons[0] !== first)
    right.visible = Boolean(last && buttons[buttons.length - 1] !== last)
    if (first) left.x = first.x - this._offset - GAP / 2
    if (last) right.x = last.x + last.w - this._offset + GAP / 2
  }

  private _layout(): void {
    let x = 0
    for (const button of this._buttons()) {
      button.x = x
      x += button.w + GAP
    }
    const w = Math.max(0, x - GAP)
    this._scroll(w)
    if (w === this.w) return
    this.w = w
    // For what shares its line (home's top bar and the operator's name).
    this.emit('resized', w)
  }
}

/**
 * How far a row of buttons (`spans`: x and width of each) scrolls so the one at `index` is whole
 * inside `view`, moving as little as possible from `offset`, and never past the row's ends.
 */
export function scrollOffset(
  spans: readonly { x: number; w: number }[],
  index: number,
  view: number,
  offset: number,
): number {
  const focused = spans[index]
  const last = spans[spans.length - 1]
  if (!focused || !last || !Number.isFinite(view)) return 0
  let next = offset
  if (focused.x + focused.w - next > view) next = focused.x + focused.w - view
  if (focused.x < next) next = focused.x
  return Math.max(0, Math.min(next, Math.max(0, last.x + last.w - view)))
}

/**
 * Where the focus goes when the buttons change: the same button if it is still there, else the
 * first (a new set of buttons, such as Resume in place of Play, starts from its first).
 */
export function keptIndex(focusedId: string | undefined, specs: readonly ButtonSpec[]): number {
  const same = focusedId === undefined ? -1 : specs.findIndex((spec) => spec.id === focusedId)
  return Math.max(0, same)
}
