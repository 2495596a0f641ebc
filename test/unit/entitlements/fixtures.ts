/** Small builders shared by the entitlement tests. */
import type { Offer } from '../../../src/catalogue/schema'
import type { BoxStorage, Rental, RentalOffer } from '../../../src/entitlements/contract'

export const HOUR = 3_600_000
export const DAY = 24 * HOUR
/** Wednesday 3 December 2025, 12:00 in the test machine's time zone. */
export const NOW = new Date(2025, 11, 3, 12, 0).getTime()

export const rentalOffer: RentalOffer = {
  type: 'rental',
  price: { amount: 5.99, currency: 'EUR' },
  windowHours: 48,
}

export function titleWith(...offers: Offer[]): { id: string; offers: Offer[] } {
  return { id: 'rosetta', offers }
}

export function rental(fields: Partial<Rental> = {}): Rental {
  return {
    rentalId: 'r-1',
    titleId: 'rosetta',
    offerId: 'rental',
    price: { amount: 5.99, currency: 'EUR' },
    windowHours: 48,
    rentedAt: NOW - DAY,
    startBy: NOW + 29 * DAY,
    startedAt: null,
    expiresAt: null,
    ...fields,
  }
}

/** A started rental whose window ends at `expiresAt`. */
export const startedRental = (expiresAt: number, fields: Partial<Rental> = {}): Rental =>
  rental({ startedAt: expiresAt - 48 * HOUR, expiresAt, ...fields })

/** Platform storage over a Map, with the raw map for assertions; values copied as JSON would be. */
export function memoryStorage(): BoxStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>()
  return {
    data,
    get: (key) => (data.has(key) ? JSON.parse(JSON.stringify(data.get(key))) : undefined),
    set: (key, value) => void data.set(key, JSON.parse(JSON.stringify(value))),
    remove: (key) => void data.delete(key),
  }
}
