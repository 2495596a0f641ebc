import { Lightning } from '@lightningjs/sdk'
import type { Announceable } from '../accessibility/phrases'
import Button from '../components/Button'
import ButtonRow from '../components/ButtonRow'
import { fireUp } from '../components/fire'
import { textStyle, theme } from '../components/theme'
import {
  ACCEPT_ALL,
  CUSTOMISE,
  REFUSE_ALL,
  SAVE,
  consentView,
  toggled,
  type ConsentMode,
  type ConsentStep,
  type ConsentToggle,
} from '../consent/consentView'
import { NONE, PURPOSES, type Purpose, type Purposes } from '../consent/model'
import type { AppContext } from './context'

export interface ConsentOverlaySnapshot {
  step: ConsentStep
  mode: ConsentMode
  focused: string | undefined
  draft: Purposes
  buttons: string[]
}

const TOGGLE_PITCH = 96

/**
 * The consent question, over any screen: at first start (and after a new consent text) and from
 * Settings. "Tout accepter", "Tout refuser" and "Personnaliser" are drawn alike; the focus starts
 * on "Tout refuser" in the middle, so refusing is one press and accepting one move away.
 * Answers go to context.consent; the overlay fires $consentOverlayChanged when it opens or closes.
 */
export default class ConsentOverlay extends Lightning.Component {
  private _said: Announceable = { kind: 'dialog', title: '' }

  /** Opening the question says it, then the focused choice. */
  get announcement(): Announceable {
    return this._said
  }

  private _context?: AppContext
  private _mode: ConsentMode = 'first'
  private _step: ConsentStep = 'choice'
  private _draft: Purposes = NONE
  private _toggle = 0
  private _open = false
  private _done?: () => void

  static override _template(): Lightning.Component.Template {
    return {
      visible: false,
      w: 1920,
      h: 1080,
      rect: true,
      color: theme.colors.scrim,
      Panel: {
        x: 960,
        y: 540,
        mount: 0.5,
        w: 1300,
        h: 760,
        rect: true,
        color: theme.colors.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 24 },
        Title: {
          x: 72,
          y: 56,
          color: theme.colors.onSurface,
          ...textStyle(48, { fontStyle: 'bold', wordWrapWidth: 1156 }),
        },
        Message: {
          x: 72,
          y: 140,
          color: theme.colors.textDim,
          ...textStyle(28, { wordWrapWidth: 1156, maxLines: 8, lineHeight: 38 }),
        },
        Choices: { x: 72, y: 420, type: ButtonRow },
        Toggles: { x: 72, y: 250, visible: false },
        Detail: {
          x: 72,
          y: 640,
          color: theme.colors.textDim,
          ...textStyle(24, { wordWrapWidth: 1156, maxLines: 3, lineHeight: 32 }),
        },
      },
    }
  }

  set context(context: AppContext) {
    this._context = context
  }

  get open(): boolean {
    return this._open
  }

  /** Opens the question; resolves once the profile answered (or, from Settings, left it). */
  ask(mode: ConsentMode): Promise<void> {
    const context = this._context
    if (!context) return Promise.resolve()
    this._done?.()
    this._mode = mode
    this._draft = context.consent.purposes
    this._toggle = 0
    this._open = true
    this.visible = true
    this._show(mode === 'settings' ? 'customise' : 'choice')
    ;(this.tag('Panel.Choices') as ButtonRow).focusOn(REFUSE_ALL)
    fireUp(this, '$consentOverlayChanged')
    return new Promise((resolve) => (this._done = resolve))
  }

  snapshot(): ConsentOverlaySnapshot | null {
    if (!this._open) return null
    const row = this.tag('Panel.Choices') as ButtonRow
    return {
      step: this._step,
      mode: this._mode,
      draft: this._draft,
      focused: this._step === 'choice' ? row.focusedId : this._toggles()[this._toggle]?.buttonId,
      buttons: this._step === 'choice' ? row.labels : this._toggles().map((button) => button.label),
    }
  }

  override _getFocused(): Lightning.Component | undefined {
    if (this._step === 'choice') return this.tag('Panel.Choices')
    return this._toggles()[this._toggle]
  }

  override _handleUp(): boolean {
    if (this._step === 'customise' && this._toggle > 0) this._focusToggle(this._toggle - 1)
    return true
  }

  override _handleDown(): boolean {
    if (this._step === 'customise' && this._toggle < this._toggles().length - 1)
      this._focusToggle(this._toggle + 1)
    return true
  }

  override _handleBack(): boolean {
    if (this._step === 'customise' && this._mode === 'first') this._show('choice')
    else if (this._mode === 'settings') this._finish()
    return true
  }

  /** A modal: no key reaches the screen behind. */
  override _handleKey(): boolean {
    return true
  }

  $buttonPressed(id: string): void {
    const consent = this._context?.consent
    if (!consent) return
    if (id === ACCEPT_ALL) {
      consent.acceptAll()
      this._finish()
    } else if (id === REFUSE_ALL) {
      consent.refuseAll()
      this._finish()
    } else if (id === CUSTOMISE) {
      this._toggle = 0
      this._show('customise')
    } else if (id === SAVE) {
      consent.decide(this._draft)
      this._finish()
    } else if ((PURPOSES as readonly string[]).includes(id)) {
      this._draft = toggled(this._draft, id as Purpose, consent.store.value.kids)
      this._render()
    }
  }

  private _show(step: ConsentStep): void {
    this._step = step
    this.tag('Panel.Choices').visible = step === 'choice'
    this.tag('Panel.Toggles').visible = step === 'customise'
    this.tag('Panel.Detail').visible = step === 'customise'
    this._render()
    this._refocus()
  }

  private _focusToggle(index: number): void {
    this._toggle = index
    this._renderDetail()
    this._refocus()
  }

  private _view(): ReturnType<typeof consentView> | undefined {
    const context = this._context
    if (!context) return undefined
    return consentView(
      {
        step: this._step,
        mode: this._mode,
        draft: this._draft,
        kids: context.consent.store.value.kids,
      },
      context.t,
      context.config.brand.name,
    )
  }

  private _render(): void {
    const view = this._view()
    if (!view) return
    this._said = { kind: 'dialog', title: view.title, message: view.message }
    this.tag('Panel.Title').text.text = view.title
    this.tag('Panel.Message').text.text = view.message
    ;(this.tag('Panel.Choices') as ButtonRow).buttons = view.choices
    const holder = this.tag('Panel.Toggles')
    const existing = this._toggles()
    if (existing.length !== view.toggles.length) {
      holder.children = view.toggles.map((toggle: ConsentToggle, i: number) => ({
        type: Button,
        y: i * TOGGLE_PITCH,
        label: toggle.label,
        buttonId: toggle.id,
      }))
    } else {
      existing.forEach((button, i) => (button.label = view.toggles[i]!.label))
    }
    this._renderDetail()
  }

  private _renderDetail(): void {
    const view = this._view()
    this.tag('Panel.Detail').text.text = view?.toggles[this._toggle]?.detail ?? ''
  }

  private _toggles(): Button[] {
    return this.tag('Panel.Toggles').children as Button[]
  }

  private _finish(): void {
    if (!this._open) return
    this._open = false
    this.visible = false
    const done = this._done
    this._done = undefined
    fireUp(this, '$consentOverlayChanged')
    done?.()
  }
}
