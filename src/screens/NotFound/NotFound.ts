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
  reason: 'missing' | 'unavailable' | 'expired' | 'upcoming' | Refusal
  /** The way offered out of a refusal ("Louer 5,99 €", "Entrer le code"), if any. */
  action: string | undefined
  /** Over a locked live channel: a channel number being typed to leave it ('' when none). */
  digits?: string
}

/**
 * Why a title that exists does not play for this household: it must be rented or is in a pass
 * it does not hold ('unpriced': one the operator gives no price for, so not sold here), its
 * rights could not be checked (the operator's service did not answer and the box keeps none), it
 * is not for this kids profile, or it waits for the parental PIN.
 */
export type Refusal = 'rent' | 'subscribe' | 'unpriced' | 'unchecked' | 'kids' | 'locked'

/** A button offered with a refusal, and what it does. */
export interface RefusalAction {
  id: string
  label: string
  run(): void
}

/**
 * Shown for an unknown route or title id, with a way home; or, when the catalogue service could
 * not be reached to look the title up, says so and offers to try again.
 */
export default class NotFound extends Lightning.Component {
  private _path = ''
  private _reason: NotFoundSnapshot['reason'] = 'missing'
  private _action?: RefusalAction

  static override _template(): Lightning.Component.Template {
    return {
      ...screenBackground,
      Title: {
        x: 960,
        y: 360,
        mountX: 0.5,
        color: theme.colors.onBackground,
        ...textStyle(64, { fontStyle: 'bold' }),
      },
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
    action?: RefusalAction,
  ): void {
    this._path = path
    this._reason = reason
    this._action = action
    const unavailable = reason === 'unavailable'
    const keys: Record<NotFoundSnapshot['reason'], [string, string]> = {
      missing: ['notFound.title', 'notFound.message'],
      unavailable: ['error.catalogue.title', 'error.catalogue.help'],
      expired: ['availability.expiredTitle', 'availability.expiredMessage'],
      upcoming: ['availability.upcomingTitle', 'availability.upcomingMessage'],
      rent: ['refusal.rentTitle', 'refusal.rentMessage'],
      subscribe: ['refusal.subscribeTitle', 'refusal.subscribeMessage'],
      unpriced: ['refusal.subscribeTitle', 'refusal.unpricedMessage'],
      unchecked: ['refusal.uncheckedTitle', 'refusal.uncheckedMessage'],
      kids: ['refusal.kidsTitle', 'refusal.kidsMessage'],
      locked: ['refusal.lockedTitle', 'refusal.lockedMessage'],
    }
    const [title, message] = keys[reason]
    this.tag('Title').text.text = context.t(title)
    this.tag('Message').text.text = context.t(message, values)
    // The link is what went wrong only when nothing answers to it; a refusal names no link.
    this.tag('Path').text.text = path && reason === 'missing' ? `#${path}` : ''
    const specs = [
      ...(action ? [{ id: action.id, label: action.label }] : []),
      ...(unavailable ? [{ id: 'retry', label: context.t('error.retry') }] : []),
      { id: 'home', label: context.t('notFound.home') },
    ]
    const buttons = this.tag('Buttons') as ButtonRow
    buttons.buttons = specs
    buttons.focusOn(specs[0]!.id)
  }

  snapshot(): NotFoundSnapshot {
    return {
      screen: 'not-found',
      path: this._path,
      reason: this._reason,
      action: this._action?.label,
    }
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Buttons')
  }

  $buttonPressed(id: string): void {
    if (this._action && id === this._action.id) this._action.run()
    else if (id === 'retry') Router.reload()
    else Router.navigate('home')
  }

  /**
   * Back goes where the household came from, as from the screen this stands for: a channel
   * picked in the guide whose PIN was not given returns to the guide. With nothing before it (a
   * deep link), the Router's close handler leads home.
   */
  override _handleBack(): boolean {
    Router.back()
    return true
  }
}
