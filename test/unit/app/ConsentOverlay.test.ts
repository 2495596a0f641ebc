import { Lightning } from '@lightningjs/sdk'
import ConsentOverlay from '../../../src/app/ConsentOverlay'
import { buildCodeMap } from '../../../src/platform/keymap'
import { fakeContext } from '../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../harness/mountApp'

class Host extends Lightning.Component {
  static override _template() {
    return { Consent: { type: ConsentOverlay } }
  }

  get consent(): ConsentOverlay {
    return this.tag('Consent') as ConsentOverlay
  }

  override _getFocused() {
    return this.tag('Consent')
  }

  $consentOverlayChanged() {}
}

describe('ConsentOverlay', () => {
  let t: MountedApp<Host>
  afterEach(() => t.destroy())

  const mount = (kids = false) => {
    const context = fakeContext()
    if (kids) {
      const added = context.profiles.add({ name: 'Lou', kids: true })
      if (!added.ok) throw new Error('not added')
      context.profiles.select(added.state.profiles.at(-1)!.id)
    }
    t = mountApp(Host, { keys: buildCodeMap('browser', {}) })
    t.component.consent.context = context
    t.step()
    return { context, overlay: t.component.consent }
  }

  it('three answers drawn alike; refusing is one press', async () => {
    const { context, overlay } = mount()
    const answered = overlay.ask('first')
    t.step()
    expect(overlay.snapshot()).toMatchObject({
      step: 'choice',
      focused: 'refuse-all',
      buttons: ['consent.acceptAll', 'consent.refuseAll', 'consent.customise'],
    })
    t.press('Enter')
    await answered
    expect(overlay.open).toBe(false)
    expect(context.consent.needsAnswer).toBe(false)
    expect(context.consent.purposes).toEqual({ ads: false, audience: false, quality: false })
  })

  it('accepting is one move and OK; Back does not dismiss the first question', async () => {
    const { context, overlay } = mount()
    void overlay.ask('first')
    t.step()
    t.press('Back')
    expect(overlay.open).toBe(true)
    t.press('Left')
    t.press('Enter')
    expect(overlay.open).toBe(false)
    expect(context.consent.purposes).toEqual({ ads: true, audience: true, quality: true })
  })

  it('Personnaliser shows the three purposes as toggles, saved together', () => {
    const { context, overlay } = mount()
    void overlay.ask('first')
    t.step()
    t.press('Right')
    t.press('Enter')
    expect(overlay.snapshot()).toMatchObject({ step: 'customise', focused: 'ads' })
    t.press('Down')
    t.press('Enter') // audience on
    t.press('Down')
    t.press('Enter') // quality on
    t.press('Enter') // quality off
    t.press('Enter') // quality on
    expect(overlay.snapshot()?.draft).toEqual({ ads: false, audience: true, quality: true })
    expect(context.consent.needsAnswer).toBe(true)
    t.press('Down')
    t.press('Enter')
    expect(overlay.open).toBe(false)
    expect(context.consent.purposes).toEqual({ ads: false, audience: true, quality: true })
    // Back from customise returns to the three answers at first start.
  })

  it('from Settings: current choices, a withdrawal applies at once, Back changes nothing', () => {
    const { context, overlay } = mount()
    context.consent.acceptAll()
    const withdrawn: string[][] = []
    context.consent.withdrawn$.subscribe((purposes) => withdrawn.push(purposes))
    void overlay.ask('settings')
    t.step()
    expect(overlay.snapshot()).toMatchObject({ step: 'customise', mode: 'settings' })
    t.press('Enter') // ads off
    t.press('Back')
    expect(overlay.open).toBe(false)
    expect(context.consent.purposes.ads).toBe(true)
    void overlay.ask('settings')
    t.step()
    t.press('Enter') // ads off
    t.press('Down', 3)
    t.press('Enter')
    expect(withdrawn).toEqual([['ads']])
    expect(context.consent.granted('ads')).toBe(false)
  })

  it('a kids profile cannot turn personalised advertising on', () => {
    const { context, overlay } = mount(true)
    void overlay.ask('first')
    t.step()
    t.press('Left')
    t.press('Enter')
    expect(context.consent.purposes).toEqual({ ads: false, audience: true, quality: true })
    void overlay.ask('settings')
    t.step()
    t.press('Enter')
    expect(overlay.snapshot()?.draft.ads).toBe(false)
    expect(overlay.snapshot()?.buttons[0]).toContain('consent.kids')
  })
})
