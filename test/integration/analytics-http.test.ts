/**
 * The analytics service with the http collector against the reference collector
 * (scripts/lib/analytics-collector.mjs) on 127.0.0.1, with Node's fetch: what arrives is checked
 * against the app's own schema, and against the consent given.
 */
import { Analytics } from '../../src/analytics/Analytics'
import { httpCollector } from '../../src/analytics/http'
import { batchSchema } from '../../src/analytics/schema'
import { ConsentStore } from '../../src/consent/ConsentStore'
import { defaultAppConfig } from '../../src/config/defaults'
import {
  startAnalyticsCollectorProcess,
  type AnalyticsCollectorProcess,
} from './support/analyticsCollector'

let collector: AnalyticsCollectorProcess

beforeAll(async () => {
  collector = await startAnalyticsCollectorProcess()
})
afterAll(() => collector.stop())
beforeEach(() => collector.reset())
/** Services made by a test, disposed even when it fails (their timers would keep jest running). */
const started: Analytics[] = []
afterEach(() => started.splice(0).forEach((analytics) => analytics.dispose()))

/** One box: its storage outlives the services made on it (a reload). */
function box() {
  const data = new Map<string, unknown>()
  const storage = {
    get: (key: string) => data.get(key) ?? null,
    set: (key: string, value: unknown) => void data.set(key, value),
    remove: (key: string) => void data.delete(key),
  }
  const consent = new ConsentStore(storage, () => Date.now(), '1')
  consent.useProfile('p1')
  const logs: string[] = []
  const settings = {
    ...defaultAppConfig().analytics,
    collector: 'http',
    url: collector.url,
    batchSize: 10,
    flushSeconds: 3600,
  }
  const start = () => {
    const analytics = new Analytics({
      collector: httpCollector({ settings, fetch, log: (m) => logs.push(m) }),
      consent,
      settings,
      storage,
      wallClock: () => Date.now(),
      app: { version: '1.2.3', platform: 'browser' },
      log: (m) => logs.push(m),
    })
    started.push(analytics)
    return analytics
  }
  return { storage, consent, start, logs, data }
}

const quality = {
  type: 'playback_quality' as const,
  itemId: 'rosetta',
  kind: 'vod' as const,
  startupMs: 850,
  playedSeconds: 61.5,
  rebufferSeconds: 1.2,
  rebufferCount: 1,
  rebufferRatio: 0.0191,
  bitrateSwitches: 2,
  averageBitrateKbps: 1800,
  droppedFrames: 3,
  errors: [{ code: 1001, severity: 'recoverable' as const }],
  outcome: 'stopped' as const,
}

describe('analytics to an HTTP collector', () => {
  test('with consent, usage and quality events arrive as valid batches with pseudonymous ids', async () => {
    const { consent, start } = box()
    consent.acceptAll()
    const analytics = start()
    analytics.record({ type: 'screen_view', screen: 'home' })
    analytics.record({ type: 'title_started', itemId: 'rosetta', kind: 'vod' })
    analytics.record({ type: 'search_no_result' })
    analytics.record(quality)
    await analytics.flush()
    const received = await collector.received()
    expect(received.batches).toHaveLength(1)
    const batch = batchSchema.parse(received.batches[0])
    expect(batch.installId).toBe(analytics.installId)
    expect(batch.app).toEqual({ version: '1.2.3', platform: 'browser' })
    expect(batch.events.map((e) => `${e.type}:${e.purpose}`)).toEqual([
      'screen_view:audience',
      'title_started:audience',
      'search_no_result:audience',
      'playback_quality:quality',
    ])
    expect(batch.events[3]).toMatchObject(quality)
    expect(analytics.pending).toHaveLength(0)
    analytics.dispose()
  })

  test('nothing reaches the collector without consent, or for a purpose refused', async () => {
    const { consent, start } = box()
    const analytics = start()
    analytics.record({ type: 'screen_view', screen: 'home' })
    consent.decide({ ads: true, audience: false, quality: true })
    analytics.record({ type: 'screen_view', screen: 'home' })
    analytics.record(quality)
    await analytics.flush()
    const received = await collector.received()
    expect(received.events.map((e) => e.type)).toEqual(['playback_quality'])
    analytics.dispose()
  })

  test('a 500 keeps the batch for a retry that arrives once; a 400 drops it', async () => {
    const { consent, start, logs } = box()
    consent.acceptAll()
    const analytics = start()
    await collector.setFault({ mode: 'error', count: 1 })
    analytics.record({ type: 'screen_view', screen: 'home' })
    await analytics.flush()
    expect(analytics.pending).toHaveLength(1)
    await analytics.flush()
    let received = await collector.received()
    expect(received.events).toHaveLength(1)
    expect(received.duplicates).toBe(0)

    await collector.setFault({ mode: 'reject', count: 1 })
    analytics.record({ type: 'screen_view', screen: 'guide' })
    await analytics.flush()
    expect(analytics.pending).toHaveLength(0)
    expect(logs.some((line) => line.includes('refused'))).toBe(true)
    received = await collector.received()
    expect(received.events).toHaveLength(1)
    const statuses = (await collector.requests()).map((r) => r.status)
    expect(statuses).toEqual([500, 204, 400])
    analytics.dispose()
  })

  test('a queue left by a reload is sent by the next start; a withdrawal drops it unsent', async () => {
    const { consent, start } = box()
    consent.acceptAll()
    const first = start()
    first.record({ type: 'screen_view', screen: 'home' })
    first.record(quality)
    first.dispose()
    const second = start()
    expect(second.pending).toHaveLength(2)
    consent.decide({ ads: true, audience: false, quality: false })
    expect(second.pending).toHaveLength(0)
    await second.flush()
    expect((await collector.received()).events).toHaveLength(0)
    second.dispose()
  })
})
