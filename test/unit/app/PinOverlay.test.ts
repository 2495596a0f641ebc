import { Lightning } from '@lightningjs/sdk'
import { Announcer } from '../../../src/accessibility/Announcer'
import PinOverlay from '../../../src/app/PinOverlay'
import { buildCodeMap } from '../../../src/platform/keymap'
import { fakeContext } from '../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../harness/mountApp'

class Host extends Lightning.Component {
  static override _template() {
    return { Pin: { type: PinOverlay } }
  }

  get pin(): PinOverlay {
    return this.tag('Pin') as PinOverlay
  }

  override _getFocused() {
    return this.tag('Pin')
  }

  $pinOverlayChanged() {}
}

/** Real WebCrypto answers on later turns of the event loop, not as microtasks. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5))
  if (!condition()) throw new Error('condition never met')
}

describe('PinOverlay', () => {
  let t: MountedApp<Host>
  afterEach(() => t.destroy())

  const mount = () => {
    const context = fakeContext()
    t = mountApp(Host, { keys: buildCodeMap('browser', {}) })
    t.component.pin.context = context
    t.step()
    return { context, pin: t.component.pin }
  }
  const type = (digits: string) => {
    for (const digit of digits) t.press(`Digit${digit}`)
  }
  const parental = { title: 'Locked', message: '-16' }

  it('with no PIN yet, the household chooses one (typed twice) and the request is answered', async () => {
    const { context, pin } = mount()
    const answer = pin.ask('parental', parental)
    expect(pin.snapshot()).toMatchObject({ step: 'choose', kind: 'parental' })
    type('1234')
    expect(pin.snapshot()?.step).toBe('confirm')
    type('1243')
    expect(pin.snapshot()).toMatchObject({ step: 'choose', error: 'pin.error.mismatch' })
    type('1234')
    type('1234')
    await expect(answer).resolves.toBe(true)
    expect(context.parental.status('parental')).toBe('set')
    expect(pin.open).toBe(false)
  })

  it('with speech on, each new step and each refusal is said, though the focus stays on the pad', async () => {
    const { context, pin } = mount()
    const said: string[] = []
    context.announcer = new Announcer({
      speaker: { speak: (text) => said.push(text), cancel: () => undefined },
      enabled: () => true,
      language: () => 'fr',
      t: context.t,
    })
    void pin.ask('parental', parental)
    type('1234')
    expect(said.at(-1)).toMatch(/^pin\.title\.confirm/)
    type('1243')
    expect(said.at(-1)).toMatch(/pin\.error\.mismatch/)
    await context.parental.setPin('parental', '4321')
    void pin.ask('parental', parental)
    said.length = 0
    type('0000')
    await until(() => said.length > 0)
    expect(said).toEqual(['Locked, -16. pin.error.wrongMany{"n":4}'])
  })

  it('a wrong PIN says how many tries are left, five lock the entry, Back abandons', async () => {
    const { context, pin } = mount()
    await context.parental.setPin('parental', '4321')
    const answer = pin.ask('parental', parental)
    expect(pin.snapshot()?.step).toBe('check')
    type('0000')
    await until(() => pin.snapshot()?.error !== '')
    expect(pin.snapshot()?.error).toBe('pin.error.wrongMany{"n":4}')
    for (let i = 0; i < 4; i++) {
      type('0000')
      await until(() => pin.snapshot()?.digits === 0)
      await until(() => context.parental.lockedUntil('parental') !== null || i < 3)
    }
    expect(pin.snapshot()?.locked).toBe(true)
    // Locked: even the right PIN does not unlock.
    type('4321')
    t.press('Back')
    await expect(answer).resolves.toBe(false)
  })

  it('the purchase PIN is its own: the parental one does not buy', async () => {
    const { context, pin } = mount()
    await context.parental.setPin('parental', '1111')
    await context.parental.setPin('purchase', '2222')
    const answer = pin.ask('purchase', { title: 'Rent', message: '4,99 €' })
    type('1111')
    await until(() => pin.snapshot()?.error !== '')
    type('2222')
    await expect(answer).resolves.toBe(true)
  })

  it('changing a PIN needs the current one first, then the new one twice', async () => {
    const { context, pin } = mount()
    await context.parental.setPin('parental', '1111')
    const changed = pin.ask('parental', { kind: 'current', pin: 'parental' }, 'change')
    expect(pin.snapshot()).toMatchObject({ step: 'current', mode: 'change' })
    type('2222')
    await until(() => pin.snapshot()?.error !== '')
    expect(pin.snapshot()?.step).toBe('current')
    type('1111')
    await until(() => pin.snapshot()?.step === 'choose')
    type('3333')
    type('3333')
    await expect(changed).resolves.toBe(true)
    await expect(context.parental.check('parental', '1111')).resolves.toMatchObject({ ok: false })
    await expect(context.parental.check('parental', '3333')).resolves.toEqual({ ok: true })
  })
})
