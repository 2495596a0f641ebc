import type { PinKind, PinPrompter } from '../../../src/app/context'
import { askPinGuarded } from '../../../src/app/purchasePinGuard'
import type { PinStatus } from '../../../src/parental/ParentalStore'

const GUARD = { title: 'Code parental', message: 'Entrez le code parental pour choisir.' }
const BUY = { kind: 'purchase' } as const

function prompter(answers: boolean[]) {
  const asked: PinKind[] = []
  const ask: PinPrompter = (kind) => {
    asked.push(kind)
    return Promise.resolve(answers.shift() ?? false)
  }
  return { ask, asked }
}

const statuses =
  (parental: PinStatus, purchase: PinStatus) =>
  (kind: PinKind): PinStatus =>
    kind === 'parental' ? parental : purchase

describe('askPinGuarded', () => {
  it('asks the parental PIN before a purchase PIN is chosen for the first time', async () => {
    const { ask, asked } = prompter([true, true])
    expect(await askPinGuarded(ask, statuses('set', 'unset'), GUARD, 'purchase', BUY)).toBe(true)
    expect(asked).toEqual(['parental', 'purchase'])
  })

  it('a wrong or abandoned parental PIN ends there: no purchase PIN is chosen', async () => {
    const { ask, asked } = prompter([false])
    expect(await askPinGuarded(ask, statuses('set', 'unset'), GUARD, 'purchase', BUY)).toBe(false)
    expect(asked).toEqual(['parental'])
  })

  it('asks the purchase PIN alone once it exists, or where no parental PIN exists either', async () => {
    const set = prompter([true])
    expect(await askPinGuarded(set.ask, statuses('set', 'set'), GUARD, 'purchase', BUY)).toBe(true)
    expect(set.asked).toEqual(['purchase'])
    const none = prompter([true])
    await askPinGuarded(none.ask, statuses('unset', 'unset'), GUARD, 'purchase', BUY)
    expect(none.asked).toEqual(['purchase'])
    const parental = prompter([true])
    await askPinGuarded(parental.ask, statuses('set', 'unset'), GUARD, 'parental', BUY)
    expect(parental.asked).toEqual(['parental'])
  })
})

describe('askPinGuarded: the parental PIN typed on the way', () => {
  it('is reported when it guarded the first purchase PIN, so the title bought plays without it', async () => {
    const given = jest.fn()
    const { ask } = prompter([true, true])
    await askPinGuarded(ask, statuses('set', 'unset'), GUARD, 'purchase', BUY, given)
    expect(given).toHaveBeenCalledTimes(1)
  })

  it('is not reported when it was refused, or when only the purchase PIN was asked', async () => {
    const given = jest.fn()
    await askPinGuarded(
      prompter([false]).ask,
      statuses('set', 'unset'),
      GUARD,
      'purchase',
      BUY,
      given,
    )
    await askPinGuarded(prompter([true]).ask, statuses('set', 'set'), GUARD, 'purchase', BUY, given)
    expect(given).not.toHaveBeenCalled()
  })
})
