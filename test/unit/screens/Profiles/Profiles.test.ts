import { Lightning, Router } from '@lightningjs/sdk'
import type { AppContext, PinKind, PinPrompt } from '../../../../src/app/context'
import Profiles from '../../../../src/screens/Profiles'
import { fakeContext } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

class Host extends Lightning.Component {
  static override _template() {
    return { Profiles: { type: Profiles } }
  }

  get screen(): Profiles {
    return this.tag('Profiles') as Profiles
  }

  override _getFocused() {
    return this.tag('Profiles')
  }
}

/** Lets the screen's awaited PIN answer and language change run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('Profiles chooser', () => {
  let t: MountedApp<Host>
  let context: AppContext
  let navigate: jest.SpyInstance
  let askPin: jest.Mock<Promise<boolean>, Parameters<AppContext['askPin']>>
  let leaId: string
  let tomId: string

  const mount = () => {
    t = mountApp(Host)
    t.component.screen.bind(context)
    t.step()
  }

  beforeEach(() => {
    navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
    context = fakeContext()
    askPin = jest.fn(async (_kind: PinKind, _prompt: PinPrompt) => false as boolean)
    context.askPin = askPin
    const lea = context.profiles.add({ name: 'Léa', kids: true, maxAge: 10 })
    const tom = context.profiles.add({ name: 'Tom', kids: false })
    if (!lea.ok || !tom.ok) throw new Error('fixture profiles')
    leaId = lea.profile.id
    tomId = tom.profile.id
    context.profiles.update(tomId, { language: 'nl' })
  })

  afterEach(() => {
    t.destroy()
    navigate.mockRestore()
  })

  it('shows every profile with the active one focused', () => {
    context.profiles.select(leaId)
    mount()
    expect(t.component.screen.snapshot()).toMatchObject({
      profiles: [{ name: '' }, { name: 'Léa', kids: true }, { name: 'Tom', kids: false }],
      focused: leaId,
    })
  })

  it('switches to the chosen profile, takes its language, and goes home', async () => {
    mount()
    t.press('Right', 2)
    t.press('Enter')
    await settle()
    expect(context.profiles.active.id).toBe(tomId)
    expect(context.ui.value.language).toBe('nl')
    expect(navigate).toHaveBeenCalledWith('home', false)
    expect(askPin).not.toHaveBeenCalled()
  })

  it('asks the parental PIN to leave a kids profile and switches once it is given', async () => {
    context.profiles.select(leaId)
    askPin.mockResolvedValue(true)
    mount()
    t.press('Right')
    t.press('Enter')
    expect(t.component.screen.snapshot().asking).toBe(true)
    await settle()
    expect(askPin).toHaveBeenCalledTimes(1)
    expect(askPin.mock.calls[0]![0]).toBe('parental')
    expect(askPin.mock.calls[0]![1]).toMatchObject({ message: expect.stringContaining('Léa') })
    expect(context.profiles.active.id).toBe(tomId)
    expect(navigate).toHaveBeenCalledWith('home', false)
  })

  it('keeps the kids profile when the PIN is refused, and says nothing itself', async () => {
    context.profiles.select(leaId)
    mount()
    t.press('Right')
    t.press('Enter')
    // A second OK while the prompt is open does not ask twice.
    t.press('Enter')
    await settle()
    expect(askPin).toHaveBeenCalledTimes(1)
    expect(context.profiles.active.id).toBe(leaId)
    expect(navigate).not.toHaveBeenCalled()
    expect(t.component.screen.snapshot()).toMatchObject({ asking: false, focused: tomId })
  })

  it('goes to a kids profile without a PIN', async () => {
    mount()
    t.press('Right')
    t.press('Enter')
    await settle()
    expect(askPin).not.toHaveBeenCalled()
    expect(context.profiles.active.id).toBe(leaId)
  })

  it('opens the profile management from the button below', () => {
    mount()
    t.press('Down')
    expect(t.component.screen.snapshot().focused).toBe('manage')
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('settings/profiles')
    t.press('Up')
    expect(t.component.screen.snapshot().focused).toBe(context.profiles.active.id)
  })
})
