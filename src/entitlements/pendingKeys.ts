import type { BoxStorage } from './contract'

/**
 * Idempotency keys of purchases whose outcome is not known yet, kept in storage: a retry after a
 * timeout, an outage or a reload of the app sends the key of the first attempt, so the service
 * charges once. A key leaves when the outcome is known (success, or a final refusal), or when the
 * household's holdings show the purchase went through (settle).
 */
export interface PendingKey {
  key: string
  /** Wall-clock ms of the first attempt. */
  createdAt: number
}

const KEY = 'entitlements-pending-keys'

export const rentalPurchase = (titleId: string, offerId: string): string =>
  `rent:${titleId}:${offerId}`
export const passPurchase = (passId: string): string => `pass:${passId}`

export class PendingKeys {
  constructor(
    private readonly storage: BoxStorage,
    private readonly wallClock: () => number,
    private readonly newKey: () => string,
  ) {}

  /** The key of `purchase`: the pending one, or a new one that is stored before it is used. */
  take(purchase: string): string {
    const all = this.all()
    const pending = all[purchase]
    if (pending) return pending.key
    const key = this.newKey()
    this.storage.set(KEY, { ...all, [purchase]: { key, createdAt: this.wallClock() } })
    return key
  }

  get(purchase: string): PendingKey | undefined {
    return this.all()[purchase]
  }

  drop(purchase: string): void {
    const all = this.all()
    if (!(purchase in all)) return
    delete all[purchase]
    if (Object.keys(all).length) this.storage.set(KEY, all)
    else this.storage.remove(KEY)
  }

  all(): Record<string, PendingKey> {
    const raw = this.storage.get(KEY)
    if (typeof raw !== 'object' || raw === null) return {}
    const valid: Record<string, PendingKey> = {}
    for (const [purchase, value] of Object.entries(raw as Record<string, unknown>)) {
      const entry = value as Partial<PendingKey> | null
      if (entry && typeof entry.key === 'string' && typeof entry.createdAt === 'number') {
        valid[purchase] = { key: entry.key, createdAt: entry.createdAt }
      }
    }
    return valid
  }
}
