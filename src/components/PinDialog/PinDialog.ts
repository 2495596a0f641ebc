import { Lightning } from '@lightningjs/sdk'
import type { Announceable } from '../../accessibility/phrases'
import type { Translate } from '../../catalogue/offers'
import { MIN_PIN_LENGTH } from '../../parental/pin'
import { fireUp } from '../fire'
import PinEntry from '../PinEntry'
import { textStyle, theme } from '../theme'
import {
  pinDialogModel,
  type PinDialogModel,
  type PinDialogPrompt,
  type PinDialogResult,
} from './pinDialogModel'

export interface PinDialogSnapshot {
  title: string
  message: string
  error: string
  /** Digits typed so far (never the digits themselves). */
  digits: number
  locked: boolean
}

export interface PinDialogContent {
  prompt: PinDialogPrompt
  t: Translate
  /** Wall-clock ms, for the lockout countdown. */
  now: () => number
  pinLength?: number
  /** The answer to a previous entry, e.g. a lockout already running when the dialog opens. */
  result?: PinDialogResult
}

const MINUTE = 60_000
const PANEL = { w: 1000, h: 860 }

/**
 * A full-screen PIN prompt: title, message, the PIN entry and a line for a wrong PIN or a
 * lockout. It fires `$pinEntered(pin)` up and the owner checks it, then hands the answer back
 * through `result`; a wrong PIN clears the entry, a lockout disables it and counts down each
 * minute until it ends (the timer stops when the dialog leaves the screen). Back with no digit
 * typed fires `$pinCancelled()`. Other keys stay in the dialog.
 */
export default class PinDialog extends Lightning.Component {
  private _content: PinDialogContent | null = null
  private _result: PinDialogResult = null
  private _model: PinDialogModel = {
    title: '',
    message: '',
    error: '',
    locked: false,
    lockedUntil: null,
  }
  private _timer: ReturnType<typeof setTimeout> | undefined

  static override _template(): Lightning.Component.Template {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: theme.colors.scrim,
      Panel: {
        x: 960,
        y: 540,
        mount: 0.5,
        w: PANEL.w,
        h: PANEL.h,
        rect: true,
        color: theme.colors.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 24 },
        Title: {
          x: PANEL.w / 2,
          y: 56,
          mountX: 0.5,
          color: theme.colors.onSurface,
          ...textStyle(44, { fontStyle: 'bold', textAlign: 'center', wordWrapWidth: 880 }),
        },
        Message: {
          x: PANEL.w / 2,
          y: 124,
          mountX: 0.5,
          color: theme.colors.textDim,
          ...textStyle(28, {
            textAlign: 'center',
            wordWrapWidth: 880,
            maxLines: 3,
            lineHeight: 38,
          }),
        },
        Entry: { x: PANEL.w / 2, y: 250, mountX: 0.5, type: PinEntry },
        // Just under the pad (its bottom is at 724), so that an error on two lines keeps a
        // margin above the panel's edge.
        Error: {
          x: PANEL.w / 2,
          y: 748,
          mountX: 0.5,
          color: theme.colors.danger,
          ...textStyle(28, {
            textAlign: 'center',
            wordWrapWidth: 880,
            maxLines: 2,
            lineHeight: 34,
          }),
        },
      },
    }
  }

  set content(content: PinDialogContent) {
    this._content = content
    const entry = this._entry()
    entry.pinLength = content.pinLength ?? MIN_PIN_LENGTH
    entry.labels = { delete: content.t('pin.key.delete'), ok: content.t('pin.key.ok') }
    entry.clear()
    this.result = content.result ?? null
  }

  /**
   * A new question has just opened (not the next step of one): the OK that may follow at once is
   * the second press of the one that opened it.
   */
  opened(): void {
    this._entry().opened()
  }

  /** The owner's answer to the PIN just entered. */
  set result(result: PinDialogResult) {
    this._result = result
    if (result && !result.ok) this._entry().clear()
    this._render()
  }

  snapshot(): PinDialogSnapshot {
    const { title, message, error, locked } = this._model
    return { title, message, error, digits: this._entry().snapshot().length, locked }
  }

  /** Opening the prompt says what it asks for (and why the last PIN was refused). */
  get announcement(): Announceable {
    const { title, message, error } = this._model
    return { kind: 'dialog', title, message: [message, error].filter(Boolean).join('. ') }
  }

  override _getFocused(): Lightning.Component {
    return this._entry()
  }

  override _detach(): void {
    this._stopTimer()
  }

  override _attach(): void {
    // Back on screen (the timer stopped on detach): the time left may have changed meanwhile.
    if (this._content) this._render()
  }

  $pinEntered(pin: string): void {
    fireUp(this, '$pinEntered', pin)
  }

  override _handleBack(): boolean {
    fireUp(this, '$pinCancelled')
    return true
  }

  /** A modal keeps every other key to itself. */
  override _handleKey(): boolean {
    return true
  }

  private _entry(): PinEntry {
    return this.tag('Panel.Entry') as PinEntry
  }

  private _render(): void {
    const content = this._content
    if (!content) return
    const now = content.now()
    this._model = pinDialogModel(content.prompt, this._result, content.t, now)
    this.tag('Panel.Title').text.text = this._model.title
    this.tag('Panel.Message').text.text = this._model.message
    this.tag('Panel.Error').text.text = this._model.error
    this._entry().disabled = this._model.locked
    this._stopTimer()
    if (this._model.lockedUntil !== null && this.attached) {
      this._startTimer(this._model.lockedUntil - now)
    }
  }

  /** Wakes when the minutes left change (or the lock ends), not every second. */
  private _startTimer(remaining: number): void {
    const untilNextMinute = ((remaining - 1) % MINUTE) + 1
    this._timer = setTimeout(() => {
      this._timer = undefined
      this._render()
    }, untilNextMinute)
  }

  private _stopTimer(): void {
    if (this._timer !== undefined) clearTimeout(this._timer)
    this._timer = undefined
  }
}
