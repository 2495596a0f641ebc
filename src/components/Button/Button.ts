import type { Announceable } from '../../accessibility/phrases'
import { fireUp } from '../fire'
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../theme'
import { buttonStyle } from './Button.styles'

/** Room between the button's edge and its label. */
const SIDE = 36
/**
 * Room drawn around the label's text: bold glyphs reach past the width the engine measures, and
 * the texture cut a pixel off the first and last letters (the N of "Nederlands", the D of
 * "Deutsch"). The label is drawn this much further left, so the text stays where it was.
 */
const GLYPH_ROOM = 4

/** A focusable text button. Fires `$buttonPressed(id)` on OK so its container decides what it does. */
export default class Button extends Lightning.Component {
  private _label = ''
  private _buttonId = ''

  static override _template(): Lightning.Component.Template {
    return {
      h: 72,
      rect: true,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: 36 },
      Label: {
        x: SIDE - GLYPH_ROOM,
        y: 38,
        mountY: 0.5,
        text: {
          text: '',
          fontFace: theme.font,
          fontSize: 30,
          fontStyle: 'bold',
          paddingLeft: GLYPH_ROOM,
          paddingRight: GLYPH_ROOM,
        },
      },
    }
  }

  set label(value: string) {
    this._label = value
    this.tag('Label').text.text = value
    this._layout()
  }

  get label(): string {
    return this._label
  }

  /** What the announcer says when the button gets focus. */
  get announcement(): Announceable {
    return { kind: 'button', label: this._label }
  }

  set buttonId(value: string) {
    this._buttonId = value
  }

  get buttonId(): string {
    return this._buttonId
  }

  override _init(): void {
    // Registered before the row's listener, so the row lays out with this button's new width.
    this.tag('Label').on('txLoaded', () => this._layout())
    this._applyStyle(false)
  }

  override _focus(): void {
    this._applyStyle(true)
  }

  override _unfocus(): void {
    this._applyStyle(false)
  }

  override _handleEnter(): boolean {
    fireUp(this, '$buttonPressed', this._buttonId)
    return true
  }

  private _layout(): void {
    const rendered = this.tag('Label').renderWidth
    const labelWidth = rendered ? rendered - 2 * GLYPH_ROOM : this._label.length * 16
    this.w = Math.max(180, labelWidth + 2 * SIDE)
  }

  private _applyStyle(focused: boolean): void {
    const style = buttonStyle(focused)
    this.patch({ color: style.background, scale: style.scale })
    this.tag('Label').color = style.text
  }
}
