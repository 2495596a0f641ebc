import { cpuProbe, decideLite, type LiteSettings } from '../../../src/performance/lite'
import { cappedBuffer, renderProfile } from '../../../src/performance/renderProfile'

const auto: LiteSettings = { mode: 'auto', maxDeviceMemoryGb: 1, maxProbeMs: 25 }

describe('decideLite', () => {
  it('follows the operator when it says on or off, whatever the box reports', () => {
    expect(decideLite({ ...auto, mode: 'on' }, { deviceMemoryGb: 8, cpuProbeMs: 1 })).toMatchObject(
      {
        lite: true,
        reason: 'setting-on',
      },
    )
    expect(
      decideLite({ ...auto, mode: 'off' }, { deviceMemoryGb: 0.5, cpuProbeMs: 90 }),
    ).toMatchObject({
      lite: false,
      reason: 'setting-off',
    })
  })

  it('in auto, treats a box reporting 1 GB or less as weak', () => {
    expect(decideLite(auto, { deviceMemoryGb: 0.5, cpuProbeMs: 1 })).toMatchObject({
      lite: true,
      reason: 'device-memory',
    })
    expect(decideLite(auto, { deviceMemoryGb: 1 })).toMatchObject({ lite: true })
    expect(decideLite(auto, { deviceMemoryGb: 2, cpuProbeMs: 1 })).toMatchObject({
      lite: false,
      reason: 'capable',
    })
  })

  it('in auto, treats a slow CPU probe as weak, and an engine that reports nothing as capable', () => {
    expect(decideLite(auto, { cpuProbeMs: 40 })).toMatchObject({ lite: true, reason: 'slow-cpu' })
    expect(decideLite(auto, { cpuProbeMs: 25 })).toMatchObject({ lite: false })
    expect(decideLite(auto, {})).toMatchObject({ lite: false, reason: 'capable' })
    // A nonsense memory figure is not a reason.
    expect(decideLite(auto, { deviceMemoryGb: 0 })).toMatchObject({ lite: false })
  })
})

describe('cpuProbe', () => {
  it('keeps the best round, so one interrupted round does not make a fast box look slow', () => {
    const rounds = [40, 3, 5]
    let clock = 0
    let started = true
    const now = () => {
      if (!started) clock += rounds.shift()!
      started = !started
      return clock
    }
    expect(cpuProbe(now, 3)).toBe(3)
  })

  it('does real work: the probe takes measurable time on this machine', () => {
    expect(cpuProbe(() => performance.now(), 1)).toBeGreaterThan(0)
  })
})

describe('renderProfile', () => {
  it('draws less on a weak box: two rails alive, no backdrop or fade, captions under focus only', () => {
    const lite = renderProfile({ lite: true, reason: 'slow-cpu', signals: {} })
    const full = renderProfile({ lite: false, reason: 'capable', signals: {} })
    expect(lite.railsBefore + lite.railsAfter + 1).toBe(2)
    expect(full.railsBefore + full.railsAfter + 1).toBe(4)
    expect(lite).toMatchObject({ heroBackdrop: false, heroFade: false, tileCaptions: 'focused' })
    expect(lite.posterScale).toBeLessThan(full.posterScale)
    expect(lite.reason).toBe('slow-cpu')
  })

  it('caps the player buffer in lite mode and leaves the operator settings otherwise', () => {
    const player = { bufferingGoal: 20, bufferBehind: 10, rebufferingGoal: 2 }
    const lite = renderProfile({ lite: true, reason: 'setting-on', signals: {} })
    const full = renderProfile({ lite: false, reason: 'capable', signals: {} })
    expect(cappedBuffer(player, lite)).toEqual({
      bufferingGoal: 10,
      bufferBehind: 5,
      rebufferingGoal: 2,
    })
    expect(cappedBuffer(player, full)).toEqual(player)
    expect(
      cappedBuffer({ bufferingGoal: 20, bufferBehind: 10, rebufferingGoal: 15 }, lite)
        .rebufferingGoal,
    ).toBe(10)
  })
})
