import { Lightning, Router } from '@lightningjs/sdk'
import type { AppContext } from '../../../src/app/context'
import type { RentalOffer } from '../../../src/entitlements/contract'
import { EntitlementError, EntitlementErrorCode } from '../../../src/entitlements/errors'
import Purchase from '../../../src/screens/Purchase'
import { purchaseView } from '../../../src/screens/Purchase/purchaseModel'
import { fakeContext, fakeTranslate, fixtureCatalogue } from '../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../harness/mountApp'

class Host extends Lightning.Component {
  static override _template() {
    return { Purchase: { type: Purchase } }
  }

  get purchase(): Purchase {
    return this.tag('Purchase') as Purchase
  }

  override _getFocused() {
    return this.tag('Purchase')
  }
}

const dikkenek = () => fixtureCatalogue().title('dikkenek')!
const rentalOf = (): RentalOffer =>
  dikkenek().offers.find((o) => o.type === 'rental') as RentalOffer

/** Lets pending promises (PIN, purchase) settle. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

describe('Purchase', () => {
  let t: MountedApp<Host>
  let navigate: jest.SpyInstance

  beforeEach(() => {
    navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
  })

  afterEach(() => {
    t.destroy()
    navigate.mockRestore()
  })

  const mount = (context: AppContext) => {
    t = mountApp(Host)
    t.component.purchase.show(context, dikkenek(), {
      kind: 'rental',
      titleId: 'dikkenek',
      offer: rentalOf(),
    })
    t.step()
    return t.component.purchase
  }

  it('shows price and window, asks the purchase PIN, rents and plays at once', async () => {
    const context = fakeContext()
    const askPin = jest.fn(async () => true)
    context.askPin = askPin
    const purchase = mount(context)
    expect(purchase.snapshot()).toMatchObject({ step: 'confirm', focused: 'confirm' })
    expect(purchase.snapshot().lines[0]).toContain('purchase.rentPrice')
    t.press('Enter')
    await settle()
    // The title bought is named, so a parental PIN typed on the way also unlocks its play.
    expect(askPin).toHaveBeenCalledWith('purchase', expect.anything(), 'dikkenek')
    expect(context.entitlements.access(dikkenek()).kind).toBe('rented')
    expect(navigate).toHaveBeenCalledWith('play/dikkenek', false)
  })

  it('a refused PIN buys nothing', async () => {
    const context = fakeContext()
    const purchase = mount(context)
    t.press('Enter')
    await settle()
    expect(context.entitlements.access(dikkenek()).kind).toBe('rent')
    expect(purchase.snapshot().step).toBe('confirm')
    expect(navigate).not.toHaveBeenCalled()
  })

  it('a pass the operator gives no price for is not sold: the price is said unavailable, Back only', async () => {
    const context = fakeContext()
    const askPin = jest.fn(async () => true)
    context.askPin = askPin
    const subscribe = jest.spyOn(context.entitlements, 'subscribe')
    const back = jest.spyOn(Router, 'back').mockImplementation(() => undefined)
    t = mountApp(Host)
    t.component.purchase.show(context, dikkenek(), {
      kind: 'pass',
      titleId: 'dikkenek',
      passId: 'cinema-plus',
    })
    t.step()
    const snapshot = t.component.purchase.snapshot()
    expect(snapshot.lines).toContain('access.passUnpriced')
    expect(snapshot.focused).toBe('cancel')
    t.press('Enter')
    await settle()
    expect(askPin).not.toHaveBeenCalled()
    expect(subscribe).not.toHaveBeenCalled()
    expect(back).toHaveBeenCalled()
    back.mockRestore()
  })

  it('a failure that may still go through offers Retry; a declined payment only Back', () => {
    const rental = { kind: 'rental' as const, titleId: 'x', offer: rentalOf() }
    const timeout = new EntitlementError(EntitlementErrorCode.TIMEOUT, 'slow', 'http')
    const declined = new EntitlementError(EntitlementErrorCode.DECLINED, 'no', 'http')
    const view = (error: EntitlementError) =>
      purchaseView(rental, 'Dikkenek', { step: 'failed', error }, fakeTranslate, 'fr')
    expect(view(timeout).buttons.map((b) => b.id)).toEqual(['retry', 'cancel'])
    expect(view(timeout).lines).toContain('entitlement.error.timeout')
    expect(view(declined).buttons.map((b) => b.id)).toEqual(['cancel'])
    expect(view(declined).lines).toContain('entitlement.error.declined')
  })
})
