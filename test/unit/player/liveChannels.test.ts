import { zap } from '../../../src/player/liveChannels'

const CHANNELS = [{ id: 'la-une' }, { id: 'tipik' }, { id: 'la-trois' }]

describe('zap', () => {
  test('channel up and down follow the list and wrap around it', () => {
    expect(zap(CHANNELS, 'la-une', 1)?.id).toBe('tipik')
    expect(zap(CHANNELS, 'la-trois', 1)?.id).toBe('la-une')
    expect(zap(CHANNELS, 'la-une', -1)?.id).toBe('la-trois')
    expect(zap(CHANNELS, 'tipik', -1)?.id).toBe('la-une')
  })

  test('an unknown channel zaps from the first; an empty list gives nothing', () => {
    expect(zap(CHANNELS, 'nope', 1)?.id).toBe('tipik')
    expect(zap([], 'la-une', 1)).toBeUndefined()
  })
})
