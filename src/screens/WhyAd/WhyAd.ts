import { Lightning, Router } from '@lightningjs/sdk'
import { merge, type Subscription } from 'rxjs'
import { readyCatalogue, type AppContext } from '../../app/context'
import ButtonRow from '../../components/ButtonRow'
import { fireUp } from '../../components/fire'
import { screenBackground, textStyle, theme, SAFE_WIDTH } from '../../components/theme'
import { whyAdModel, type WhyAdModel } from './whyAdModel'

const TURN_OFF = 'turn-off'
const MANAGE = 'manage'
const WIDTH = SAFE_WIDTH

export interface WhyAdSnapshot extends WhyAdModel {
  screen: 'why-ad'
  focused: string | undefined
}

/**
 * "Pourquoi cette publicité ?" (Settings, or the Info key during an ad): the audience segments
 * ad requests carry for the profile watching, in words, and how to switch them off; turning
 * personalised advertising off here takes effect at once.
 */
export default class WhyAd extends Lightning.Component {
  private _context?: AppContext
  private _subscription?: Subscription
  private _model?: WhyAdModel

  static override _template(): Lightning.Component.Template {
    return {
      ...screenBackground,
      Title: {
        x: theme.safe.x,
        y: 100,
        color: theme.colors.onBackground,
        ...textStyle(64, { fontStyle: 'bold' }),
      },
      Intro: {
        x: theme.safe.x,
        y: 220,
        color: theme.colors.onBackground,
        ...textStyle(32, { wordWrapWidth: WIDTH, maxLines: 3, lineHeight: 44 }),
      },
      Segments: { x: theme.safe.x + 40, y: 370 },
      HowOff: {
        x: theme.safe.x,
        y: 760,
        color: theme.colors.textDim,
        ...textStyle(28, { wordWrapWidth: WIDTH, maxLines: 2, lineHeight: 38 }),
      },
      Buttons: { x: theme.safe.x, y: 870, type: ButtonRow },
    }
  }

  bind(context: AppContext): void {
    this._subscription?.unsubscribe()
    this._context = context
    this._subscription = merge(
      context.ui.select((s) => s.language),
      context.consent.store.select((s) => s.record),
      context.profiles.active$,
    ).subscribe(() => this._render())
  }

  snapshot(): WhyAdSnapshot | null {
    if (!this._model) return null
    return {
      screen: 'why-ad',
      ...this._model,
      focused: (this.tag('Buttons') as ButtonRow).focusedId,
    }
  }

  override _detach(): void {
    this._subscription?.unsubscribe()
    this._subscription = undefined
    this._context = undefined
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Buttons')
  }

  $buttonPressed(id: string): void {
    const consent = this._context?.consent
    if (!consent) return
    if (id === TURN_OFF) consent.decide({ ...consent.purposes, ads: false })
    else if (id === MANAGE) fireUp(this, '$manageConsent')
  }

  override _handleBack(): boolean {
    Router.back()
    return true
  }

  private _render(): void {
    const context = this._context
    if (!context) return
    const brands = new Map(
      (readyCatalogue(context)?.titles ?? []).map((title) => [title.brand.id, title.brand.name]),
    )
    const model = whyAdModel(context.adTargeting(), context.profiles.active, context.t, (id) =>
      brands.get(id),
    )
    this._model = model
    this.tag('Title').text.text = model.title
    this.tag('Intro').text.text = model.intro
    this.tag('Segments').children = model.segments.map((text, i) => ({
      y: i * 44,
      color: theme.colors.onBackground,
      ...textStyle(30, { text: `• ${text}` }),
    }))
    this.tag('HowOff').text.text = model.howOff
    ;(this.tag('Buttons') as ButtonRow).buttons = [
      ...(model.canTurnOff ? [{ id: TURN_OFF, label: context.t('whyAd.turnOff') }] : []),
      { id: MANAGE, label: context.t('settings.privacy.manage') },
    ]
    this._refocus()
  }
}
