import { MAX_NAME_LENGTH } from '../../../../src/state/profiles'
import { Lightning, Router } from '@lightningjs/sdk'
import type { AppContext, PinKind, PinPrompt } from '../../../../src/app/context'
import ProfileEdit, { ProfileList } from '../../../../src/screens/ProfileEdit'
import { KeyGate } from '../../../../src/platform/keyGate'
import { fakeContext, fakeTranslate } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

const clock = { now: 0 }

/** Stands where the App stands: keys pass a real KeyGate, which announces long presses. */
class EditHost extends Lightning.Component {
  private _gate = new KeyGate({ repeatIntervalMs: 110, longPressMs: 700 })

  static override _template() {
    return { Screen: { type: ProfileEdit } }
  }

  get screen(): ProfileEdit {
    return this.tag('Screen') as ProfileEdit
  }

  override _getFocused() {
    return this.tag('Screen')
  }

  override _captureKey(event: KeyboardEvent): boolean {
    const decision = this._gate.keyDown(event.keyCode, clock.now, event.repeat)
    if (!decision.pass) return true
    if (decision.longPress && event.keyCode === 13) {
      const app = this.stage.application as unknown as {
        focusBottomUpEvent(events: string[], ...args: unknown[]): boolean
      }
      app.focusBottomUpEvent(['_handleEnterLong'], event)
    }
    return false
  }

  override _captureKeyRelease(event: KeyboardEvent): boolean {
    this._gate.keyUp(event.keyCode)
    return false
  }
}

class ListHost extends Lightning.Component {
  static override _template() {
    return { Screen: { type: ProfileList } }
  }

  get screen(): ProfileList {
    return this.tag('Screen') as ProfileList
  }

  override _getFocused() {
    return this.tag('Screen')
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('ProfileEdit', () => {
  let t: MountedApp<EditHost>
  let context: AppContext
  let back: jest.SpyInstance
  let askPin: jest.Mock<Promise<boolean>, [PinKind, PinPrompt]>
  const state = () => t.component.screen.snapshot()

  const open = (id: string) => {
    t = mountApp(EditHost)
    t.component.screen.bind(context, id)
    t.step()
  }

  /** Goes to a key with the arrows, as a viewer does. */
  const goTo = (id: string) => {
    const keyboard = () => state().keyboard!
    const row = keyboard().rows.findIndex((keys) => keys.includes(id))
    if (row < 0) throw new Error(`no key ${id} on the keyboard`)
    while (keyboard().position.row !== row) t.press(keyboard().position.row < row ? 'Down' : 'Up')
    while (keyboard().focused !== id) t.press('Right')
  }

  const pressKey = (id: string) => {
    goTo(id)
    t.press('Enter')
  }

  const type = (text: string) =>
    [...text].forEach((char) => pressKey(char === ' ' ? 'space' : char))

  /** Holds OK until the gate calls it a long press. */
  const holdEnter = () => {
    t.keyDown('Enter')
    for (let held = 0; held <= 800; held += 100) {
      clock.now += 100
      t.keyDown('Enter', { repeat: true })
      t.step()
    }
    t.keyUp('Enter')
    t.step()
  }

  beforeEach(() => {
    back = jest.spyOn(Router, 'back').mockImplementation(() => undefined)
    jest.spyOn(Router, 'getHistory').mockReturnValue([{ hash: 'settings/profiles' }] as never)
    context = fakeContext()
    askPin = jest.fn(async (_kind: PinKind, _prompt: PinPrompt) => false as boolean)
    context.askPin = askPin
  })

  afterEach(() => t.destroy())

  it('creates a profile with a name typed on the keyboard', async () => {
    open('new')
    expect(state()).toMatchObject({ row: 'name', focused: 'name', keyboard: null })
    t.press('Enter')
    expect(state().keyboard?.value).toBe('')
    type('tom')
    expect(state().draft.name).toBe('Tom')
    pressKey('done')
    expect(state()).toMatchObject({ keyboard: null, row: 'actions', focused: 'save', message: '' })
    t.press('Enter')
    await settle()
    expect(context.profiles.profiles.map((p) => p.name)).toEqual(['', 'Tom'])
    expect(back).toHaveBeenCalled()
    expect(askPin).not.toHaveBeenCalled()
  })

  it('says the name is full when a letter is refused, and takes the hint back once one is deleted', () => {
    open('new')
    t.press('Enter')
    const hint = state().keyboardHint
    expect(hint).not.toBe('')
    type('tom'.repeat(6).slice(0, MAX_NAME_LENGTH))
    expect(state().draft.name).toHaveLength(MAX_NAME_LENGTH)
    expect(state().keyboardHint).toBe(hint)
    pressKey('x')
    expect(state().keyboardHint).not.toBe(hint)
    expect(state().keyboardHint).toContain(String(MAX_NAME_LENGTH))
    pressKey('delete')
    expect(state().keyboardHint).toBe(hint)
  })

  it("Down past the keyboard's bottom row takes the name and goes on to the next field; Up stays", () => {
    open('new')
    t.press('Enter')
    type('tom')
    for (let i = 0; i < 12 && state().keyboard; i++) t.press('Up')
    expect(state().keyboard).not.toBeNull()
    for (let i = 0; i < 12 && state().keyboard; i++) t.press('Down')
    expect(state()).toMatchObject({ keyboard: null, row: 'kids', message: '' })
    expect(state().draft.name).toBe('Tom')
    // An empty name is said at once, and the name stays focused.
    t.press('Up')
    t.press('Enter')
    pressKey('delete')
    pressKey('delete')
    pressKey('delete')
    for (let i = 0; i < 12 && state().keyboard; i++) t.press('Down')
    expect(state()).toMatchObject({ keyboard: null, row: 'name' })
    expect(state().message).not.toBe('')
  })

  it('makes a kids profile with an age and a language of its own', async () => {
    open('new')
    t.press('Enter')
    type('zoe')
    pressKey('done')
    t.press('Up', 2)
    expect(state().row).toBe('kids')
    t.press('Right')
    t.press('Enter')
    expect(state().rows).toEqual(['name', 'kids', 'age', 'language', 'actions'])
    t.press('Down')
    t.press('Right', 2)
    t.press('Enter')
    t.press('Down')
    t.press('Right', 2)
    t.press('Enter')
    expect(state().draft).toEqual({ name: 'Zoe', kids: true, maxAge: 12, language: 'nl' })
    t.press('Down')
    t.press('Enter')
    await settle()
    expect(context.profiles.profiles[1]).toMatchObject({
      name: 'Zoe',
      kids: true,
      maxAge: 12,
      language: 'nl',
    })
  })

  it('says when a name is taken, and saves nothing', async () => {
    context.profiles.add({ name: 'Léa', kids: false })
    open(context.profiles.profiles[0]!.id)
    t.press('Enter')
    // é: a long OK on e, then OK on the first accent offered.
    type('l')
    goTo('e')
    holdEnter()
    expect(state().keyboard!.accents?.chars[0]).toBe('é')
    t.press('Enter')
    type('a')
    expect(state().draft.name).toBe('Léa')
    pressKey('done')
    expect(state().message).toBe('profile.problem.name-taken{"name":"Léa"}')
    expect(state().row).toBe('name')
    t.press('Down', 3)
    t.press('Enter')
    await settle()
    expect(state().message).toContain('name-taken')
    expect(context.profiles.profiles[0]!.name).toBe('')
    expect(back).not.toHaveBeenCalled()
  })

  it('refuses a name another profile has without its accents or capitals, keeping what was typed', async () => {
    context.profiles.add({ name: 'Léa', kids: false })
    open('new')
    t.press('Enter')
    type('lea ')
    pressKey('done')
    // Said with the other profile's name as the chooser shows it.
    expect(state()).toMatchObject({
      keyboard: null,
      row: 'name',
      message: 'profile.problem.name-taken{"name":"Léa"}',
      draft: { name: 'Lea ' },
    })
    // Save refuses it too, and what was typed is still there to be corrected.
    t.press('Down', 3)
    expect(state().focused).toBe('save')
    t.press('Enter')
    await settle()
    expect(state().message).toBe('profile.problem.name-taken{"name":"Léa"}')
    expect(context.profiles.profiles.map((p) => p.name)).toEqual(['', 'Léa'])
    expect(back).not.toHaveBeenCalled()
    expect(state()).toMatchObject({ row: 'name', draft: { name: 'Lea ' } })
    t.press('Enter')
    expect(state().keyboard?.value).toBe('Lea ')
    type('h')
    pressKey('done')
    expect(state().message).toBe('')
    t.press('Enter')
    await settle()
    expect(context.profiles.profiles.map((p) => p.name)).toEqual(['', 'Léa', 'Lea H'])
  })

  it('refuses the name the unnamed first profile shows, which that profile may keep', async () => {
    context.t = (key, values) =>
      key === 'profile.defaultName' ? 'Maison' : fakeTranslate(key, values)
    open('new')
    t.press('Enter')
    type('maison')
    pressKey('done')
    expect(state().message).toBe('profile.problem.name-taken{"name":"Maison"}')
    expect(context.profiles.profiles).toHaveLength(1)

    const home = context.profiles.profiles[0]!
    open(home.id)
    // Its other fields save without it being given a name.
    t.press('Down', 2)
    t.press('Right')
    t.press('Enter')
    t.press('Down')
    t.press('Enter')
    await settle()
    expect(context.profiles.profiles[0]).toMatchObject({ name: '', language: 'fr' })
    expect(back).toHaveBeenCalled()
  })

  it('deletes after the confirmation, and Cancel keeps the profile', async () => {
    const added = context.profiles.add({ name: 'Tom', kids: false })
    if (!added.ok) throw new Error('fixture')
    open(added.profile.id)
    expect(state().actions).toEqual(['save', 'delete'])
    t.press('Down', 3)
    t.press('Right')
    t.press('Enter')
    expect(state().dialog).toBe(true)
    t.press('Enter')
    expect(state().dialog).toBe(false)
    expect(context.profiles.profiles).toHaveLength(2)
    t.press('Enter')
    t.press('Right')
    t.press('Enter')
    await settle()
    expect(context.profiles.profiles).toHaveLength(1)
    expect(back).toHaveBeenCalled()
  })

  it('cannot delete the last profile and says why', () => {
    open(context.profiles.profiles[0]!.id)
    expect(state().actions).toEqual(['save'])
    expect(state().note).toBe('profile.lastProfile')
  })

  it('asks the parental PIN to turn a kids profile into a grown-up one', async () => {
    const added = context.profiles.add({ name: 'Léa', kids: true })
    if (!added.ok) throw new Error('fixture')
    open(added.profile.id)
    t.press('Down')
    t.press('Left')
    t.press('Enter')
    expect(state().draft.kids).toBe(false)
    t.press('Down', 2)
    t.press('Enter')
    await settle()
    expect(askPin).toHaveBeenCalledWith(
      'parental',
      expect.objectContaining({ title: 'profile.pin.title' }),
    )
    expect(context.profiles.profiles[1]!.kids).toBe(true)
    askPin.mockResolvedValue(true)
    t.press('Enter')
    await settle()
    expect(context.profiles.profiles[1]!.kids).toBe(false)
  })
})

describe('ProfileList', () => {
  let t: MountedApp<ListHost>
  let navigate: jest.SpyInstance

  beforeEach(() => {
    navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
  })

  afterEach(() => t.destroy())

  it('edits a profile with OK and adds one from the button below, until there are six', () => {
    const context = fakeContext()
    t = mountApp(ListHost)
    t.component.screen.bind(context)
    t.step()
    const first = context.profiles.profiles[0]!.id
    expect(t.component.screen.snapshot()).toMatchObject({ focused: first, canAdd: true })
    t.press('Enter')
    expect(navigate).toHaveBeenLastCalledWith(`settings/profiles/${first}`)
    t.press('Down')
    t.press('Enter')
    expect(navigate).toHaveBeenLastCalledWith('settings/profiles/new')
    for (const name of ['B', 'C', 'D', 'E', 'F']) context.profiles.add({ name, kids: false })
    t.step()
    expect(t.component.screen.snapshot()).toMatchObject({ canAdd: false, note: 'profile.full' })
    expect(t.component.screen.snapshot().profiles).toHaveLength(6)
  })
})
