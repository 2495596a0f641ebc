import { Lightning, Router } from '@lightningjs/sdk'
import { merge, type Subscription } from 'rxjs'
import type { AppContext } from '../../app/context'
import { fireUp } from '../../components/fire'
import { screenBackground, textStyle, theme } from '../../components/theme'
import { accessibilityRows, choose, type OptionRowModel, type RowId } from './accessibilityModel'
import OptionRow from './OptionRow'

/** Vertical distance between rows. */
const ROW_PITCH = 150
/** Time for the household to read (or hear) that the app restarts, before it does. */
const RESTART_DELAY_MS = 2500

export interface AccessibilitySnapshot {
  screen: 'accessibility'
  row: RowId | undefined
  focusedOption: string | undefined
  rows: { id: RowId; chosen: string }[]
  restarting: boolean
}

/**
 * Settings › Accessibilité: text-to-speech, high contrast and the subtitles' size, background and
 * colour, for this box. Subtitle and speech choices apply at once; high contrast restarts the app
 * after saying so (colours are read when screens are built, and a restart that comes back to this
 * screen is less surprising than half the screens in the old colours).
 */
export default class Accessibility extends Lightning.Component {
  private _context?: AppContext
  private _subscription?: Subscription
  private _row = 0
  private _restartTimer?: ReturnType<typeof setTimeout>

  static override _template(): Lightning.Component.Template {
    return {
      ...screenBackground,
      Title: {
        x: theme.safe.x,
        y: 80,
        color: theme.colors.onBackground,
        ...textStyle(64, { fontStyle: 'bold' }),
      },
      Rows: { x: theme.safe.x, y: 210 },
      Hint: { x: theme.safe.x, y: 1010, color: theme.colors.textDim, ...textStyle(24) },
    }
  }

  /** `row`: the id of the row to focus (a restart comes back to the row that asked for it). */
  bind(context: AppContext, row?: string): void {
    this._subscription?.unsubscribe()
    this._context = context
    this._row = 0
    this.tag('Rows').children = []
    this._subscription = merge(
      context.ui.select((s) => s.language),
      context.accessibility.store.select((s) => s),
    ).subscribe(() => this._render())
    const at = this._rows().findIndex((r) => r.model?.id === row)
    if (at >= 0) {
      this._row = at
      this._refocus()
    }
  }

  snapshot(): AccessibilitySnapshot {
    const rows = this._rows()
    return {
      screen: 'accessibility',
      row: rows[this._row]?.model?.id,
      focusedOption: rows[this._row]?.focusedOption,
      rows: rows.flatMap((r) => (r.model ? [{ id: r.model.id, chosen: r.model.chosen }] : [])),
      restarting: this._restartTimer !== undefined,
    }
  }

  override _detach(): void {
    this._subscription?.unsubscribe()
    this._subscription = undefined
    this._context = undefined
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._rows()[this._row]
  }

  override _handleDown(): boolean {
    this._row = Math.min(this._row + 1, this._rows().length - 1)
    this._refocus()
    return true
  }

  override _handleUp(): boolean {
    this._row = Math.max(this._row - 1, 0)
    this._refocus()
    return true
  }

  override _handleBack(): boolean {
    // After the high-contrast restart (or a link straight here) there is no history: Back goes to
    // Settings, where this screen is opened from, not to home.
    if (Router.getHistory().length > 0) Router.back()
    else Router.navigate('settings', false)
    return true
  }

  $buttonPressed(option: string): void {
    const context = this._context
    const row = this._rows()[this._row]?.model
    if (!context || !row) return
    const result = choose(context.accessibility, row.id, option)
    if (!result.restart) return
    const message = context.t('a11y.restart')
    fireUp(this, '$toast', message)
    context.announcer.say(message)
    const platform = context.platform
    if (!platform.reload) return
    clearTimeout(this._restartTimer)
    const route = `settings/accessibility/${row.id}`
    this._restartTimer = setTimeout(() => platform.reload?.(route), RESTART_DELAY_MS)
  }

  private _rows(): OptionRow[] {
    return this.tag('Rows').children as OptionRow[]
  }

  private _render(): void {
    const context = this._context
    if (!context) return
    const t = context.t
    this.tag('Title').text.text = t('settings.accessibility')
    this.tag('Hint').text.text = t('settings.hint')
    const models = accessibilityRows(context.accessibility.prefs, context.accessibility.speechOn, t)
    const rows = this._rows()
    if (rows.length !== models.length) {
      this.tag('Rows').children = models.map((model: OptionRowModel, i) => ({
        type: OptionRow,
        y: i * ROW_PITCH,
        model,
      }))
    } else rows.forEach((row, i) => (row.model = models[i]!))
    this._refocus()
  }
}
