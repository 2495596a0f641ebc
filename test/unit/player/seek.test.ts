import { SeekAccumulator, seekStep } from '../../../src/player/seek'

describe('seekStep', () => {
  test('10 s per press, 30 s once held (or long-pressed), 60 s when held long', () => {
    expect(seekStep(0)).toBe(10)
    expect(seekStep(5)).toBe(10)
    expect(seekStep(0, true)).toBe(30)
    expect(seekStep(6)).toBe(30)
    expect(seekStep(16)).toBe(60)
  })
})

describe('SeekAccumulator', () => {
  const right = { direction: 1 as const, repeat: false }
  const held = { direction: 1 as const, repeat: true }

  test('single presses add up from the current time until committed', () => {
    const seek = new SeekAccumulator()
    expect(seek.press(right, 30, 600)).toBe(40)
    expect(seek.press(right, 30, 600)).toBe(50)
    expect(seek.commit()).toBe(50)
    expect(seek.pending).toBeUndefined()
    expect(seek.press({ direction: -1, repeat: false }, 50, 600)).toBe(40)
  })

  test('a held key accelerates', () => {
    const seek = new SeekAccumulator()
    seek.press(right, 0, 3600)
    const targets = Array.from({ length: 20 }, () => seek.press(held, 0, 3600))
    const steps = targets.map((t, i) => t - (i ? targets[i - 1]! : 10))
    expect(steps.slice(0, 5)).toEqual([10, 10, 10, 10, 10])
    expect(steps[6]).toBe(30)
    expect(steps[19]).toBe(60)
  })

  test('a long-press makes the next steps bigger at once', () => {
    const seek = new SeekAccumulator()
    seek.press(right, 0, 3600)
    seek.markLongPress()
    expect(seek.press(held, 0, 3600)).toBe(40)
  })

  test('a new press or a change of direction starts slow again', () => {
    const seek = new SeekAccumulator()
    seek.press(right, 0, 3600)
    for (let i = 0; i < 10; i++) seek.press(held, 0, 3600)
    const at = seek.pending!
    expect(seek.press({ direction: -1, repeat: true }, 0, 3600)).toBe(at - 10)
  })

  test('never before 0 nor past the last second', () => {
    const seek = new SeekAccumulator()
    expect(seek.press({ direction: -1, repeat: false }, 4, 60)).toBe(0)
    seek.cancel()
    expect(seek.press(right, 55, 60)).toBe(59)
  })
})
