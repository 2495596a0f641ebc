import { DEMO_LIVE_CHANNELS, zap } from '../../../src/player/liveChannels'

describe('zap', () => {
  test('channel up and down wrap around the list', () => {
    expect(zap(DEMO_LIVE_CHANNELS, 'live-1', 1)?.id).toBe('live-2')
    expect(zap(DEMO_LIVE_CHANNELS, 'live-2', 1)?.id).toBe('live-1')
    expect(zap(DEMO_LIVE_CHANNELS, 'live-1', -1)?.id).toBe('live-2')
  })

  test('an unknown channel zaps from the first; an empty list gives nothing', () => {
    expect(zap(DEMO_LIVE_CHANNELS, 'nope', 1)?.id).toBe('live-2')
    expect(zap([], 'live-1', 1)).toBeUndefined()
  })
})
