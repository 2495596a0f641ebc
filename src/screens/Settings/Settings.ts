import { Lightning, Router } from '@lightningjs/sdk'
import { merge, type Subscription } from 'rxjs'
import type { AppContext } from '../../app/context'
import { profileName } from '../../components/Avatar'
import ButtonRow from '../../components/ButtonRow'
import { fireUp } from '../../components/fire'
import { theme, textStyle, screenBackground, SAFE_WIDTH } from '../../components/theme'

/** Names each language in itself, so a viewer can find their own whatever the current UI language. */
const ENDONYMS: Record<string, string> = {
  fr: 'Français',
  nl: 'Nederlands',
  de: 'Deutsch',
  en: 'English',
}

/** The operator's tools row: the ids of its buttons. */
const DIAGNOSTICS = 'diagnostics'
/** The profiles row also changes the household's two PINs. */
const PARENTAL_PIN = 'change-parental-pin'
const PURCHASE_PIN = 'change-purchase-pin'
/** Last in the profiles row, the household's own: speech, contrast, subtitles (for this box). */
const ACCESSIBILITY = 'accessibility'
/** The profiles row, above the languages. */
const SWITCH_PROFILE = 'switch-profile'
const MANAGE_PROFILES = 'manage-profiles'
/** The privacy row, below the operator's: the profile's consent and why ads are chosen. */
const MANAGE_CONSENT = 'manage-consent'
const WHY_AD = 'why-ad'
export interface SettingsSnapshot {
  screen: 'settings'
  area: 'profiles' | 'languages' | 'tools' | 'privacy'
  focusedLanguage: string | undefined
  language: string
  /** The active profile's name ('' for the unnamed first profile). */
  profile: string
  /** The privacy line: what the profile watching consented to. */
  privacy: string
}

/**
 * Settings reachable by remote: the household's profiles (switch, manage) at the top, then the
 * interface language, remembered on the device and on the active profile; below it, for the
 * operator, the catalogue diagnostics page.
 */
export default class Settings extends Lightning.Component {
  private _context?: AppContext
  private _subscription?: Subscription
  private _area: SettingsSnapshot['area'] = 'languages'

  static override _template(): Lightning.Component.Template {
    return {
      ...screenBackground,
      Title: {
        x: theme.safe.x,
        y: 100,
        color: theme.colors.onBackground,
        ...textStyle(64, { fontStyle: 'bold' }),
      },
      ProfilesSection: { x: theme.safe.x, y: 220, color: theme.colors.textDim, ...textStyle(30) },
      // Rows are as wide as the safe area: a longer one scrolls so the focused button shows whole.
      Profiles: { x: theme.safe.x, y: 280, type: ButtonRow, viewWidth: SAFE_WIDTH },
      ActiveProfile: { x: theme.safe.x, y: 380, color: theme.colors.accent, ...textStyle(28) },
      Section: { x: theme.safe.x, y: 470, color: theme.colors.textDim, ...textStyle(30) },
      Languages: { x: theme.safe.x, y: 530, type: ButtonRow, viewWidth: SAFE_WIDTH },
      Current: { x: theme.safe.x, y: 630, color: theme.colors.accent, ...textStyle(28) },
      ToolsSection: { x: theme.safe.x, y: 700, color: theme.colors.textDim, ...textStyle(30) },
      Tools: { x: theme.safe.x, y: 750, type: ButtonRow, viewWidth: SAFE_WIDTH },
      PrivacySection: {
        x: theme.safe.x,
        y: 850,
        color: theme.colors.textDim,
        ...textStyle(30, { wordWrapWidth: SAFE_WIDTH, maxLines: 1 }),
      },
      Privacy: { x: theme.safe.x, y: 900, type: ButtonRow, viewWidth: SAFE_WIDTH },
      Hint: { x: theme.safe.x, y: 1010, color: theme.colors.textDim, ...textStyle(24) },
    }
  }

  bind(context: AppContext): void {
    if (this._context === context) return
    this._context = context
    this._subscription = merge(
      context.ui.select((s) => s.language),
      context.profiles.active$,
      context.consent.store.select((s) => s.record),
    ).subscribe(() => this._render())
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
      profile: this._context?.profiles.active.name ?? '',
      privacy: this.tag('PrivacySection').text.text as string,
    }
  }

  override _detach(): void {
    this._subscription?.unsubscribe()
    this._context = undefined
  }

  override _getFocused(): Lightning.Component {
    const tags = {
      profiles: 'Profiles',
      languages: 'Languages',
      tools: 'Tools',
      privacy: 'Privacy',
    } as const
    return this.tag(tags[this._area])
  }

  override _handleDown(): boolean {
    const below = { profiles: 'languages', languages: 'tools', tools: 'privacy' } as const
    this._area = this._area === 'privacy' ? 'privacy' : below[this._area]
    this._refocus()
    return true
  }

  override _handleUp(): boolean {
    const above = { privacy: 'tools', tools: 'languages', languages: 'profiles' } as const
    this._area = this._area === 'profiles' ? 'profiles' : above[this._area]
    this._refocus()
    return true
  }

  $buttonPressed(id: string): void {
    if (id === DIAGNOSTICS) Router.navigate('settings/diagnostics')
    else if (id === SWITCH_PROFILE) Router.navigate('profiles')
    else if (id === MANAGE_PROFILES) Router.navigate('settings/profiles')
    else if (id === PARENTAL_PIN) void this._changePin('parental')
    else if (id === PURCHASE_PIN) void this._changePin('purchase')
    else if (id === ACCESSIBILITY) Router.navigate('settings/accessibility')
    else if (id === MANAGE_CONSENT) fireUp(this, '$manageConsent')
    else if (id === WHY_AD) Router.navigate('why-ad')
    else void this._chooseLanguage(id)
  }

  /** Old PIN, then the new one twice, in the app's PIN prompt; a confirmation when done. */
  private async _changePin(kind: 'parental' | 'purchase'): Promise<void> {
    const context = this._context
    if (!context) return
    if (await context.changePin(kind)) fireUp(this, '$toast', context.t('pin.change.done'))
  }

  /** The language is the household's choice on this box and the active profile's own. */
  private async _chooseLanguage(language: string): Promise<void> {
    const context = this._context
    if (!context) return
    context.profiles.update(context.profiles.active.id, { language })
    await context.setLanguage(language)
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
    this.tag('ProfilesSection').text.text = context.t('profile.settings.section')
    ;(this.tag('Profiles') as ButtonRow).buttons = [
      ...(context.profiles.profiles.length > 1
        ? [{ id: SWITCH_PROFILE, label: context.t('profile.switch') }]
        : []),
      { id: MANAGE_PROFILES, label: context.t('profile.manage') },
      { id: PARENTAL_PIN, label: context.t('pin.change.parental') },
      { id: PURCHASE_PIN, label: context.t('pin.change.purchase') },
      { id: ACCESSIBILITY, label: context.t('settings.accessibility') },
    ]
    this.tag('ActiveProfile').text.text = context.t('profile.settings.active', {
      name: profileName(context.profiles.active, context.t),
    })
    this.tag('Section').text.text = context.t('settings.language')
    this.tag('Current').text.text = `✓ ${ENDONYMS[language] ?? language}`
    this.tag('ToolsSection').text.text = context.t('settings.tools')
    ;(this.tag('Tools') as ButtonRow).buttons = [
      { id: DIAGNOSTICS, label: context.t('settings.diagnostics') },
    ]
    const yesNo = (on: boolean) => context.t(on ? 'consent.on' : 'consent.off')
    const purposes = context.consent.purposes
    this.tag('PrivacySection').text.text = context.t('settings.privacy', {
      ads: yesNo(purposes.ads),
      audience: yesNo(purposes.audience),
      quality: yesNo(purposes.quality),
    })
    ;(this.tag('Privacy') as ButtonRow).buttons = [
      { id: MANAGE_CONSENT, label: context.t('settings.privacy.manage') },
      { id: WHY_AD, label: context.t('whyAd.title') },
    ]
    this.tag('Hint').text.text = context.t('settings.hint')
  }
}
