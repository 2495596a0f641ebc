import { Lightning } from '@lightningjs/sdk'
import { textStyle, theme, withAlpha } from '../theme'

const PAD_X = 22
export const NOTICE_HEIGHT = 44

/**
 * A small, discreet status pill in the bottom-right corner (e.g. "offline, showing content from
 * ..."). It takes no focus and handles no keys; an empty message hides it.
 */
export default class Notice extends Lightning.Component {
  private _message = ''

  static override _template(): Lightning.Component.Template {
    return {
      x: 1920 - theme.safe.x,
      y: 1080 - 36,
      mountX: 1,
      mountY: 1,
      h: NOTICE_HEIGHT,
      w: 200,
      rect: true,
      color: withAlpha(theme.colors.surface, 0xd8),
      visible: false,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: NOTICE_HEIGHT / 2 },
      Dot: {
        x: PAD_X,
        y: NOTICE_HEIGHT / 2 - 6,
        w: 12,
        h: 12,
        rect: true,
        color: theme.colors.rental,
      },
      Label: {
        x: PAD_X + 22,
        y: NOTICE_HEIGHT / 2 + 2,
        mountY: 0.5,
        color: theme.colors.text,
        ...textStyle(22),
      },
    }
  }

  override _init(): void {
    const label = this.tag('Label')
    label.on('txLoaded', () => (this.w = label.renderWidth + PAD_X * 2 + 22))
  }

  set message(message: string) {
    this._message = message
    this.visible = message !== ''
    const label = this.tag('Label')
    label.text.text = message
    // A first guess until the text texture reports its real width.
    this.w = message.length * 11 + PAD_X * 2 + 22
  }

  get message(): string {
    return this._message
  }
}
