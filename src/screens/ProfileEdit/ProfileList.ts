import { Lightning, Router } from '@lightningjs/sdk'
import { merge, type Subscription } from 'rxjs'
import type { AppContext } from '../../app/context'
import { AvatarRow } from '../../components/Avatar'
import ButtonRow from '../../components/ButtonRow'
import { screenBackground, textStyle, theme } from '../../components/theme'
import { listModel } from './profileEditModel'

const ADD = 'add'

export interface ProfileListSnapshot {
  screen: 'profile-list'
  profiles: { id: string; name: string; kids: boolean }[]
  focused: string | undefined
  canAdd: boolean
  note: string
}

/**
 * Settings > Profiles: the household's profiles (OK edits one) and "Ajouter un profil", which is
 * replaced by a line saying why once the household has six.
 */
export default class ProfileList extends Lightning.Component {
  private _context?: AppContext
  private _subscription?: Subscription
  private _area: 'avatars' | 'add' = 'avatars'

  static override _template(): Lightning.Component.Template {
    return {
      ...screenBackground,
      Title: {
        x: theme.safe.x,
        y: 100,
        color: theme.colors.onBackground,
        ...textStyle(64, { fontStyle: 'bold' }),
      },
      Avatars: { x: theme.safe.x + 20, y: 300, type: AvatarRow },
      Add: { x: theme.safe.x, y: 640, type: ButtonRow },
      Note: { x: theme.safe.x, y: 660, color: theme.colors.textDim, ...textStyle(28) },
      Hint: { x: theme.safe.x, y: 980, color: theme.colors.textDim, ...textStyle(24) },
    }
  }

  bind(context: AppContext): void {
    if (this._context === context) return
    this._subscription?.unsubscribe()
    this._context = context
    this._subscription = merge(
      context.profiles.store.select((s) => s),
      context.ui.select((s) => s.language),
    ).subscribe(() => this._render())
    this._avatars().focusOn(context.profiles.store.value.activeId)
  }

  snapshot(): ProfileListSnapshot {
    const profiles = this._context?.profiles.profiles ?? []
    const canAdd = (this.tag('Add') as ButtonRow).labels.length > 0
    return {
      screen: 'profile-list',
      profiles: profiles.map(({ id, name, kids }) => ({ id, name, kids })),
      focused: this._area === 'add' ? ADD : this._avatars().focusedId,
      canAdd,
      note: this.tag('Note').text.text,
    }
  }

  override _detach(): void {
    this._subscription?.unsubscribe()
    this._subscription = undefined
    this._context = undefined
  }

  override _getFocused(): Lightning.Component {
    return this.tag(this._area === 'add' ? 'Add' : 'Avatars')
  }

  override _handleDown(): boolean {
    if ((this.tag('Add') as ButtonRow).labels.length > 0) this._area = 'add'
    this._refocus()
    return true
  }

  override _handleUp(): boolean {
    this._area = 'avatars'
    this._refocus()
    return true
  }

  override _handleBack(): boolean {
    Router.back()
    return true
  }

  $avatarChosen(id: string): void {
    Router.navigate(`settings/profiles/${id}`)
  }

  $buttonPressed(id: string): void {
    if (id === ADD) Router.navigate('settings/profiles/new')
  }

  private _avatars(): AvatarRow {
    return this.tag('Avatars') as AvatarRow
  }

  private _render(): void {
    const context = this._context
    if (!context) return
    const model = listModel(context.profiles.store.value, context.t)
    this.tag('Title').text.text = model.title
    this._avatars().models = model.avatars
    ;(this.tag('Add') as ButtonRow).buttons = model.canAdd ? [{ id: ADD, label: model.add }] : []
    this.tag('Note').text.text = model.note
    this.tag('Hint').text.text = model.hint
    if (!model.canAdd) this._area = 'avatars'
    this._refocus()
  }
}
