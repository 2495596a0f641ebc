import { Lightning, Router } from '@lightningjs/sdk'
import type { AppContext } from '../../app/context'
import MessagePanel from '../../components/MessagePanel'
import { screenBackground } from '../../components/theme'
import { pickText } from '../../i18n/localize'
import type { Title } from '../../catalogue/schema'
import { purchaseView, type Purchase as PurchaseTarget, type PurchaseStep } from './purchaseModel'

export interface PurchaseSnapshot {
  screen: 'purchase'
  kind: PurchaseTarget['kind'] | undefined
  titleId: string
  step: PurchaseStep['step']
  heading: string
  lines: string[]
  focused: string | undefined
}

/**
 * Renting a title or taking the pass: the price and terms, Confirm, then the purchase PIN, then
 * the request. Success plays the title at once (a rental's window starts at that first play); a
 * failure says why and, when the purchase may still go through, offers Retry, which the
 * entitlements store sends with the same idempotency key so nothing is charged twice.
 */
export default class Purchase extends Lightning.Component {
  private _context?: AppContext
  private _purchase?: PurchaseTarget
  private _title?: Title
  private _purchaseStep: PurchaseStep = { step: 'confirm' }

  static override _template(): Lightning.Component.Template {
    return {
      ...screenBackground,
      Panel: { type: MessagePanel, x: 960, y: 540, mount: 0.5 },
    }
  }

  show(context: AppContext, title: Title, purchase: PurchaseTarget): void {
    this._context = context
    this._title = title
    this._purchase = purchase
    this._purchaseStep = { step: 'confirm' }
    this._render('confirm')
  }

  snapshot(): PurchaseSnapshot {
    const panel = this.tag('Panel') as MessagePanel
    return {
      screen: 'purchase',
      kind: this._purchase?.kind,
      titleId: this._title?.id ?? '',
      step: this._purchaseStep.step,
      heading: panel.content.title,
      lines: panel.content.lines,
      focused: panel.focusedId,
    }
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Panel')
  }

  override _handleBack(): boolean {
    // A request under way finishes (and is recorded) even if the household leaves.
    Router.back()
    return true
  }

  $buttonPressed(id: string): void {
    if (this._purchaseStep.step === 'working') return
    // Only what the screen offers: a pass without a price has no Confirm (purchaseView).
    if (!this._view()?.buttons.some((button) => button.id === id)) return
    if (id === 'cancel') Router.back()
    else if (id === 'confirm') void this._confirm()
    else if (id === 'retry') void this._send()
  }

  private async _confirm(): Promise<void> {
    const context = this._context
    const purchase = this._purchase
    if (!context || !purchase) return
    const view = this._view()
    const allowed = await context.askPin(
      'purchase',
      {
        title: context.t('purchase.pinTitle'),
        message: view ? `${view.heading}\n${view.lines[0] ?? ''}` : '',
      },
      purchase.titleId,
    )
    if (allowed && this._purchase === purchase) await this._send()
  }

  private async _send(): Promise<void> {
    const context = this._context
    const purchase = this._purchase
    if (!context || !purchase) return
    this._changeStep({ step: 'working' })
    const result =
      purchase.kind === 'rental'
        ? await context.entitlements.rent({ id: purchase.titleId }, purchase.offer)
        : await context.entitlements.subscribe(purchase.passId)
    // The household may have left, or opened another purchase, meanwhile.
    if (this._purchase !== purchase || !this.attached) return
    if (result.ok) {
      Router.navigate(`play/${purchase.titleId}`, false)
      return
    }
    this._changeStep({ step: 'failed', error: result.error })
  }

  private _changeStep(state: PurchaseStep): void {
    this._purchaseStep = state
    this._render(
      state.step === 'failed' ? (state.error.recoverable ? 'retry' : 'cancel') : 'confirm',
    )
  }

  private _view() {
    const context = this._context
    const purchase = this._purchase
    const title = this._title
    if (!context || !purchase || !title) return undefined
    const order = context.contentOrder()
    return purchaseView(
      purchase,
      pickText(title.title, order),
      this._purchaseStep,
      context.t,
      order[0] ?? 'fr',
    )
  }

  private _render(focus: string): void {
    const view = this._view()
    if (!view) return
    ;(this.tag('Panel') as MessagePanel).content = {
      title: view.heading,
      lines: view.lines,
      buttons: view.buttons,
      // A purchase that cannot be made here (a pass without a price) has only Back.
      focus: view.buttons.some((button) => button.id === focus) ? focus : view.buttons[0]?.id,
    }
  }
}
