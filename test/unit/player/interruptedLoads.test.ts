import { isInterruptedLoad, quietInterruptedLoads } from '../../../src/player/interruptedLoads'

describe('interrupted loads', () => {
  test("only Shaka's LOAD_INTERRUPTED (category 7, code 7000) is one", () => {
    expect(isInterruptedLoad({ category: 7, code: 7000, severity: 1 })).toBe(true)
    expect(isInterruptedLoad({ category: 1, code: 7000 })).toBe(false)
    expect(isInterruptedLoad({ category: 7, code: 7001 })).toBe(false)
    expect(isInterruptedLoad(new Error('Shaka Error 7000'))).toBe(false)
    expect(isInterruptedLoad(undefined)).toBe(false)
  })

  test('their unhandled rejections are kept from the engine; any other is reported', () => {
    const target = new EventTarget()
    quietInterruptedLoads(target as unknown as Window)
    const rejection = (reason: unknown) => {
      const event = new Event('unhandledrejection', { cancelable: true })
      Object.assign(event, { reason })
      target.dispatchEvent(event)
      return event.defaultPrevented
    }
    expect(rejection({ category: 7, code: 7000 })).toBe(true)
    expect(rejection({ category: 1, code: 1002 })).toBe(false)
    expect(rejection(new TypeError('bug'))).toBe(false)
  })
})
