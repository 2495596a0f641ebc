import { loadingLabel, SLOW_START_MS } from '../../../src/player/loadingLabel'
import { fakeTranslate } from '../../harness/fakeContext'

describe("the player's state line", () => {
  const opened = { status: 'loading' as const, openedAt: 1000, stallTimeoutMs: 20_000 }

  test('loading, then, past the slow-start time, the server (or the channel) is slow', () => {
    expect(loadingLabel(opened, 1000 + SLOW_START_MS - 1, false, fakeTranslate)).toBe(
      'player.loading',
    )
    expect(loadingLabel(opened, 1000 + SLOW_START_MS, false, fakeTranslate)).toBe(
      'player.slowStart',
    )
    expect(loadingLabel(opened, 1000 + SLOW_START_MS, true, fakeTranslate)).toBe(
      'player.slowChannel',
    )
  })

  test('with a short stall timeout, slow at half of it, before the error comes', () => {
    expect(loadingLabel({ ...opened, stallTimeoutMs: 4000 }, 3000, false, fakeTranslate)).toBe(
      'player.slowStart',
    )
  })

  test('buffering is loading whatever its length; paused says so; playing says nothing', () => {
    const later = 1000 + 10 * SLOW_START_MS
    expect(loadingLabel({ ...opened, status: 'buffering' }, later, false, fakeTranslate)).toBe(
      'player.loading',
    )
    expect(loadingLabel({ ...opened, status: 'paused' }, later, false, fakeTranslate)).toBe(
      'player.paused',
    )
    expect(loadingLabel({ ...opened, status: 'playing' }, later, true, fakeTranslate)).toBe('')
  })
})
