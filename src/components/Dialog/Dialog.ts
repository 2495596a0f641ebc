import type { Announceable } from '../../accessibility/phrases'
import { fireUp } from '../fire'
import { Lightning } from '@lightningjs/sdk'
import ButtonRow, { type ButtonSpec } from '../ButtonRow'
import { theme } from '../theme'

/**
 * A modal message with buttons, drawn over everything. It fires `$dialogChoice(id)` when a button
 * is pressed and `$dialogChoice('back')` on Back, so the owner decides what each choice does.
 */
export default class Dialog extends Lightning.Component {
  private _said: Announceable = { kind: 'dialog', title: '' }

  static override _template(): Lightning.Component.Template {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: theme.colors.scrim,
      // A flex column: a title on two lines, or a long technical message, pushes what is below it
      // down and makes the panel taller, instead of being drawn over the next line.
      Panel: {
        x: 960,
        y: 540,
        mount: 0.5,
        w: 1100,
        rect: true,
        color: theme.colors.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 24 },
        flex: { direction: 'column', padding: 72, paddingTop: 64, paddingBottom: 64 },
        Title: {
          color: theme.colors.onSurface,
          text: {
            text: '',
            fontFace: theme.font,
            fontSize: 48,
            fontStyle: 'bold',
            wordWrapWidth: 956,
            maxLines: 2,
            lineHeight: 60,
            textOverflow: 'ellipsis',
          },
        },
        Message: {
          flexItem: { marginTop: 24 },
          color: theme.colors.textDim,
          text: {
            text: '',
            fontFace: theme.font,
            fontSize: 28,
            wordWrapWidth: 956,
            maxLines: 10,
            lineHeight: 38,
            textOverflow: 'ellipsis',
          },
        },
        Buttons: { flexItem: { marginTop: 48 }, h: 72, type: ButtonRow },
      },
    }
  }

  set content(content: { title: string; message?: string; buttons: ButtonSpec[]; focus?: string }) {
    this._said = {
      kind: 'dialog',
      title: content.title,
      ...(content.message ? { message: content.message } : {}),
    }
    this.tag('Panel.Title').text.text = content.title
    this.tag('Panel.Message').text.text = content.message ?? ''
    const row = this.tag('Panel.Buttons') as ButtonRow
    row.buttons = content.buttons
    if (content.focus) row.focusOn(content.focus)
  }

  /** Opening the dialog says its title and message, then the focused button. */
  get announcement(): Announceable {
    return this._said
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Panel.Buttons')
  }

  $buttonPressed(id: string): void {
    fireUp(this, '$dialogChoice', id)
  }

  override _handleBack(): boolean {
    fireUp(this, '$dialogChoice', 'back')
    return true
  }

  /** A modal keeps every other key to itself. */
  override _handleKey(): boolean {
    return true
  }
}
