import { Analytics, INSTALL_ID_KEY, QUEUE_KEY, type Timers } from '../../../src/analytics/Analytics'
import { CollectorError, type AnalyticsCollector } from '../../../src/analytics/contract'
import { noCollector } from '../../../src/analytics/none'
import type { Batch } from '../../../src/analytics/schema'
import { ConsentStore } from '../../../src/consent/ConsentStore'
import { defaultAppConfig } from '../../../src/config/defaults'
import { memoryPlatform } from '../../harness/fakeContext'

/** Timers run by hand: `run()` fires what is due, in order. */
function manualTimers() {
  let now = 0
  let seq = 0
  const pending = new Map<number, { at: number; fn: () => void }>()
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(++seq, { at: now + ms, fn })
      return seq
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  }
  return {
    timers,
    pending: () => [...pending.values()].map((p) => p.at - now),
    async advance(ms: number) {
      now += ms
      for (const [id, timer] of [...pending.entries()].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) continue
        pending.delete(id)
        timer.fn()
        await new Promise((resolve) => setTimeout(resolve, 0))
      }
    },
  }
}

interface Sent {
  batch: Batch
  signal: AbortSignal
  answer(error?: Error): void
}

function fakeCollector() {
  const sent: Sent[] = []
  const collector: AnalyticsCollector = {
    name: 'fake',
    collects: true,
    send: (batch, signal) =>
      new Promise<void>((resolve, reject) => {
        const entry: Sent = {
          batch,
          signal,
          answer: (error) => (error ? reject(error) : resolve()),
        }
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
        sent.push(entry)
      }),
    dispose: () => undefined,
  }
  return { collector, sent }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function setup(
  options: { batchSize?: number; stored?: unknown; collector?: AnalyticsCollector } = {},
) {
  const platform = memoryPlatform()
  if (options.stored !== undefined) platform.stored.set(QUEUE_KEY, options.stored)
  const consent = new ConsentStore(platform.storage, () => 1000, '1')
  consent.useProfile('p')
  const fake = fakeCollector()
  const clock = manualTimers()
  let ids = 0
  const logs: string[] = []
  const make = () =>
    new Analytics({
      collector: options.collector ?? fake.collector,
      consent,
      settings: {
        ...defaultAppConfig().analytics,
        batchSize: options.batchSize ?? 3,
        flushSeconds: 30,
      },
      storage: platform.storage,
      wallClock: () => 1_764_676_800_000,
      app: { version: '1.0.0', platform: 'browser' },
      timers: clock.timers,
      random: () => 0.5,
      newId: () => `test-id-${String(++ids).padStart(8, '0')}`,
      log: (message) => logs.push(message),
    })
  return { platform, consent, fake, clock, make, logs }
}

const screen = (name: string) => ({ type: 'screen_view' as const, screen: name })

describe('Analytics', () => {
  test('nothing is recorded for a purpose without consent', () => {
    const { make, consent } = setup()
    const analytics = make()
    analytics.record(screen('home'))
    expect(analytics.pending).toHaveLength(0)
    consent.decide({ ads: false, audience: false, quality: true })
    analytics.record(screen('home'))
    expect(analytics.pending).toHaveLength(0)
    consent.decide({ ads: false, audience: true, quality: true })
    analytics.record(screen('home'))
    expect(analytics.pending).toMatchObject([
      { type: 'screen_view', purpose: 'audience', screen: 'home' },
    ])
  })

  test('a full batch goes at once; a partial one after flushSeconds', async () => {
    const { make, consent, fake, clock, platform } = setup()
    consent.acceptAll()
    const analytics = make()
    analytics.record(screen('home'))
    expect(clock.pending()).toEqual([30_000])
    analytics.record(screen('details'))
    analytics.record(screen('play'))
    await clock.advance(0)
    expect(fake.sent).toHaveLength(1)
    const batch = fake.sent[0]!.batch
    expect(batch).toMatchObject({
      schemaVersion: 1,
      installId: platform.stored.get(INSTALL_ID_KEY),
      app: { version: '1.0.0', platform: 'browser' },
    })
    expect(batch.events.map((e) => (e.type === 'screen_view' ? e.screen : ''))).toEqual([
      'home',
      'details',
      'play',
    ])
    fake.sent[0]!.answer()
    await settle()
    expect(analytics.pending).toHaveLength(0)
    expect(platform.stored.has(QUEUE_KEY)).toBe(false)
    analytics.record(screen('home'))
    await clock.advance(29_000)
    expect(fake.sent).toHaveLength(1)
    await clock.advance(1_000)
    expect(fake.sent).toHaveLength(2)
  })

  test('a failed send is retried with a growing delay; a refusal drops the batch', async () => {
    const { make, consent, fake, clock, logs } = setup({ batchSize: 1 })
    consent.acceptAll()
    const analytics = make()
    analytics.record(screen('home'))
    await clock.advance(0)
    fake.sent[0]!.answer(new CollectorError('collector answered 500', true, 500))
    await settle()
    expect(analytics.pending).toHaveLength(1)
    expect(clock.pending()).toEqual([900]) // 1 s, jitter 0.8 + 0.2 x 0.5
    await clock.advance(900)
    fake.sent[1]!.answer(new TypeError('Failed to fetch'))
    await settle()
    expect(clock.pending()).toEqual([1800])
    await clock.advance(1800)
    fake.sent[2]!.answer(new CollectorError('collector answered 400', false, 400))
    await settle()
    expect(analytics.pending).toHaveLength(0)
    expect(logs.some((line) => line.includes('refused'))).toBe(true)
  })

  test('the queue survives a reload, bounded; a corrupt stored queue is dropped, not sent', async () => {
    const { make, consent, platform, fake, clock, logs } = setup({ batchSize: 50 })
    consent.acceptAll()
    const first = make()
    for (let i = 0; i < 3; i++) first.record(screen('home'))
    first.dispose()
    const stored = platform.stored.get(QUEUE_KEY) as unknown[]
    expect(stored).toHaveLength(3)
    platform.stored.set(QUEUE_KEY, [...stored, { type: 'screen_view', screen: 'Bad Text' }, 'junk'])
    const second = make()
    expect(second.pending).toHaveLength(3)
    expect(logs.some((line) => line.includes('2 stored events unreadable'))).toBe(true)
    await clock.advance(30_000)
    expect(fake.sent[0]!.batch.events).toHaveLength(3)

    const broken = setup({ stored: 'not a queue' })
    expect(broken.make().pending).toHaveLength(0)
  })

  test('a withdrawal drops what was queued for it at once and stops a batch carrying it', async () => {
    const { make, consent, fake, clock, platform } = setup({ batchSize: 2 })
    consent.acceptAll()
    const analytics = make()
    analytics.record(screen('home'))
    analytics.record({
      type: 'search_no_result',
    })
    await clock.advance(0)
    expect(fake.sent).toHaveLength(1)
    consent.decide({ ads: true, audience: false, quality: true })
    expect(fake.sent[0]!.signal.aborted).toBe(true)
    await settle()
    expect(analytics.pending).toHaveLength(0)
    expect(platform.stored.has(QUEUE_KEY)).toBe(false)
    analytics.record(screen('home'))
    expect(analytics.pending).toHaveLength(0)
    await clock.advance(60_000)
    expect(fake.sent).toHaveLength(1)
  })

  test("the 'none' collector keeps nothing, and forgets a queue left by an earlier setting", () => {
    const { make, consent, platform } = setup({ collector: noCollector(), stored: [] })
    consent.acceptAll()
    const analytics = make()
    analytics.record(screen('home'))
    expect(analytics.pending).toHaveLength(0)
    expect(platform.stored.has(QUEUE_KEY)).toBe(false)
  })

  test('one install id, kept; a new session id per start; an invalid event is not recorded', () => {
    const { make, consent, logs } = setup()
    consent.acceptAll()
    const a = make()
    const b = make()
    expect(a.installId).toBe(b.installId)
    expect(a.sessionId).not.toBe(b.sessionId)
    a.record({ type: 'screen_view', screen: 'Free text?' })
    expect(a.pending).toHaveLength(0)
    expect(logs.some((line) => line.includes('screen_view not recorded'))).toBe(true)
  })
})
