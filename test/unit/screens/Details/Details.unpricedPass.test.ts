import { Router } from '@lightningjs/sdk'
import type { AppContext } from '../../../../src/app/context'
import { fakeContext, fakeTranslate, fixtureCatalogue } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'
import { DetailsHost } from './detailsHost'
import { fakeBackend, setup } from '../../entitlements/storeHarness'

describe('Details: a pass title the household does not hold', () => {
  let t: MountedApp<DetailsHost>
  let navigate: jest.SpyInstance

  beforeEach(() => {
    navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
  })

  afterEach(() => {
    t.destroy()
    navigate.mockRestore()
  })

  /** Rundskop is in the "movies-series" pass only; `price` is the operator's for it, if any. */
  const show = async (price?: string) => {
    const { store } = setup(fakeBackend())
    await store.refresh()
    const context: AppContext = {
      ...fakeContext(),
      entitlements: store,
      t: (key, values) =>
        key === 'access.passPrice.movies-series' && price ? price : fakeTranslate(key, values),
    }
    t = mountApp(DetailsHost)
    t.component.details.bind(context)
    t.component.details.show(fixtureCatalogue().title('rundskop')!)
    t.step()
    return t.component.details.snapshot() as { action: string; actions: string[]; facts: string[] }
  }

  it('without a price from the operator, says so and sells nothing', async () => {
    const shown = await show()
    expect(shown.action).toBe('unpriced')
    expect(shown.actions).toContain('access.passUnpriced')
    expect(shown.actions).not.toContain('details.subscribe')
    expect(shown.facts).toContain(
      'details.howToWatch: access.subscribeUnpriced{"pass":"access.passName.default"}',
    )
    t.press('Enter')
    expect(navigate).not.toHaveBeenCalled()
  })

  it('with its price, offers to take the pass', async () => {
    const shown = await show('9,99 € / mois')
    expect(shown.action).toBe('subscribe')
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('buy/rundskop/pass')
  })
})
