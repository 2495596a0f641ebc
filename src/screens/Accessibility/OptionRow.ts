import { Lightning } from '@lightningjs/sdk'
import type { Announceable } from '../../accessibility/phrases'
import ButtonRow from '../../components/ButtonRow'
import { textStyle, theme } from '../../components/theme'
import type { OptionRowModel } from './accessibilityModel'

/** One setting: its name, then its choices as buttons. Entering it says its name. */
export default class OptionRow extends Lightning.Component {
  private _model?: OptionRowModel

  static override _template(): Lightning.Component.Template {
    return {
      Label: { color: theme.colors.textDim, ...textStyle(30) },
      Options: { y: 48, type: ButtonRow },
    }
  }

  set model(model: OptionRowModel) {
    const first = !this._model
    this._model = model
    this.tag('Label').text.text = model.title
    const options = this.tag('Options') as ButtonRow
    options.buttons = model.options
    if (first) options.focusOn(model.chosen)
  }

  get model(): OptionRowModel | undefined {
    return this._model
  }

  get focusedOption(): string | undefined {
    return (this.tag('Options') as ButtonRow).focusedId
  }

  get announcement(): Announceable | undefined {
    return this._model ? { kind: 'group', title: this._model.title } : undefined
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Options')
  }
}
