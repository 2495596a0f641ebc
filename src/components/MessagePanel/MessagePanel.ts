import { Lightning } from '@lightningjs/sdk'
import ButtonRow, { type ButtonSpec } from '../ButtonRow'
import { textStyle, theme } from '../theme'

const WIDTH = 1200
const PAD = 72
const TEXT_WIDTH = WIDTH - PAD * 2

export interface MessagePanelContent {
  title: string
  lines: string[]
  buttons: ButtonSpec[]
  /** Button focused when the content is set; by default the first. */
  focus?: string
}

/**
 * A message in place of a screen's content (not a modal): a heading, a few lines, and buttons.
 * Buttons fire `$buttonPressed(id)`; other keys bubble, so the screen keeps its own navigation
 * (Up to its top bar, Back to its exit question).
 */
export default class MessagePanel extends Lightning.Component {
  private _content: MessagePanelContent = { title: '', lines: [], buttons: [] }

  static override _template(): Lightning.Component.Template {
    return {
      w: WIDTH,
      h: 470,
      rect: true,
      color: theme.colors.surface,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: 24 },
      Title: {
        x: PAD,
        y: 60,
        color: theme.colors.onSurface,
        ...textStyle(44, { fontStyle: 'bold', wordWrapWidth: TEXT_WIDTH, maxLines: 2 }),
      },
      Message: {
        x: PAD,
        y: 140,
        color: theme.colors.textDim,
        ...textStyle(28, { wordWrapWidth: TEXT_WIDTH, maxLines: 6, lineHeight: 38 }),
      },
      Buttons: { x: PAD, y: 360, type: ButtonRow },
    }
  }

  set content(content: MessagePanelContent) {
    this._content = content
    this.tag('Title').text.text = content.title
    this.tag('Message').text.text = content.lines.join('\n')
    const row = this.tag('Buttons') as ButtonRow
    row.buttons = content.buttons
    if (content.focus) row.focusOn(content.focus)
  }

  get content(): MessagePanelContent {
    return this._content
  }

  get focusedId(): string | undefined {
    return (this.tag('Buttons') as ButtonRow).focusedId
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Buttons')
  }
}
