import { Lightning } from '@lightningjs/sdk'
import { fireUp } from '../components/fire'
import PinDialog, { type PinDialogSnapshot } from '../components/PinDialog'
import type { PinDialogPrompt, PinDialogResult } from '../components/PinDialog/pinDialogModel'
import type { AppContext, PinKind } from './context'
import { phraseOf } from '../accessibility/phrases'

/**
 * check: the PIN of `kind` is asked and checked (lockout included).
 * current: changing a PIN starts with the current one, checked like any entry.
 * choose / confirm: a new PIN, typed twice; with no PIN of `kind` yet this also answers the
 * request that needed one.
 */
type Step = 'check' | 'current' | 'choose' | 'confirm'

/**
 * ask: a screen needs the PIN. setup: the first-start choice, where Back takes the operator's
 * default PIN instead (when there is one). change: Settings replaces a PIN, old one first.
 */
type Mode = 'ask' | 'setup' | 'change'

interface Request {
  kind: PinKind
  prompt: PinDialogPrompt
  mode: Mode
  resolve(allowed: boolean): void
}

export interface PinOverlaySnapshot extends PinDialogSnapshot {
  kind: PinKind
  step: Step
  mode: Mode
}

/**
 * The app's one PIN prompt, drawn over any screen: screens call context.askPin and get true once
 * the right PIN was typed. A newer request replaces an open one, which resolves false.
 */
export default class PinOverlay extends Lightning.Component {
  private _context?: AppContext
  private _request?: Request
  private _step: Step = 'check'
  private _chosen = ''
  /** While changing: the current PIN, once checked, for changePin. Never kept afterwards. */
  private _current = ''

  static override _template(): Lightning.Component.Template {
    return { visible: false, Dialog: { type: PinDialog } }
  }

  set context(context: AppContext) {
    this._context = context
  }

  get open(): boolean {
    return this._request !== undefined
  }

  ask(kind: PinKind, prompt: PinDialogPrompt, mode: Mode = 'ask'): Promise<boolean> {
    this._finish(false)
    const context = this._context
    if (!context) return Promise.resolve(false)
    return new Promise((resolve) => {
      this._request = { kind, prompt, mode, resolve }
      const unset = context.parental.status(kind) === 'unset'
      this._show(unset ? 'choose' : mode === 'change' ? 'current' : 'check')
      this._dialog().opened()
      this.visible = true
      fireUp(this, '$pinOverlayChanged')
    })
  }

  /**
   * The question is no longer about what is on screen (a deep link, the launcher's "watch now"):
   * it ends unanswered, so nothing it guarded starts behind the new screen. The first-run PIN
   * setup stays: it is about the box, not a screen.
   */
  cancel(): void {
    if (this._request && this._request.mode !== 'setup') this._finish(false)
  }

  snapshot(): PinOverlaySnapshot | null {
    const request = this._request
    if (!request) return null
    return {
      ...this._dialog().snapshot(),
      kind: request.kind,
      step: this._step,
      mode: request.mode,
    }
  }

  override _getFocused(): Lightning.Component {
    return this._dialog()
  }

  async $pinEntered(pin: string): Promise<void> {
    const context = this._context
    const request = this._request
    if (!context || !request) return
    if (this._step === 'current') {
      const result = await context.parental.check(request.kind, pin).catch(() => null)
      if (this._request !== request) return
      if (!result) this._answer({ ok: false, reason: 'invalid' })
      else if (result.ok) {
        this._current = pin
        this._next('choose')
      } else this._answer(result)
    } else if (this._step === 'check') {
      const result = await context.parental.check(request.kind, pin).catch(() => null)
      if (this._request !== request) return
      // No WebCrypto on this engine: the PIN cannot be checked, so it never unlocks.
      if (!result) this._answer({ ok: false, reason: 'invalid' })
      else if (result.ok) this._finish(true)
      else if (result.reason === 'unset') this._next('choose')
      else this._answer(result)
    } else if (this._step === 'choose') {
      this._chosen = pin
      this._next('confirm')
    } else if (pin !== this._chosen) {
      this._next('choose', { ok: false, reason: 'mismatch' })
    } else {
      const saving =
        request.mode === 'change' && this._current
          ? context.parental.changePin(request.kind, this._current, pin)
          : context.parental.setPin(request.kind, pin)
      const saved = await saving.catch(() => ({ ok: false as const, reason: 'invalid' as const }))
      if (this._request !== request) return
      if (saved.ok) this._finish(true)
      else
        this._next('choose', {
          ok: false,
          reason: saved.reason === 'same-as-other' ? 'same-as-other' : 'invalid',
        })
    }
  }

  async $pinCancelled(): Promise<void> {
    const request = this._request
    if (!request) return
    if (request.mode === 'setup') {
      // "Later": the operator's default PIN stands in until the household chooses its own.
      const skipped = await this._context?.parental.skipSetup()
      if (this._request !== request) return
      // No default configured: the household must choose; the dialog says why.
      if (!skipped?.ok) return this._next('choose', { ok: false, reason: 'no-default' })
      return this._finish(true)
    }
    this._finish(false)
  }

  private _show(step: Step, result: PinDialogResult = null): void {
    const context = this._context
    const request = this._request
    if (!context || !request) return
    this._step = step
    if (step === 'choose') this._chosen = ''
    const length = context.config.parental.pinLength
    const prompt: PinDialogPrompt =
      step === 'check'
        ? request.prompt
        : step === 'current'
          ? { kind: 'current', pin: request.kind }
          : step === 'choose'
            ? { kind: 'choose', pin: request.kind, length }
            : { kind: 'confirm', pin: request.kind }
    const locked = context.parental.lockedUntil(request.kind)
    this._dialog().content = {
      prompt,
      t: context.t,
      now: () => context.platform.wallClock(),
      pinLength: length,
      result:
        result ??
        (step === 'check' && locked ? { ok: false, reason: 'locked', until: locked } : null),
    }
  }

  /** The answer to the PIN just typed ("Code incorrect · 4 essais restants"), shown and said. */
  private _answer(result: PinDialogResult): void {
    this._dialog().result = result
    this._announce()
  }

  /** The next step of the same question (confirm the new PIN, choose again), shown and said. */
  private _next(step: Step, result: PinDialogResult = null): void {
    this._show(step, result)
    this._announce()
  }

  /**
   * Says the dialog as it now reads: the focus stays on the pad, so the announcer, which speaks
   * on focus changes, would say nothing of a new step or an answer.
   */
  private _announce(): void {
    const context = this._context
    if (context) context.announcer.say(phraseOf(this._dialog().announcement, context.t))
  }

  private _finish(allowed: boolean): void {
    const request = this._request
    if (!request) return
    this._request = undefined
    this._current = ''
    this._chosen = ''
    this.visible = false
    fireUp(this, '$pinOverlayChanged')
    request.resolve(allowed)
  }

  private _dialog(): PinDialog {
    return this.tag('Dialog') as PinDialog
  }
}
