import { Lightning, Router } from '@lightningjs/sdk'
import type { AppContext } from '../../app/context'
import ButtonRow from '../../components/ButtonRow'
import { theme, textStyle, screenBackground } from '../../components/theme'

export interface NotFoundSnapshot {
  screen: 'not-found'
  path: string
}

/** Shown for an unknown route or an unknown title id, with a way home. */
export default class NotFound extends Lightning.Component {
  private _path = ''

  static override _template(): Lightning.Component.Template {
    return {
      ...screenBackground,
      Title: { x: 960, y: 360, mountX: 0.5, ...textStyle(64, { fontStyle: 'bold' }) },
      Message: { x: 960, y: 460, mountX: 0.5, color: theme.colors.textDim, ...textStyle(32) },
      Path: { x: 960, y: 520, mountX: 0.5, color: 0xff6b7785, ...textStyle(24) },
      Buttons: { x: 960, y: 620, mountX: 0.5, type: ButtonRow },
    }
  }

  show(context: AppContext, path: string): void {
    this._path = path
    this.tag('Title').text.text = context.t('notFound.title')
    this.tag('Message').text.text = context.t('notFound.message')
    this.tag('Path').text.text = path ? `#${path}` : ''
    ;(this.tag('Buttons') as ButtonRow).buttons = [
      { id: 'home', label: context.t('notFound.home') },
    ]
  }

  snapshot(): NotFoundSnapshot {
    return { screen: 'not-found', path: this._path }
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Buttons')
  }

  $buttonPressed(): void {
    Router.navigate('home')
  }

  override _handleBack(): boolean {
    Router.navigate('home')
    return true
  }
}
