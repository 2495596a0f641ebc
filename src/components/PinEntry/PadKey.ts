import { Lightning } from '@lightningjs/sdk'
import type { Announceable } from '../../accessibility/phrases'
import { theme } from '../theme'
import { PAD, padKeyStyle } from './PinEntry.styles'

/** One key of the number pad: draws its label and focus; the entry decides what it does. */
export default class PadKey extends Lightning.Component {
  private _kind: 'digit' | 'delete' | 'ok' = 'digit'

  static override _template(): Lightning.Component.Template {
    return {
      w: PAD.keyW,
      h: PAD.keyH,
      rect: true,
      pivot: 0.5,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: 12 },
      Label: {
        x: PAD.keyW / 2,
        y: PAD.keyH / 2 + 2,
        mount: 0.5,
        text: { text: '', fontFace: theme.font, fontSize: 34, textAlign: 'center' },
      },
    }
  }

  set kind(kind: 'digit' | 'delete' | 'ok') {
    this._kind = kind
    this.tag('Label').text.fontSize = kind === 'digit' ? 34 : 26
    this._applyStyle(this.hasFocus())
  }

  set label(text: string) {
    this.tag('Label').text.text = text
  }

  /** The key under the focus is said ("Effacer", "7"); what was typed never is. */
  get announcement(): Announceable {
    return { kind: 'button', label: String(this.tag('Label').text.text) }
  }

  override _init(): void {
    this._applyStyle(this.hasFocus())
  }

  override _focus(): void {
    this._applyStyle(true)
  }

  override _unfocus(): void {
    this._applyStyle(false)
  }

  private _applyStyle(focused: boolean): void {
    const style = padKeyStyle(this._kind, focused)
    this.patch({ color: style.background, scale: style.scale })
    this.tag('Label').color = style.text
  }
}
