import type { Subscription } from 'rxjs'
import type { ConsentStore } from '../consent/ConsentStore'
import type { Purpose } from '../consent/model'
import type { AppConfig } from '../config/defaults'
import { randomId } from '../entitlements/deviceId'
import type { Platform } from '../platform/platform'
import { CollectorError, type AnalyticsCollector } from './contract'
import { backoffMs, dropPurposes, enqueue, parseStoredQueue, withoutSent } from './queue'
import {
  PURPOSE_OF,
  analyticsEventSchema,
  type AnalyticsEvent,
  type Batch,
  type EventInput,
} from './schema'

export const QUEUE_KEY = 'analytics-queue'
export const INSTALL_ID_KEY = 'analytics-install-id'
const VALID_ID = /^[A-Za-z0-9-]{16,64}$/

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface AnalyticsOptions {
  collector: AnalyticsCollector
  consent: ConsentStore
  settings: AppConfig['analytics']
  storage: Platform['storage']
  wallClock: () => number
  app: Batch['app']
  log?: (message: string) => void
  timers?: Timers
  random?: () => number
  /** Ids for events, installs and sessions; default random UUIDs. */
  newId?: () => string
}

/**
 * Records usage and playback-quality events for the operator's collector, only for purposes the
 * profile watching consented to, and sends them in batches: at once when a batch is full, else
 * after flushSeconds. A failed send is retried with a growing delay; the queue is bounded and kept
 * in storage, so a reload loses nothing. A withdrawal drops what was queued for that purpose at
 * once, stopping a batch on its way that carries any.
 */
export class Analytics {
  private queue: AnalyticsEvent[] = []
  private timer: unknown = null
  private failures = 0
  private sending: { events: AnalyticsEvent[]; controller: AbortController } | null = null
  private readonly subscription: Subscription
  private readonly timers: Timers
  private readonly log: (message: string) => void
  private readonly newId: () => string
  private disposed = false
  readonly installId: string
  readonly sessionId: string

  constructor(private readonly options: AnalyticsOptions) {
    this.timers = options.timers ?? browserTimers
    this.log = options.log ?? ((message) => console.warn(message))
    this.newId = options.newId ?? (() => randomId())
    this.installId = this.storedInstallId()
    this.sessionId = this.newId()
    this.subscription = options.consent.withdrawn$.subscribe((purposes) => this.withdraw(purposes))
    if (!options.collector.collects) {
      // Nothing is sent: nothing is kept either (an operator who turned the collector off).
      options.storage.remove(QUEUE_KEY)
      return
    }
    const stored = parseStoredQueue(options.storage.get(QUEUE_KEY))
    if (stored.dropped) this.log(`analytics: ${stored.dropped} stored events unreadable, dropped`)
    this.queue = stored.events
    if (stored.dropped) this.persist()
    if (this.queue.length) this.schedule()
  }

  /** Events waiting (oldest first), for tests and the operator's diagnostics. */
  get pending(): readonly AnalyticsEvent[] {
    return this.queue
  }

  /** Records one event if its purpose is consented to; never throws. */
  record(input: EventInput): void {
    if (this.disposed || !this.options.collector.collects) return
    const purpose = PURPOSE_OF[input.type]
    if (!this.options.consent.granted(purpose)) return
    const parsed = analyticsEventSchema.safeParse({
      ...input,
      eventId: this.newId(),
      at: Math.round(this.options.wallClock()),
      purpose,
    })
    if (!parsed.success) {
      this.log(`analytics: ${input.type} not recorded (${parsed.error.issues[0]?.message ?? ''})`)
      return
    }
    this.queue = enqueue(this.queue, parsed.data)
    this.persist()
    if (this.queue.length >= this.options.settings.batchSize) this.schedule(0)
    else this.schedule()
  }

  /** Sends the next batch now (also what the timer does). Resolves when that attempt ends. */
  async flush(): Promise<void> {
    this.cancelTimer()
    if (this.disposed || this.sending || !this.queue.length) return
    const events = this.queue.slice(0, this.options.settings.batchSize)
    const controller = new AbortController()
    this.sending = { events, controller }
    const batch: Batch = {
      schemaVersion: 1,
      installId: this.installId,
      sessionId: this.sessionId,
      sentAt: Math.round(this.options.wallClock()),
      app: this.options.app,
      events,
    }
    try {
      await this.options.collector.send(batch, controller.signal)
      this.failures = 0
      this.queue = withoutSent(this.queue, events)
      this.persist()
    } catch (error) {
      if (controller.signal.aborted) {
        // A withdrawal stopped it: what was withdrawn is gone already, the rest goes soon.
      } else if (error instanceof CollectorError && !error.retryable) {
        this.log(`analytics: batch of ${events.length} refused (${error.message}), dropped`)
        this.queue = withoutSent(this.queue, events)
        this.persist()
      } else {
        this.failures++
        this.log(`analytics: send failed (${String(error)}), attempt ${this.failures}`)
      }
    } finally {
      this.sending = null
    }
    if (this.disposed || !this.queue.length) return
    if (this.failures) this.schedule(backoffMs(this.failures, this.options.random))
    else if (this.queue.length >= this.options.settings.batchSize) this.schedule(0)
    else this.schedule()
  }

  dispose(): void {
    this.disposed = true
    this.cancelTimer()
    this.sending?.controller.abort()
    this.subscription.unsubscribe()
    this.options.collector.dispose()
  }

  private withdraw(purposes: Purpose[]): void {
    const before = this.queue.length
    this.queue = dropPurposes(this.queue, purposes)
    if (this.queue.length !== before) this.persist()
    if (this.sending?.events.some((event) => purposes.includes(event.purpose))) {
      this.sending.controller.abort()
    }
    if (!this.queue.length) this.cancelTimer()
  }

  /** Sends after `ms` (default: flushSeconds); a pending earlier send is kept. */
  private schedule(ms = this.options.settings.flushSeconds * 1000): void {
    if (this.disposed || this.sending) return
    if (this.timer !== null) {
      if (ms > 0) return
      this.cancelTimer()
    }
    this.timer = this.timers.setTimeout(() => {
      this.timer = null
      void this.flush()
    }, ms)
  }

  private cancelTimer(): void {
    if (this.timer === null) return
    this.timers.clearTimeout(this.timer)
    this.timer = null
  }

  private persist(): void {
    if (this.queue.length) this.options.storage.set(QUEUE_KEY, this.queue)
    else this.options.storage.remove(QUEUE_KEY)
  }

  private storedInstallId(): string {
    const stored = this.options.storage.get(INSTALL_ID_KEY)
    if (typeof stored === 'string' && VALID_ID.test(stored)) return stored
    const id = this.newId()
    this.options.storage.set(INSTALL_ID_KEY, id)
    return id
  }
}
