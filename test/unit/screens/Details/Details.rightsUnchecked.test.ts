import type { AppContext } from '../../../../src/app/context'
import { EntitlementErrorCode } from '../../../../src/entitlements/errors'
import { fakeContext, fixtureCatalogue } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'
import { DetailsHost } from './detailsHost'
import { error, fakeBackend, setup } from '../../entitlements/storeHarness'

describe('Details: the rights service did not answer and the box knows no purchase', () => {
  let t: MountedApp<DetailsHost>

  afterEach(() => t.destroy())

  it('offers to check the purchases again before offering to buy, and says when it still cannot', async () => {
    const backend = fakeBackend()
    backend.holdings.mockRejectedValue(error(EntitlementErrorCode.OFFLINE))
    const { store } = setup(backend)
    await store.refresh()
    const context: AppContext = { ...fakeContext(), entitlements: store }
    t = mountApp(DetailsHost)
    t.component.details.bind(context)
    t.component.details.show(fixtureCatalogue().title('dikkenek')!)
    t.step()
    const actions = t.component.details.snapshot() as { action: string; actions: string[] }
    expect(actions.action).toBe('recheck')
    expect(actions.actions.slice(0, 2)).toEqual([
      'details.recheckRights',
      expect.stringMatching(/^details\.rent/),
    ])

    t.press('Enter')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(backend.holdings).toHaveBeenCalledTimes(2)
    expect(t.component.toasts).toEqual(['access.unchecked'])
  })
})
