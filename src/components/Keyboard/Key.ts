import { Lightning } from '@lightningjs/sdk'
import { theme } from '../theme'
import type { KeySpec } from './layouts'
import { keyStyle } from './Keyboard.styles'

/** One key: draws its label and its focused state; the keyboard decides what pressing it does. */
export default class Key extends Lightning.Component {
  private _kind: KeySpec['kind'] = 'char'

  static override _template(): Lightning.Component.Template {
    return {
      rect: true,
      pivot: 0.5,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: 10 },
      Label: {
        mount: 0.5,
        text: { text: '', fontFace: theme.font, fontSize: 34, textAlign: 'center' },
      },
    }
  }

  set kind(kind: KeySpec['kind']) {
    this._kind = kind
    this._applyStyle(this.hasFocus())
  }

  set label(text: string) {
    this.tag('Label').text.text = text
  }

  override _init(): void {
    this.tag('Label').patch({ x: this.w / 2, y: this.h / 2 + 2 })
    this._applyStyle(false)
  }

  override _focus(): void {
    this._applyStyle(true)
  }

  override _unfocus(): void {
    this._applyStyle(false)
  }

  private _applyStyle(focused: boolean): void {
    const style = keyStyle(this._kind, focused)
    this.patch({ color: style.background, scale: style.scale })
    const label = this.tag('Label')
    label.color = style.text
    label.text.fontSize = style.fontSize
  }
}
