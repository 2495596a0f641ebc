import { Lightning, Router } from '@lightningjs/sdk'
import type { AppContext } from '../../app/context'
import ButtonRow from '../../components/ButtonRow'
import { theme, textStyle, screenBackground } from '../../components/theme'

export interface NotFoundSnapshot {
  screen: 'not-found'
  path: string
  /**
   * 'unavailable': the catalogue service could not be asked (an outage), not "no such title".
   * 'expired' / 'upcoming': the title exists but its availability window is closed / not open yet.
   */
  reason: 'missing' | 'unavailable' | 'expired' | 'upcoming'
}

/**
 * Shown for an unknown route or title id, with a way home; or, when the catalogue service could
 * not be reached to look the title up, says so and offers to try again.
 */
export default class NotFound extends Lightning.Component {
  private _path = ''
  private _reason: NotFoundSnapshot['reason'] = 'missing'

  static override _template(): Lightning.Component.Template {
    return {
      ...screenBackground,
      Title: { x: 960, y: 360, mountX: 0.5, ...textStyle(64, { fontStyle: 'bold' }) },
      Message: { x: 960, y: 460, mountX: 0.5, color: theme.colors.textDim, ...textStyle(32) },
      Path: { x: 960, y: 520, mountX: 0.5, color: 0xff6b7785, ...textStyle(24) },
      Buttons: { x: 960, y: 620, mountX: 0.5, type: ButtonRow },
    }
  }

  show(
    context: AppContext,
    path: string,
    reason: NotFoundSnapshot['reason'] = 'missing',
    values: Record<string, string> = {},
  ): void {
    this._path = path
    this._reason = reason
    const unavailable = reason === 'unavailable'
    const keys: Record<NotFoundSnapshot['reason'], [string, string]> = {
      missing: ['notFound.title', 'notFound.message'],
      unavailable: ['error.catalogue.title', 'error.catalogue.help'],
      expired: ['availability.expiredTitle', 'availability.expiredMessage'],
      upcoming: ['availability.upcomingTitle', 'availability.upcomingMessage'],
    }
    const [title, message] = keys[reason]
    this.tag('Title').text.text = context.t(title)
    this.tag('Message').text.text = context.t(message, values)
    this.tag('Path').text.text = path ? `#${path}` : ''
    ;(this.tag('Buttons') as ButtonRow).buttons = [
      ...(unavailable ? [{ id: 'retry', label: context.t('error.retry') }] : []),
      { id: 'home', label: context.t('notFound.home') },
    ]
  }

  snapshot(): NotFoundSnapshot {
    return { screen: 'not-found', path: this._path, reason: this._reason }
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Buttons')
  }

  $buttonPressed(id: string): void {
    if (id === 'retry') Router.reload()
    else Router.navigate('home')
  }

  override _handleBack(): boolean {
    Router.navigate('home')
    return true
  }
}
