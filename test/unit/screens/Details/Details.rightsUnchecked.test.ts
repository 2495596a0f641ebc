import type { AppContext } from '../../../../src/app/context'
import type { Holdings } from '../../../../src/entitlements/contract'
import { EntitlementErrorCode } from '../../../../src/entitlements/errors'
import { fakeContext, fixtureCatalogue } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'
import { DetailsHost } from './detailsHost'
import { deferred, error, fakeBackend, setup } from '../../entitlements/storeHarness'

interface Shown {
  action: string
  actions: string[]
  facts: string[]
}

describe('Details: the household’s rights are not known', () => {
  let t: MountedApp<DetailsHost>

  afterEach(() => t.destroy())

  const show = (context: AppContext, title = fixtureCatalogue().title('dikkenek')!) => {
    t = mountApp(DetailsHost)
    t.component.details.bind(context)
    t.component.details.show(title)
    t.step()
    return () => t.component.details.snapshot() as Shown
  }
  const howToWatch = (shown: Shown) => shown.facts.find((f) => f.startsWith('details.howToWatch'))

  it('while the service is asked, says so instead of a price, and offers to rent once it answers', async () => {
    const backend = fakeBackend()
    const answer = deferred<Holdings>()
    backend.holdings.mockReturnValueOnce(answer.promise)
    const { store } = setup(backend)
    const refreshed = store.refresh()
    const shown = show({ ...fakeContext(), entitlements: store })
    expect(shown().actions[0]).toBe('access.checking')
    expect(shown().actions.join()).not.toMatch(/details\.(rent|subscribe)/)
    expect(howToWatch(shown())).toBe('details.howToWatch: access.checking')

    answer.resolve({ passes: [], rentals: [] })
    await refreshed
    t.step()
    expect(shown().actions[0]).toMatch(/^details\.rent/)
    expect(howToWatch(shown())).toMatch(/^details\.howToWatch: access\.rent/)
  })

  it('when the service did not answer and the box knows no purchase, offers only to check again, and says when it still cannot', async () => {
    const backend = fakeBackend()
    backend.holdings.mockRejectedValue(error(EntitlementErrorCode.OFFLINE))
    const { store } = setup(backend)
    await store.refresh()
    const shown = show({ ...fakeContext(), entitlements: store })
    expect(shown().action).toBe('recheck')
    expect(shown().actions[0]).toBe('details.recheckRights')
    expect(shown().actions.join()).not.toMatch(/details\.(rent|subscribe)/)
    expect(howToWatch(shown())).toBe('details.howToWatch: access.uncheckedLabel')

    t.press('Enter')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(backend.holdings).toHaveBeenCalledTimes(2)
    expect(t.component.toasts).toEqual(['access.unchecked'])
  })

  it('a title with ads that a pass also carries plays with ads when the passes cannot be checked, and offers to check them', async () => {
    const amelie = fixtureCatalogue().title('amelie')!
    const inAPass = {
      ...amelie,
      offers: [...amelie.offers, { type: 'subscription' as const, pass: 'movies-series' }],
    }
    const backend = fakeBackend({
      passes: [{ passId: 'movies-series', activeUntil: null }],
      rentals: [],
    })
    backend.holdings.mockRejectedValueOnce(error(EntitlementErrorCode.OFFLINE))
    const { store } = setup(backend)
    await store.refresh()
    const shown = show({ ...fakeContext(), entitlements: store }, inAPass)
    expect(shown().actions.slice(0, 2)).toEqual(['details.play', 'details.recheckRights'])

    t.press('Right')
    t.press('Enter')
    await new Promise((resolve) => setTimeout(resolve, 0))
    t.step()
    // The pass is known now: no ads, nothing more to check.
    expect(shown().actions.join()).not.toMatch(/recheckRights/)
  })
})
