import { Lightning } from '@lightningjs/sdk'
import { fireUp } from '../fire'
import Button from '../Button'

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

  static override _template(): Lightning.Component.Template {
    return { Buttons: {} }
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
    fireUp(this, '$rowFocusChanged', this._specs[index]!.id)
  }

  private _buttons(): Button[] {
    return this.tag('Buttons').children as Button[]
  }

  private _layout(): void {
    let x = 0
    for (const button of this._buttons()) {
      button.x = x
      x += button.w + GAP
    }
    const w = Math.max(0, x - GAP)
    if (w === this.w) return
    this.w = w
    // For what shares its line (home's top bar and the operator's name).
    this.emit('resized', w)
  }
}

/**
 * Where the focus goes when the buttons change: the same button if it is still there, else the
 * first (a new set of buttons, such as Resume in place of Play, starts from its first).
 */
export function keptIndex(focusedId: string | undefined, specs: readonly ButtonSpec[]): number {
  const same = focusedId === undefined ? -1 : specs.findIndex((spec) => spec.id === focusedId)
  return Math.max(0, same)
}
