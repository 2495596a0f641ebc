import { Lightning, Router } from '@lightningjs/sdk'
import { merge, type Subscription } from 'rxjs'
import type { AppContext } from '../../app/context'
import { AvatarRow } from '../../components/Avatar'
import ButtonRow from '../../components/ButtonRow'
import { screenBackground, textStyle, theme } from '../../components/theme'
import { chooserModel, leaveKidsPrompt, switchNeedsPin } from './chooserModel'

const MANAGE = 'manage'

export interface ProfilesSnapshot {
  screen: 'profiles'
  profiles: { id: string; name: string; kids: boolean }[]
  activeId: string
  /** The focused profile's id, or 'manage' on the management button. */
  focused: string | undefined
  /** A PIN prompt is open for a switch. */
  asking: boolean
}

/**
 * "Qui regarde ?": the household's profiles side by side, the one watching focused. OK switches
 * to a profile (with its UI language, when it has one) and goes home; leaving a kids profile asks
 * for the parental PIN first, and a refused or abandoned prompt leaves everything as it was.
 */
export default class Profiles extends Lightning.Component {
  private _context?: AppContext
  private _subscription?: Subscription
  private _area: 'avatars' | 'manage' = 'avatars'
  private _asking = false

  static override _template(): Lightning.Component.Template {
    return {
      ...screenBackground,
      Title: {
        x: 960,
        y: 250,
        mountX: 0.5,
        color: theme.colors.onBackground,
        ...textStyle(64, { fontStyle: 'bold', textAlign: 'center' }),
      },
      Avatars: { x: 960, y: 420, mountX: 0.5, type: AvatarRow },
      Manage: { x: 960, y: 760, mountX: 0.5, type: ButtonRow },
      Hint: { x: theme.safe.x, y: 980, color: theme.colors.textDim, ...textStyle(24) },
    }
  }

  bind(context: AppContext): void {
    this._area = 'avatars'
    if (this._context !== context) {
      this._subscription?.unsubscribe()
      this._context = context
      this._subscription = merge(
        context.profiles.store.select((s) => s),
        context.ui.select((s) => s.language),
      ).subscribe(() => this._render())
    }
    this._avatars().focusOn(context.profiles.store.value.activeId)
  }

  snapshot(): ProfilesSnapshot {
    const state = this._context?.profiles.store.value
    return {
      screen: 'profiles',
      profiles: (state?.profiles ?? []).map(({ id, name, kids }) => ({ id, name, kids })),
      activeId: state?.activeId ?? '',
      focused: this._area === 'manage' ? MANAGE : this._avatars().focusedId,
      asking: this._asking,
    }
  }

  override _detach(): void {
    this._subscription?.unsubscribe()
    this._subscription = undefined
    this._context = undefined
  }

  override _getFocused(): Lightning.Component {
    return this.tag(this._area === 'manage' ? 'Manage' : 'Avatars')
  }

  override _handleDown(): boolean {
    this._area = 'manage'
    this._refocus()
    return true
  }

  override _handleUp(): boolean {
    this._area = 'avatars'
    this._refocus()
    return true
  }

  /** Back keeps the profile watching, as if it had been chosen again. */
  override _handleBack(): boolean {
    if (Router.getHistory().length > 0) Router.back()
    else Router.navigate('home', false)
    return true
  }

  $avatarChosen(id: string): void {
    void this._choose(id)
  }

  $buttonPressed(id: string): void {
    if (id === MANAGE) Router.navigate('settings/profiles')
  }

  private async _choose(id: string): Promise<void> {
    const context = this._context
    if (!context || this._asking) return
    const from = context.profiles.active
    const to = context.profiles.profiles.find((p) => p.id === id)
    if (!to) return
    if (switchNeedsPin(from, to)) {
      this._asking = true
      try {
        const granted = await context.askPin('parental', leaveKidsPrompt(from, to, context.t))
        // The prompt shows its own errors; a refusal changes nothing here.
        if (!granted || this._context !== context) return
      } finally {
        this._asking = false
      }
    }
    context.profiles.select(to.id)
    if (to.language && to.language !== context.ui.value.language) {
      await context.setLanguage(to.language)
    }
    Router.navigate('home', false)
  }

  private _avatars(): AvatarRow {
    return this.tag('Avatars') as AvatarRow
  }

  private _render(): void {
    const context = this._context
    if (!context) return
    const model = chooserModel(context.profiles.store.value, context.t)
    this.tag('Title').text.text = model.title
    this._avatars().models = model.avatars
    ;(this.tag('Manage') as ButtonRow).buttons = [{ id: MANAGE, label: model.manage }]
    this.tag('Hint').text.text = model.hint
    this._refocus()
  }
}
