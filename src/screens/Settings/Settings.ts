import { Lightning, Router } from '@lightningjs/sdk'
import type { Subscription } from 'rxjs'
import type { AppContext } from '../../app/context'
import ButtonRow from '../../components/ButtonRow'
import { theme, textStyle, screenBackground } from '../../components/theme'

/** Names each language in itself, so a viewer can find their own whatever the current UI language. */
const ENDONYMS: Record<string, string> = {
  fr: 'Français',
  nl: 'Nederlands',
  de: 'Deutsch',
  en: 'English',
}

/** The operator's tools row: the ids of its buttons. */
const DIAGNOSTICS = 'diagnostics'

export interface SettingsSnapshot {
  screen: 'settings'
  area: 'languages' | 'tools'
  focusedLanguage: string | undefined
  language: string
}

/**
 * Settings reachable by remote: the interface language, remembered on the device; below it, for
 * the operator, the catalogue diagnostics page.
 */
export default class Settings extends Lightning.Component {
  private _context?: AppContext
  private _subscription?: Subscription
  private _area: SettingsSnapshot['area'] = 'languages'

  static override _template(): Lightning.Component.Template {
    return {
      ...screenBackground,
      Title: { x: theme.safe.x, y: 100, ...textStyle(64, { fontStyle: 'bold' }) },
      Section: { x: theme.safe.x, y: 240, color: theme.colors.textDim, ...textStyle(30) },
      Languages: { x: theme.safe.x, y: 300, type: ButtonRow },
      Current: { x: theme.safe.x, y: 410, color: theme.colors.accent, ...textStyle(28) },
      ToolsSection: { x: theme.safe.x, y: 540, color: theme.colors.textDim, ...textStyle(30) },
      Tools: { x: theme.safe.x, y: 600, type: ButtonRow },
      Hint: { x: theme.safe.x, y: 980, color: theme.colors.textDim, ...textStyle(24) },
    }
  }

  bind(context: AppContext): void {
    if (this._context === context) return
    this._context = context
    this._subscription = context.ui.select((s) => s.language).subscribe(() => this._render())
    const languages = this.tag('Languages') as ButtonRow
    languages.buttons = context.config.language.available.map((code) => ({
      id: code,
      label: ENDONYMS[code] ?? code.toUpperCase(),
    }))
    languages.focusOn(context.ui.value.language)
  }

  snapshot(): SettingsSnapshot {
    return {
      screen: 'settings',
      area: this._area,
      focusedLanguage: (this.tag('Languages') as ButtonRow).focusedId,
      language: this._context?.ui.value.language ?? '',
    }
  }

  override _detach(): void {
    this._subscription?.unsubscribe()
    this._context = undefined
  }

  override _getFocused(): Lightning.Component {
    return this.tag(this._area === 'tools' ? 'Tools' : 'Languages')
  }

  override _handleDown(): boolean {
    this._area = 'tools'
    this._refocus()
    return true
  }

  override _handleUp(): boolean {
    this._area = 'languages'
    this._refocus()
    return true
  }

  $buttonPressed(id: string): void {
    if (id === DIAGNOSTICS) Router.navigate('settings/diagnostics')
    else void this._context?.setLanguage(id)
  }

  override _handleBack(): boolean {
    Router.back()
    return true
  }

  private _render(): void {
    const context = this._context
    if (!context) return
    const language = context.ui.value.language
    this.tag('Title').text.text = context.t('settings.title')
    this.tag('Section').text.text = context.t('settings.language')
    this.tag('Current').text.text = `✓ ${ENDONYMS[language] ?? language}`
    this.tag('ToolsSection').text.text = context.t('settings.tools')
    ;(this.tag('Tools') as ButtonRow).buttons = [
      { id: DIAGNOSTICS, label: context.t('settings.diagnostics') },
    ]
    this.tag('Hint').text.text = context.t('settings.hint')
  }
}
