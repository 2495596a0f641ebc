import { isNewDeadEnd, noResultCounter, screenOf } from '../../../src/analytics/usage'
import { backoffMs, dropPurposes, enqueue } from '../../../src/analytics/queue'
import type { AnalyticsEvent } from '../../../src/analytics/schema'

describe('usage events', () => {
  test('a route becomes a screen name and the id it shows, never typed text', () => {
    expect(screenOf('')).toEqual({ screen: 'home' })
    expect(screenOf('details/rosetta')).toEqual({ screen: 'details', itemId: 'rosetta' })
    expect(screenOf('replay/ardenne-1/1764676800000')).toEqual({
      screen: 'replay',
      itemId: 'ardenne-1',
    })
    expect(screenOf('search/h%C3%A9ros')).toEqual({ screen: 'search' })
    expect(screenOf('settings/profiles/abc123')).toEqual({ screen: 'settings-profiles' })
    expect(screenOf('whatever I typed/x')).toEqual({ screen: 'not-found' })
    expect(screenOf('details/Not A Slug')).toEqual({ screen: 'details' })
    // A CMS's own keys are catalogue ids as written (catalogue schema CATALOGUE_ID).
    expect(screenOf('play/MOV_0042')).toEqual({ screen: 'play', itemId: 'MOV_0042' })
  })

  test('typing on past a search that found nothing counts once', () => {
    expect(isNewDeadEnd(null, 'xq')).toBe(true)
    expect(isNewDeadEnd('xq', 'xqz')).toBe(false)
    expect(isNewDeadEnd('xq', 'zz')).toBe(true)
    expect(isNewDeadEnd(null, '  ')).toBe(false)
  })

  test('the counter records no text, only that nothing was found', () => {
    const recorded: unknown[] = []
    const count = noResultCounter((event) => recorded.push(event))
    count('gea', 3)
    count('xq', 0)
    count('xqz', 0)
    count('Zorro', 0)
    expect(recorded).toEqual([{ type: 'search_no_result' }, { type: 'search_no_result' }])
  })
})

describe('the queue', () => {
  const event = (n: number, purpose: 'audience' | 'quality' = 'audience') =>
    ({ type: 'search_no_result', purpose, eventId: `event-${n}-0000`, at: n }) as AnalyticsEvent

  test('bounded: the oldest go first', () => {
    let queue: AnalyticsEvent[] = []
    for (let i = 0; i < 5; i++) queue = enqueue(queue, event(i), 3)
    expect(queue.map((e) => e.at)).toEqual([2, 3, 4])
  })

  test('a withdrawn purpose leaves the queue', () => {
    expect(dropPurposes([event(1), event(2, 'quality')], ['audience']).map((e) => e.at)).toEqual([
      2,
    ])
  })

  test('backoff doubles up to five minutes, with jitter', () => {
    expect([1, 2, 3, 20].map((n) => backoffMs(n, () => 1))).toEqual([1000, 2000, 4000, 300_000])
    expect(backoffMs(1, () => 0)).toBe(800)
  })
})
