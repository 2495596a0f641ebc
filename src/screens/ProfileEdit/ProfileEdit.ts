import { Lightning, Router } from '@lightningjs/sdk'
import type { Subscription } from 'rxjs'
import type { AppContext } from '../../app/context'
import Avatar, { profileName } from '../../components/Avatar'
import ButtonRow from '../../components/ButtonRow'
import Dialog from '../../components/Dialog'
import Keyboard, { type KeyboardSnapshot } from '../../components/Keyboard'
import { screenBackground, textStyle, theme, SAFE_WIDTH } from '../../components/theme'
import { MAX_NAME_LENGTH } from '../../state/profiles'
import {
  BOX_LANGUAGE,
  changeOf,
  draftOf,
  draftProblem,
  editModel,
  editTarget,
  nameRules,
  nameTakenBy,
  newProfileInput,
  pinPrompt,
  pinReason,
  problemMessage,
  targetProfile,
  withKids,
  type EditTarget,
  type PinReason,
  type ProfileDraft,
} from './profileEditModel'

const FORM_TOP = 230
const ROW_PITCH = 120
const CONTROL_X = 460
const PREVIEW_X = 1500

type Row = 'name' | 'kids' | 'age' | 'language' | 'actions'

export interface ProfileEditSnapshot {
  screen: 'profile-edit'
  target: string
  draft: ProfileDraft
  rows: Row[]
  row: Row
  /** The focused button's id, e.g. 'kids:on', 'save'. */
  focused: string | undefined
  actions: string[]
  message: string
  note: string
  keyboard: KeyboardSnapshot | null
  /** The line under the keyboard: how to type, or that the name is full. */
  keyboardHint: string
  dialog: boolean
  asking: boolean
}

const selectedLabel = (label: string, selected: boolean) => (selected ? `✓ ${label}` : label)

/**
 * Creates or edits one profile (routes settings/profiles/new and settings/profiles/:id): name
 * typed on the on-screen keyboard, kids on/off and age, UI language, and delete behind a
 * confirmation. Changes stay in a draft until Save; the store's answer (name empty or taken,
 * household full) is shown in words. Loosening a kids profile, or any change while a kids profile
 * watches, asks the parental PIN once for this visit.
 */
export default class ProfileEdit extends Lightning.Component {
  private _context?: AppContext
  private _subscription?: Subscription
  private _target: EditTarget = { kind: 'new' }
  private _draft: ProfileDraft = draftOf(undefined)
  private _row: Row = 'name'
  private _keyboardOpen = false
  /** The last letter typed was refused: the name is at its limit. */
  private _nameFull = false
  private _dialogOpen = false
  private _asking = false
  private _pinGranted = false
  private _message = ''
  private _actions: string[] = []

  static override _template(): Lightning.Component.Template {
    const row = (y: number) => ({
      y,
      Caption: { y: 20, color: theme.colors.textDim, ...textStyle(30) },
      // Up to the preview, which stands at PREVIEW_X: a longer row scrolls under the focus. The
      // preview's name reaches some 40 px left of it (centred under the enlarged avatar), and the
      // row's chevron some 36 px right of its end: both kept clear.
      Control: {
        x: CONTROL_X,
        type: ButtonRow,
        viewWidth: PREVIEW_X - 100 - theme.safe.x - CONTROL_X,
      },
    })
    return {
      ...screenBackground,
      Title: {
        x: theme.safe.x,
        y: 90,
        color: theme.colors.onBackground,
        ...textStyle(60, { fontStyle: 'bold' }),
      },
      PreviewBox: { x: PREVIEW_X, y: 250, scale: 1.3, Preview: { type: Avatar } },
      Form: {
        x: theme.safe.x,
        y: FORM_TOP,
        Name: row(0),
        Kids: row(ROW_PITCH),
        Age: row(ROW_PITCH * 2),
        Language: row(ROW_PITCH * 3),
        Actions: { y: ROW_PITCH * 4 + 20, type: ButtonRow, viewWidth: SAFE_WIDTH },
      },
      Message: {
        x: theme.safe.x,
        y: FORM_TOP + ROW_PITCH * 5 + 30,
        color: theme.colors.danger,
        ...textStyle(30, { wordWrapWidth: 1300 }),
      },
      Note: {
        x: theme.safe.x,
        y: FORM_TOP + ROW_PITCH * 5 + 80,
        color: theme.colors.textDim,
        ...textStyle(28, { wordWrapWidth: 1300 }),
      },
      Hint: { x: theme.safe.x, y: 1000, color: theme.colors.textDim, ...textStyle(24) },
      KeyboardPanel: {
        visible: false,
        zIndex: 50,
        w: 1920,
        h: 1080,
        rect: true,
        color: theme.colors.scrim,
        Panel: {
          x: 460,
          y: 250,
          w: 1000,
          h: 680,
          rect: true,
          color: theme.colors.surface,
          shader: { type: Lightning.shaders.RoundedRectangle, radius: 24 },
          Value: {
            x: 40,
            y: 40,
            color: theme.colors.onSurface,
            ...textStyle(48, { fontStyle: 'bold' }),
          },
          Keyboard: {
            x: 26,
            y: 150,
            type: Keyboard,
            capitalize: 'words',
            maxLength: MAX_NAME_LENGTH,
          },
          KeyboardHint: { x: 40, y: 610, color: theme.colors.textDim, ...textStyle(22) },
        },
      },
      Confirm: { type: Dialog, visible: false, zIndex: 100 },
    }
  }

  /** Binds to the context and the route's id ('new' for a new profile); the draft starts afresh. */
  bind(context: AppContext, routeId: string): void {
    this._subscription?.unsubscribe()
    this._context = context
    this._target = editTarget(routeId)
    this._draft = draftOf(targetProfile(context.profiles.store.value, this._target))
    this._row = 'name'
    this._message = ''
    this._pinGranted = false
    this._closeKeyboard()
    this._showConfirm(false)
    this._subscription = context.ui.select((s) => s.language).subscribe(() => this._render())
  }

  snapshot(): ProfileEditSnapshot {
    const keyboard = this._keyboard()
    return {
      screen: 'profile-edit',
      target: this._target.kind === 'new' ? 'new' : this._target.id,
      draft: { ...this._draft },
      rows: this._rows(),
      row: this._row,
      focused:
        this._keyboardOpen || this._dialogOpen ? undefined : this._rowControl(this._row).focusedId,
      actions: [...this._actions],
      message: this._message,
      note: this.tag('Note').text.text,
      keyboard: this._keyboardOpen ? keyboard.snapshot() : null,
      keyboardHint: this.tag('KeyboardPanel.Panel.KeyboardHint').text.text,
      dialog: this._dialogOpen,
      asking: this._asking,
    }
  }

  override _detach(): void {
    this._subscription?.unsubscribe()
    this._subscription = undefined
    this._context = undefined
  }

  override _getFocused(): Lightning.Component {
    if (this._dialogOpen) return this.tag('Confirm')
    if (this._keyboardOpen) return this._keyboard()
    return this._rowControl(this._row)
  }

  override _handleUp(): boolean {
    // Up past the keyboard's top row stays in it: the form behind is under its scrim.
    if (this._keyboardOpen) return true
    return this._moveRow(-1)
  }

  override _handleDown(): boolean {
    // Down past the keyboard's bottom row is the way out a remote has: the name is taken as
    // typed, and the next field is focused, so the form is filled top to bottom.
    if (this._keyboardOpen) this._finishName(this._draft.name, 'next')
    else this._moveRow(1)
    return true
  }

  override _handleBack(): boolean {
    if (this._keyboardOpen) this._closeKeyboard()
    else this._leave()
    return true
  }

  $buttonPressed(id: string): void {
    const [field, value = ''] = id.split(':')
    switch (field) {
      case 'name':
        return this._openKeyboard()
      case 'kids':
        return this._change(withKids(this._draft, value === 'on'))
      case 'age':
        return this._change({ ...this._draft, maxAge: Number(value) })
      case 'language':
        return this._change({ ...this._draft, language: value === BOX_LANGUAGE ? null : value })
      case 'save':
        return void this._save()
      case 'delete':
        return this._askDelete()
    }
  }

  $keyboardInput(value: string): void {
    this._draft = { ...this._draft, name: value }
    this._message = ''
    this._nameFull = false
    this._render()
  }

  /** A letter refused at the name's limit: said, rather than the key seeming not to work. */
  $keyboardFull(): void {
    this._nameFull = true
    this._render()
  }

  $keyboardDone(value: string): void {
    this._finishName(value, 'save')
  }

  /** Closes the keyboard on `value`; then Save (its done key) or the next field (Down). */
  private _finishName(value: string, then: 'save' | 'next'): void {
    const context = this._context
    this._draft = { ...this._draft, name: value }
    this._closeKeyboard()
    const problem =
      context &&
      draftProblem(context.profiles.store.value, this._target, this._draft, nameRules(context.t))
    // A name the store would refuse is said now, while the name is still in mind; what was typed
    // stays in the field, to be corrected rather than typed again.
    if (problem === 'name-empty' || problem === 'name-taken') {
      this._message = this._problemText(problem)
    } else {
      this._message = ''
      if (then === 'save') {
        this._row = 'actions'
        this._rowControl('actions').focusOn('save')
      } else this._row = this._rows()[1] ?? 'actions'
    }
    this._render()
  }

  $dialogChoice(choice: string): void {
    this._showConfirm(false)
    if (choice === 'delete') void this._delete()
  }

  private _change(draft: ProfileDraft): void {
    this._draft = draft
    this._message = ''
    this._render()
  }

  private async _save(): Promise<void> {
    const context = this._context
    if (!context || this._asking) return
    const state = context.profiles.store.value
    const rules = nameRules(context.t)
    const problem = draftProblem(state, this._target, this._draft, rules)
    if (problem) return this._showProblem(problem)
    const reason = pinReason(state, this._target, { kind: 'save', draft: this._draft })
    if (!(await this._pinFor(reason))) return
    const profile = targetProfile(context.profiles.store.value, this._target)
    const result = profile
      ? context.profiles.update(profile.id, changeOf(profile, this._draft), rules)
      : context.profiles.add(newProfileInput(this._draft), rules)
    if (!result.ok) return this._showProblem(result.problem)
    if (!profile && this._draft.language) {
      context.profiles.update(result.profile.id, { language: this._draft.language })
    }
    const language = this._draft.language
    if (
      context.profiles.active.id === result.profile.id &&
      language &&
      language !== context.ui.value.language
    ) {
      await context.setLanguage(language)
    }
    this._leave()
  }

  private _askDelete(): void {
    const context = this._context
    const profile = context && targetProfile(context.profiles.store.value, this._target)
    if (!context || !profile) return
    const name = profileName(profile, context.t)
    ;(this.tag('Confirm') as Dialog).content = {
      title: context.t('profile.delete.title', { name }),
      message: context.t('profile.delete.message'),
      buttons: [
        { id: 'cancel', label: context.t('profile.cancel') },
        { id: 'delete', label: context.t('profile.delete') },
      ],
      focus: 'cancel',
    }
    this._showConfirm(true)
  }

  private async _delete(): Promise<void> {
    const context = this._context
    if (!context || this._asking || this._target.kind !== 'edit') return
    const reason = pinReason(context.profiles.store.value, this._target, { kind: 'delete' })
    if (!(await this._pinFor(reason))) return
    const result = context.profiles.remove(this._target.id)
    if (!result.ok) return this._showProblem(result.problem)
    this._leave()
  }

  /** True when no PIN is needed, it was already given on this visit, or it is given now. */
  private async _pinFor(reason: PinReason | null): Promise<boolean> {
    const context = this._context
    if (!context) return false
    if (!reason || this._pinGranted) return true
    const profile = targetProfile(context.profiles.store.value, this._target)
    const name = profile ? profileName(profile, context.t) : this._draft.name
    this._asking = true
    try {
      this._pinGranted = await context.askPin('parental', pinPrompt(reason, name, context.t))
    } finally {
      this._asking = false
    }
    // The prompt says what went wrong itself; a refusal leaves the draft as it was.
    return this._pinGranted && this._context === context
  }

  private _showProblem(problem: Parameters<typeof problemMessage>[0]): void {
    const context = this._context
    if (!context) return
    this._message = this._problemText(problem)
    if (problem === 'name-empty' || problem === 'name-taken') this._row = 'name'
    this._render()
    this._refocus()
  }

  /** A problem in words; a name taken says which profile has it. */
  private _problemText(problem: Parameters<typeof problemMessage>[0]): string {
    const context = this._context
    if (!context) return ''
    const rules = nameRules(context.t)
    const taken = nameTakenBy(context.profiles.store.value, this._target, this._draft, rules)
    return problemMessage(problem, this._draft, context.t, taken)
  }

  private _leave(): void {
    if (Router.getHistory().length > 0) Router.back()
    else Router.navigate('settings/profiles', false)
  }

  private _rows(): Row[] {
    return ['name', 'kids', ...(this._draft.kids ? (['age'] as const) : []), 'language', 'actions']
  }

  private _moveRow(step: number): boolean {
    const rows = this._rows()
    const index = rows.indexOf(this._row) + step
    if (index < 0 || index >= rows.length) return true
    this._row = rows[index]!
    this._refocus()
    return true
  }

  private _openKeyboard(): void {
    const context = this._context
    if (!context) return
    const keyboard = this._keyboard()
    keyboard.labels = {
      space: context.t('keyboard.space'),
      delete: context.t('keyboard.delete'),
      clear: context.t('keyboard.clear'),
      done: context.t('keyboard.done'),
    }
    keyboard.value = this._draft.name
    this._nameFull = false
    this._keyboardOpen = true
    this.tag('KeyboardPanel').visible = true
    this._render()
    this._refocus()
  }

  private _closeKeyboard(): void {
    this._keyboardOpen = false
    this.tag('KeyboardPanel').visible = false
    this._refocus()
  }

  private _showConfirm(open: boolean): void {
    this._dialogOpen = open
    this.tag('Confirm').visible = open
    this._refocus()
  }

  private _keyboard(): Keyboard {
    return this.tag('KeyboardPanel.Panel.Keyboard') as Keyboard
  }

  private _rowControl(row: Row): ButtonRow {
    const ref =
      row === 'actions' ? 'Form.Actions' : `Form.${row[0]!.toUpperCase()}${row.slice(1)}.Control`
    return this.tag(ref) as ButtonRow
  }

  private _render(): void {
    const context = this._context
    if (!context) return
    const model = editModel(context.profiles.store.value, this._target, this._draft, {
      languages: context.config.language.available,
      t: context.t,
    })
    this.tag('Title').text.text = model.title
    ;(this.tag('PreviewBox.Preview') as Avatar).model = model.avatar
    this.tag('Form.Name.Caption').text.text = model.nameLabel
    this._rowControl('name').buttons = [{ id: 'name', label: model.nameField }]
    let y = ROW_PITCH
    for (const row of ['kids', 'age', 'language'] as const) {
      const field = model.fields.find((f) => f.id === row)
      const tag = this.tag(`Form.${row[0]!.toUpperCase()}${row.slice(1)}`)
      tag.visible = field !== undefined
      if (!field) continue
      tag.y = y
      y += ROW_PITCH
      tag.tag('Caption').text.text = field.label
      const control = this._rowControl(row)
      control.buttons = field.choices.map((choice) => ({
        id: `${field.id}:${choice.id}`,
        label: selectedLabel(choice.label, choice.id === field.selected),
      }))
      if (this._row !== row) control.focusOn(`${field.id}:${field.selected}`)
    }
    const actions = this._rowControl('actions')
    actions.y = y + 20
    actions.buttons = model.actions
    this._actions = model.actions.map((action) => action.id)
    this.tag('Message').text.text = this._message
    this.tag('Note').text.text = model.note
    this.tag('Hint').text.text = model.hint
    this.tag('KeyboardPanel.Panel.Value').text.text = `${this._draft.name}|`
    const keyboardHint = this.tag('KeyboardPanel.Panel.KeyboardHint')
    keyboardHint.text.text = this._nameFull
      ? context.t('profile.nameFull', { max: String(MAX_NAME_LENGTH) })
      : context.t('profile.keyboardHint')
    keyboardHint.color = this._nameFull ? theme.colors.danger : theme.colors.textDim
    if (!this._rows().includes(this._row)) this._row = 'kids'
    this._refocus()
  }
}
