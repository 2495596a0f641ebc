import { KeyGate, markRepeat } from '../../../src/platform/keyGate'

const RIGHT = 39
const LEFT = 37
const gate = () => new KeyGate({ repeatIntervalMs: 100, longPressMs: 700 })

/** Feeds a held key's keydowns at the given times and returns which ones passed. */
function passedAt(keyGate: KeyGate, code: number, times: number[]): number[] {
  return times.filter((now) => keyGate.keyDown(code, now).pass)
}

describe('KeyGate', () => {
  test('the first press passes at once and is not a repeat', () => {
    expect(gate().keyDown(RIGHT, 5000)).toEqual({
      pass: true,
      repeat: false,
      longPress: false,
    })
  })

  test('auto-repeats closer than the interval are dropped, not delayed', () => {
    const keyGate = gate()
    // A box repeating every 30 ms: one event per 100 ms gets through.
    const times = Array.from({ length: 12 }, (_, i) => i * 30)
    expect(passedAt(keyGate, RIGHT, times)).toEqual([0, 120, 240])
  })

  test('a repeat exactly one interval after the last passed one passes', () => {
    const keyGate = gate()
    keyGate.keyDown(RIGHT, 0)
    expect(keyGate.keyDown(RIGHT, 99)).toEqual({
      pass: false,
      repeat: true,
      longPress: false,
    })
    expect(keyGate.keyDown(RIGHT, 100)).toEqual({
      pass: true,
      repeat: true,
      longPress: false,
    })
  })

  test('each key is gated on its own', () => {
    const keyGate = gate()
    keyGate.keyDown(RIGHT, 0)
    expect(keyGate.keyDown(LEFT, 10).pass).toBe(true)
    expect(keyGate.keyDown(RIGHT, 20).pass).toBe(false)
  })

  test('a long-press is reported once per hold, when the hold crosses the threshold', () => {
    const keyGate = gate()
    const longPresses = Array.from({ length: 20 }, (_, i) => i * 100).filter(
      (now) => keyGate.keyDown(RIGHT, now).longPress,
    )
    expect(longPresses).toEqual([700])
  })

  test('a long-press is never lost to throttling: the event that reports it passes', () => {
    const keyGate = gate()
    keyGate.keyDown(RIGHT, 0)
    expect(keyGate.keyDown(RIGHT, 650).pass).toBe(true)
    // 50 ms after the last passed repeat, but the first event past 700 ms.
    expect(keyGate.keyDown(RIGHT, 700)).toEqual({
      pass: true,
      repeat: true,
      longPress: true,
    })
    expect(keyGate.keyDown(RIGHT, 720)).toEqual({
      pass: false,
      repeat: true,
      longPress: false,
    })
  })

  test('a quick tap is never a long-press', () => {
    const keyGate = gate()
    keyGate.keyDown(RIGHT, 0)
    keyGate.keyUp(RIGHT)
    expect(keyGate.keyDown(RIGHT, 800).longPress).toBe(false)
  })

  test('keyUp ends the hold: the next keydown is a new press that passes at once', () => {
    const keyGate = gate()
    keyGate.keyDown(RIGHT, 0)
    keyGate.keyUp(RIGHT)
    expect(keyGate.isHeld(RIGHT)).toBe(false)
    expect(keyGate.keyDown(RIGHT, 10)).toEqual({
      pass: true,
      repeat: false,
      longPress: false,
    })
  })

  test('a new hold can report a long-press again', () => {
    const keyGate = gate()
    keyGate.keyDown(RIGHT, 0)
    expect(keyGate.keyDown(RIGHT, 700).longPress).toBe(true)
    keyGate.keyUp(RIGHT)
    keyGate.keyDown(RIGHT, 1000)
    expect(keyGate.keyDown(RIGHT, 1600).longPress).toBe(false)
    expect(keyGate.keyDown(RIGHT, 1700).longPress).toBe(true)
  })

  test('reset forgets every hold, e.g. after the window lost focus', () => {
    const keyGate = gate()
    keyGate.keyDown(RIGHT, 0)
    keyGate.keyDown(LEFT, 0)
    keyGate.reset()
    expect([keyGate.isHeld(RIGHT), keyGate.isHeld(LEFT)]).toEqual([false, false])
    expect(keyGate.keyDown(RIGHT, 10).repeat).toBe(false)
  })

  test('isHeld follows keydown and keyUp', () => {
    const keyGate = gate()
    expect(keyGate.isHeld(RIGHT)).toBe(false)
    keyGate.keyDown(RIGHT, 0)
    expect(keyGate.isHeld(RIGHT)).toBe(true)
  })

  test('once the engine flags repeats, a keydown whose flag is false starts a new hold (the keyup was lost)', () => {
    const keyGate = gate()
    keyGate.keyDown(LEFT, 0, false)
    keyGate.keyDown(LEFT, 10, true)
    keyGate.keyUp(LEFT)
    keyGate.keyDown(RIGHT, 0, false)
    // No keyup arrived; the viewer presses again 20 ms later.
    expect(keyGate.keyDown(RIGHT, 20, false)).toEqual({
      pass: true,
      repeat: false,
      longPress: false,
    })
    // The hold restarted at 20 ms, so no long-press at 700 ms.
    expect(keyGate.keyDown(RIGHT, 700, true).longPress).toBe(false)
    expect(keyGate.keyDown(RIGHT, 720, true).longPress).toBe(true)
  })

  test('a keydown flagged as a repeat is throttled like one', () => {
    const keyGate = gate()
    keyGate.keyDown(RIGHT, 0, false)
    expect(keyGate.keyDown(RIGHT, 30, true)).toEqual({
      pass: false,
      repeat: true,
      longPress: false,
    })
  })

  test("an engine that leaves the flag false on every keydown: a held key's keydowns are repeats, throttled", () => {
    const keyGate = gate()
    const held = [0, 30, 60, 90, 120, 150, 230].map((now) => keyGate.keyDown(RIGHT, now, false))
    expect(held.map((decision) => decision.repeat)).toEqual([false, ...Array(6).fill(true)])
    expect(held.filter((decision) => decision.pass)).toHaveLength(3)
    keyGate.keyUp(RIGHT)
    expect(keyGate.keyDown(RIGHT, 400, false).repeat).toBe(false)
  })

  test('markRepeat sets the flag an engine left false, for the components that read it', () => {
    const event = new KeyboardEvent('keydown', { keyCode: RIGHT })
    expect(event.repeat).toBe(false)
    markRepeat(event)
    expect(event.repeat).toBe(true)
    const flagged = new KeyboardEvent('keydown', { keyCode: RIGHT, repeat: true })
    markRepeat(flagged)
    expect(flagged.repeat).toBe(true)
  })

  test('without a repeat flag, a second keydown of a held key counts as a repeat', () => {
    const keyGate = gate()
    keyGate.keyDown(RIGHT, 0)
    expect(keyGate.keyDown(RIGHT, 30).repeat).toBe(true)
  })
})
