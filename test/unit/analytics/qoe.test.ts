import { initialQoe, qoeReport, reduceQoe, type QoeInput } from '../../../src/analytics/qoe'

const run = (events: QoeInput[]) => qoeReport(events.reduce(reduceQoe, initialQoe))
const open: QoeInput = { type: 'open', at: 1000, itemId: 'rosetta', kind: 'vod' }

describe('playback quality of a viewing', () => {
  test('start-up time, played time, rebuffering ratio and count', () => {
    expect(
      run([
        open,
        { type: 'buffering', at: 1100, buffering: true }, // the start's own wait is not a rebuffer
        { type: 'playing', at: 2500 },
        { type: 'buffering', at: 12_500, buffering: true },
        { type: 'buffering', at: 14_500, buffering: false },
        { type: 'paused', at: 22_500 },
        { type: 'playing', at: 60_000 }, // paused time counts for nothing
        { type: 'buffering', at: 62_000, buffering: true },
        { type: 'buffering', at: 63_000, buffering: false },
        { type: 'end', at: 70_000, outcome: 'stopped' },
      ]),
    ).toMatchObject({
      itemId: 'rosetta',
      startupMs: 1500,
      playedSeconds: 27,
      rebufferSeconds: 3,
      rebufferCount: 2,
      rebufferRatio: 0.1,
      outcome: 'stopped',
    })
  })

  test('bitrate switches and the time-weighted average bitrate; dropped frames are cumulative', () => {
    expect(
      run([
        open,
        { type: 'bitrate', at: 1000, bandwidth: 1_000_000 },
        { type: 'playing', at: 2000 },
        { type: 'bitrate', at: 5000, bandwidth: 3_000_000 }, // 3 s at 1 Mbit/s
        { type: 'frames', at: 6000, dropped: 4 },
        { type: 'frames', at: 7000, dropped: 2 },
        { type: 'bitrate', at: 6000, bandwidth: 3_000_000 },
        { type: 'end', at: 8000, outcome: 'completed' }, // 3 s at 3 Mbit/s
      ]),
    ).toMatchObject({
      bitrateSwitches: 1,
      averageBitrateKbps: 2000,
      droppedFrames: 4,
      outcome: 'completed',
    })
  })

  test('ad breaks count neither as content nor as rebuffering', () => {
    expect(
      run([
        open,
        { type: 'ad', at: 1500, playing: true },
        { type: 'playing', at: 2000 },
        { type: 'ad', at: 17_000, playing: false },
        { type: 'playing', at: 17_000 },
        { type: 'end', at: 27_000, outcome: 'stopped' },
      ]),
    ).toMatchObject({ startupMs: 16_000, playedSeconds: 10, rebufferSeconds: 0 })
  })

  test('errors with their codes; a critical one without an end is a failure; nothing before open', () => {
    const report = run([
      open,
      { type: 'error', at: 2000, code: 1001, severity: 'recoverable' },
      { type: 'error', at: 3000, code: 3016, severity: 'critical' },
    ])
    expect(report).toMatchObject({
      startupMs: null,
      averageBitrateKbps: null,
      errors: [
        { code: 1001, severity: 'recoverable' },
        { code: 3016, severity: 'critical' },
      ],
      outcome: 'failed',
    })
    expect(run([{ type: 'playing', at: 1 }])).toBeNull()
  })

  test('a new open starts a new viewing', () => {
    expect(
      run([
        open,
        { type: 'playing', at: 2000 },
        { type: 'open', at: 5000, itemId: 'la-treve', kind: 'vod' },
        { type: 'playing', at: 5200 },
      ]),
    ).toMatchObject({ itemId: 'la-treve', startupMs: 200, playedSeconds: 0 })
  })
})
