import { Lightning, Router } from '@lightningjs/sdk'
import Settings from '../../../../src/screens/Settings'
import { fakeContext } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

class Host extends Lightning.Component {
  static override _template() {
    return { Settings: { type: Settings } }
  }

  get settings(): Settings {
    return this.tag('Settings') as Settings
  }

  override _getFocused() {
    return this.tag('Settings')
  }

  $manageConsent() {
    manageConsent()
  }
}

const manageConsent = jest.fn()

describe('Settings', () => {
  let t: MountedApp<Host>
  let navigate: jest.SpyInstance

  beforeEach(() => {
    navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
    t = mountApp(Host)
    t.component.settings.bind(fakeContext())
    t.step()
  })

  afterEach(() => {
    t.destroy()
    navigate.mockRestore()
  })

  it('opens the catalogue diagnostics from the row below the languages', () => {
    expect(t.component.settings.snapshot()).toMatchObject({
      area: 'languages',
      focusedLanguage: 'fr',
    })
    t.press('Down')
    expect(t.component.settings.snapshot().area).toBe('tools')
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('settings/diagnostics')
    t.press('Up')
    expect(t.component.settings.snapshot().area).toBe('languages')
  })

  it('the privacy row below the tools: the consent question and why ads are chosen', () => {
    expect(t.component.settings.snapshot().privacy).toContain('settings.privacy')
    t.press('Down', 2)
    expect(t.component.settings.snapshot().area).toBe('privacy')
    t.press('Enter')
    expect(manageConsent).toHaveBeenCalled()
    t.press('Right')
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('why-ad')
    t.press('Down')
    expect(t.component.settings.snapshot().area).toBe('privacy')
  })

  it('still changes the language with OK on a language', () => {
    t.press('Right')
    t.press('Enter')
    expect(navigate).not.toHaveBeenCalled()
  })
})
