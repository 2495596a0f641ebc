import { daysOf, GuideCache } from '../../../src/app/guideCache'
import { wallZone } from '../../../src/i18n/wallZone'
import type { GuideSource } from '../../../src/guide/contract'
import { skipped } from '../../../src/guide/wire'
import { fakeChannels, fakeGuideSource, HOUR } from '../../harness/fakeGuide'

const NOON = new Date(2026, 11, 2, 12).getTime()

describe('GuideCache', () => {
  const channels = fakeChannels(3)
  const ids = channels.map((c) => c.id)

  it('asks the source once per day for every missing channel, then answers from memory', async () => {
    const source = fakeGuideSource(channels, NOON)
    const cache = new GuideCache(() => source)
    const signal = new AbortController().signal
    const first = await cache.guide(ids, NOON, NOON + 2 * HOUR, signal)
    expect(source.calls).toHaveLength(1)
    expect(source.calls[0]!.channelIds).toEqual(ids)
    expect(first.programmes.every((p) => p.end > NOON && p.start < NOON + 2 * HOUR)).toBe(true)
    expect(new Set(first.programmes.map((p) => p.channelId))).toEqual(new Set(ids))
    await cache.guide(ids.slice(0, 2), NOON + HOUR, NOON + 3 * HOUR, signal)
    expect(source.calls).toHaveLength(1)
    // Scrolling to the next day fetches that day only.
    await cache.guide(ids, NOON + 10 * HOUR, NOON + 14 * HOUR, signal)
    expect(source.calls).toHaveLength(2)
  })

  it('logs each programme the source could not use once, however often its day is asked', async () => {
    const problem = skipped(
      'xmltv',
      'ardenne-1@2026-12-02T13:30:00.000Z',
      'overlaps the programme before it',
    )
    const source: GuideSource = {
      name: 'fake',
      guide: () => Promise.resolve({ programmes: [], problems: [problem] }),
      dispose: () => undefined,
    }
    const lines: string[] = []
    const cache = new GuideCache(
      () => source,
      undefined,
      (line) => lines.push(line),
    )
    const signal = new AbortController().signal
    await cache.guide(ids, NOON, NOON + HOUR, signal)
    await cache.guide(ids, NOON + 24 * HOUR, NOON + 25 * HOUR, signal)
    expect(lines).toEqual([
      'guide: skipped ardenne-1@2026-12-02T13:30:00.000Z (overlaps the programme before it)',
    ])
  })

  it("tells its observer what each of the source's calls came to", async () => {
    const problem = skipped('xmltv', 'la1@20:00', 'ends before it starts')
    let fail = false
    const source: GuideSource = {
      name: 'fake',
      guide: () =>
        fail
          ? Promise.reject(new TypeError('Failed to fetch'))
          : Promise.resolve({ programmes: [], problems: [problem] }),
      dispose: () => undefined,
    }
    const outcomes: string[] = []
    const cache = new GuideCache(
      () => source,
      undefined,
      undefined,
      (outcome) =>
        outcomes.push(
          outcome.kind === 'loaded'
            ? `loaded, ${outcome.load.problems.length} skipped, ${outcome.fresh.length} new`
            : `failed: ${String(outcome.error)}`,
        ),
    )
    const signal = new AbortController().signal
    await cache.guide(ids, NOON, NOON + HOUR, signal)
    // The next day brings the same problem again: not a new one.
    await cache.guide(ids, NOON + 24 * HOUR, NOON + 25 * HOUR, signal)
    fail = true
    await expect(cache.guide(ids, NOON + 48 * HOUR, NOON + 49 * HOUR, signal)).rejects.toThrow()
    expect(outcomes).toEqual([
      'loaded, 1 skipped, 1 new',
      'loaded, 1 skipped, 0 new',
      'failed: TypeError: Failed to fetch',
    ])
  })

  it('sorts by channel then start, and lists a programme across midnight once', async () => {
    const midnight = new Date(2026, 11, 3).getTime()
    const source = fakeGuideSource(channels, midnight - HOUR, { minutes: () => 120 })
    const cache = new GuideCache(() => source)
    const load = await cache.guide(
      ids,
      midnight - HOUR,
      midnight + HOUR,
      new AbortController().signal,
    )
    expect(load.programmes.map((p) => [p.channelId, p.start])).toEqual(
      ids.map((id) => [id, midnight - HOUR]),
    )
  })

  it('shares a call in flight, and aborts it only when every caller has gone', async () => {
    let seen: AbortSignal | undefined
    const source: GuideSource = {
      name: 'slow',
      guide: (_ids, _from, _to, { signal }) => {
        seen = signal
        return new Promise(() => undefined)
      },
      dispose: () => undefined,
    }
    const cache = new GuideCache(() => source)
    const a = new AbortController()
    const b = new AbortController()
    const first = cache.guide(ids, NOON, NOON + HOUR, a.signal)
    const second = cache.guide(ids, NOON, NOON + HOUR, b.signal)
    a.abort()
    await expect(first).rejects.toMatchObject({ name: 'AbortError' })
    expect(seen?.aborted).toBe(false)
    b.abort()
    await expect(second).rejects.toMatchObject({ name: 'AbortError' })
    expect(seen?.aborted).toBe(true)
  })

  it('does not join a call that is being aborted: a later caller gets a call of its own', async () => {
    const source = fakeGuideSource(channels, NOON)
    const cache = new GuideCache(() => source)
    const gone = new AbortController()
    const first = cache.guide(ids, NOON, NOON + HOUR, gone.signal)
    gone.abort()
    const second = cache.guide(ids, NOON, NOON + HOUR, new AbortController().signal)
    await expect(first).rejects.toMatchObject({ name: 'AbortError' })
    expect((await second).programmes.length).toBeGreaterThan(0)
    expect(source.calls).toHaveLength(2)
  })

  it('keeps no failed day, so the next request tries again', async () => {
    let fail = true
    const good = fakeGuideSource(channels, NOON)
    const source: GuideSource = {
      ...good,
      guide: (...args) => (fail ? Promise.reject(new Error('HTTP 503')) : good.guide(...args)),
    }
    const cache = new GuideCache(() => source)
    const signal = new AbortController().signal
    await expect(cache.guide(ids, NOON, NOON + HOUR, signal)).rejects.toThrow('HTTP 503')
    fail = false
    expect((await cache.guide(ids, NOON, NOON + HOUR, signal)).programmes.length).toBeGreaterThan(0)
  })

  it('holds at most its limit of channel-days, dropping the oldest', async () => {
    const source = fakeGuideSource(channels, NOON)
    const cache = new GuideCache(() => source, 4)
    const signal = new AbortController().signal
    for (let day = 0; day < 5; day++)
      await cache.guide(ids, NOON + day * 24 * HOUR, NOON + day * 24 * HOUR + HOUR, signal)
    expect(cache.size).toBe(4)
  })

  it("keeps the household's days, Brussels midnight to midnight, whatever the box's zone", async () => {
    const evening = Date.parse('2026-12-02T19:00:00Z')
    const source = fakeGuideSource(channels, evening)
    const cache = new GuideCache(
      () => source,
      undefined,
      undefined,
      undefined,
      wallZone('brussels'),
    )
    await cache.guide(ids, evening, evening + 2 * HOUR, new AbortController().signal)
    expect(
      source.calls.map((call) => [call.from, call.to].map((t) => new Date(t).toISOString())),
    ).toEqual([['2026-12-01T23:00:00.000Z', '2026-12-02T23:00:00.000Z']])
    // The spring-forward day lasts 23 hours.
    expect(
      daysOf(
        wallZone('brussels'),
        Date.parse('2026-03-29T12:00:00Z'),
        Date.parse('2026-03-30T12:00:00Z'),
      ).map((day) => new Date(day).toISOString()),
    ).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'])
  })

  it('counts local days, not 24 h steps (a DST change has a 23 h day)', () => {
    const days = daysOf(
      wallZone('box'),
      new Date(2026, 2, 28, 12).getTime(),
      new Date(2026, 2, 30, 12).getTime(),
    )
    expect(days.map((d) => new Date(d).getDate())).toEqual([28, 29, 30])
    expect(days.every((d) => new Date(d).getHours() === 0)).toBe(true)
  })
})
