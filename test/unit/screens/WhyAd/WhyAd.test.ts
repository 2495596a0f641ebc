import { Lightning } from '@lightningjs/sdk'
import WhyAd from '../../../../src/screens/WhyAd'
import { fakeContext } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

class Host extends Lightning.Component {
  static override _template() {
    return { WhyAd: { type: WhyAd } }
  }

  get screen(): WhyAd {
    return this.tag('WhyAd') as WhyAd
  }

  override _getFocused() {
    return this.tag('WhyAd')
  }

  $manageConsent() {
    manageConsent()
  }
}

const manageConsent = jest.fn()

describe('Pourquoi cette publicité ?', () => {
  let t: MountedApp<Host>
  afterEach(() => t.destroy())

  it('shows the segments used and turns personalised ads off in one press', () => {
    const context = fakeContext()
    context.consent.acceptAll()
    for (const id of ['rosetta', 'rundskop'])
      context.progress.save({ id, titleId: id, position: 100, duration: 6000 })
    t = mountApp(Host)
    t.component.screen.bind(context)
    t.step()
    expect(t.component.screen.snapshot()).toMatchObject({
      intro: 'whyAd.personalised',
      canTurnOff: true,
      focused: 'turn-off',
    })
    expect(t.component.screen.snapshot()?.segments).toHaveLength(2)
    t.press('Enter')
    expect(context.consent.granted('ads')).toBe(false)
    expect(context.consent.granted('audience')).toBe(true)
    expect(t.component.screen.snapshot()).toMatchObject({
      intro: 'whyAd.notPersonalised',
      segments: [],
      canTurnOff: false,
      focused: 'manage',
    })
    t.press('Enter')
    expect(manageConsent).toHaveBeenCalled()
  })
})
