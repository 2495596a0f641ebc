import type { RentalOffer } from '../../../../src/entitlements/contract'
import { fakeContext, fixtureCatalogue } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'
import { DetailsHost } from './detailsHost'

describe('Details: a rental that runs out while its page is open', () => {
  let t: MountedApp<DetailsHost>

  afterEach(() => {
    t.destroy()
    jest.useRealTimers()
  })

  it('turns Watch into Rent at the moment the window ends, without a key', async () => {
    const context = fakeContext()
    let clock = Date.UTC(2026, 11, 2, 12)
    context.platform.wallClock = () => clock
    const title = fixtureCatalogue().title('dikkenek')!
    const offer = title.offers.find((o): o is RentalOffer => o.type === 'rental')!
    await context.entitlements.rent(title, offer)
    await context.entitlements.startPlayback(title.id)
    const access = context.entitlements.access(title)
    expect(access.kind).toBe('rented')
    const expiresAt = (access as { until: number }).until

    jest.useFakeTimers()
    clock = expiresAt - 2000
    t = mountApp(DetailsHost)
    t.component.details.bind(context)
    t.component.details.show(title)
    t.step()
    expect(t.component.details.snapshot()).toMatchObject({ action: 'play' })

    clock = expiresAt + 100
    jest.advanceTimersByTime(1999)
    t.step()
    expect(t.component.details.snapshot()).toMatchObject({ action: 'play' })
    jest.advanceTimersByTime(400)
    t.step()
    expect(t.component.details.snapshot()).toMatchObject({ action: 'rent' })
  })
})
