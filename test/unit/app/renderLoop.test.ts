import { Lightning } from '@lightningjs/sdk'
import { wakeRenderLoop, type LoopPlatform } from '../../../src/app/renderLoop'
import { mountApp } from '../../harness/mountApp'

/** Lightning core's own WebPlatform, with the idle switch pauseRafLoopOnIdle drives. */
type Platform = LoopPlatform & { switchLoop(hasChanges: boolean): boolean }

/** Lightning leaves requestAnimationFrame after 30 frames without a change. */
function idle(platform: Platform): void {
  for (let frame = 0; frame < 30; frame++) platform.switchLoop(false)
}

describe("waking Lightning's render loop for a key", () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it('brings a loop that polls from a timer back to animation frames, and stops the timer', () => {
    const t = mountApp(Lightning.Component)
    const platform = (t.stage as unknown as { platform: Platform }).platform
    platform._looping = true
    idle(platform)
    expect(platform._looping).toBe(false)
    const render = jest.spyOn(t.stage as unknown as { renderFrame(): boolean }, 'renderFrame')
    jest.advanceTimersByTime(100)
    // Polling at 30 Hz meanwhile.
    expect(render.mock.calls.length).toBeGreaterThanOrEqual(2)

    expect(wakeRenderLoop(platform)).toBe(true)
    expect(platform._looping).toBe(true)
    expect(platform._loopHandler).toBeNull()
    render.mockClear()
    const frames = jest.spyOn(window, 'requestAnimationFrame')
    jest.advanceTimersByTime(100)
    // Drawn from animation frames again (about 6 in 100 ms), not from the 30 Hz timer too.
    expect(frames).toHaveBeenCalled()
    expect(render.mock.calls.length).toBeLessThanOrEqual(7)
    platform._looping = false
    t.destroy()
  })

  it('leaves a running loop and a destroyed stage alone', () => {
    const t = mountApp(Lightning.Component)
    const platform = (t.stage as unknown as { platform: Platform }).platform
    platform._looping = true
    expect(wakeRenderLoop(platform)).toBe(false)
    idle(platform)
    t.destroy()
    expect(wakeRenderLoop(platform)).toBe(false)
    expect(wakeRenderLoop(undefined)).toBe(false)
  })
})
