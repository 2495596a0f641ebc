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
      rect: true,
      color: theme.colors.surface,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: 24 },
      // A flex column: a title on two lines ("Aucun programme à afficher pour le moment" in large
      // type) pushes the message and the buttons down and the panel grows, instead of its second
      // line being drawn over the message. Texts get their height once drawn, in any language.
      flex: { direction: 'column', padding: PAD, paddingTop: 60, paddingBottom: 56 },
      Title: {
        color: theme.colors.onSurface,
        ...textStyle(44, {
          fontStyle: 'bold',
          wordWrapWidth: TEXT_WIDTH,
          maxLines: 2,
          maxLinesSuffix: '…',
          lineHeight: 54,
        }),
      },
      Message: {
        flexItem: { marginTop: 16 },
        color: theme.colors.textDim,
        ...textStyle(28, {
          wordWrapWidth: TEXT_WIDTH,
          maxLines: 6,
          maxLinesSuffix: '…',
          lineHeight: 38,
        }),
      },
      Buttons: { flexItem: { marginTop: 48 }, h: 72, type: ButtonRow },
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

  /** Where the title, message and buttons are drawn in the panel (for tests: none overlaps). */
  get layout(): {
    titleBottom: number
    messageTop: number
    messageBottom: number
    buttonsTop: number
  } {
    const title = this.tag('Title')
    const message = this.tag('Message')
    return {
      titleBottom: title.finalY + title.renderHeight,
      messageTop: message.finalY,
      messageBottom: message.finalY + message.renderHeight,
      buttonsTop: this.tag('Buttons').finalY,
    }
  }

  get focusedId(): string | undefined {
    return (this.tag('Buttons') as ButtonRow).focusedId
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Buttons')
  }
}
