import * as z from 'zod'
import { priceSchema } from '../catalogue/schema'
import type {
  BoxStorage,
  CallOptions,
  EntitlementBackend,
  EntitlementFactory,
  Holdings,
  PassHolding,
  PurchaseOptions,
  Rental,
  RentRequest,
} from './contract'
import { randomId } from './deviceId'
import { EntitlementError, EntitlementErrorCode } from './errors'

/**
 * The embedded backend: the household's rights kept on the box itself, for demos and operators
 * without a rights service. Payment always succeeds; what matters is that it behaves like a real
 * service towards the app: idempotency keys are remembered (the same key never charges twice),
 * windows open at the first play, lapsed rentals cannot be started.
 */
export interface EmbeddedOptions {
  storage: BoxStorage
  wallClock(): number
  /** Passes the demo household holds, open-ended. */
  grantPass?: readonly string[]
  /** Rental ids; injectable so tests are deterministic. */
  newId?: () => string
}

/** Passes the default demo household holds, so pass titles play in the demo. */
export const DEMO_PASSES: readonly string[] = ['movies-series']

const NAME = 'embedded'
const KEY = 'entitlements-embedded'
const HOUR = 3_600_000
const DAY = 24 * HOUR
/** As most VOD stores: a rental not played within 30 days lapses. */
export const START_WINDOW_MS = 30 * DAY
/** Rentals over this long ago are forgotten, so storage does not grow for ever. */
const FORGET_AFTER_MS = 90 * DAY
/** Remembered idempotency keys; a retry comes minutes later, not after a hundred purchases. */
const MAX_RECEIPTS = 100

const time = z.lazy(() => z.number().finite())
const storedRental = z.lazy(() =>
  z.object({
    rentalId: z.string().min(1),
    titleId: z.string().min(1),
    offerId: z.string().min(1),
    price: priceSchema,
    windowHours: z.number().positive(),
    rentedAt: time,
    startBy: time,
    startedAt: time.nullable(),
    expiresAt: time.nullable(),
  }),
)
const storedPass = z.lazy(() =>
  z.object({ passId: z.string().min(1), activeUntil: time.nullable() }),
)
const storedReceipt = z.lazy(() =>
  z.object({
    key: z.string().min(1),
    fingerprint: z.string(),
    kind: z.enum(['rental', 'pass']),
    id: z.string(),
  }),
)
type Receipt = z.infer<typeof storedReceipt>

interface State {
  passes: PassHolding[]
  rentals: Rental[]
  receipts: Receipt[]
}

/** Reads what is stored item by item: one damaged entry must not lose the household's others. */
function load(raw: unknown): State {
  const object = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const valid = <T>(list: unknown, schema: z.ZodType<T>): T[] =>
    (Array.isArray(list) ? list : []).flatMap((item) => {
      const parsed = schema.safeParse(item)
      return parsed.success ? [parsed.data] : []
    })
  return {
    passes: valid(object.passes, storedPass),
    rentals: valid(object.rentals, storedRental),
    receipts: valid(object.receipts, storedReceipt),
  }
}

export function createEmbeddedEntitlements(options: EmbeddedOptions): EntitlementBackend {
  const { storage } = options
  const wallClock = () => options.wallClock()
  const granted = [...(options.grantPass ?? DEMO_PASSES)]
  const newId = options.newId ?? (() => `r-${randomId()}`)

  const read = (): State => load(storage.get(KEY))
  const write = (state: State) => {
    const now = wallClock()
    storage.set(KEY, {
      version: 1,
      passes: state.passes,
      rentals: state.rentals.filter((r) => (r.expiresAt ?? r.startBy) > now - FORGET_AFTER_MS),
      receipts: state.receipts.slice(-MAX_RECEIPTS),
    })
  }
  const fail = (
    code: (typeof EntitlementErrorCode)[keyof typeof EntitlementErrorCode],
    message: string,
  ) => new EntitlementError(code, message, NAME)
  // Every call runs to completion synchronously once started, so an abort can only come before.
  const checkAborted = (signal: AbortSignal) => {
    if (signal.aborted) throw fail(EntitlementErrorCode.ABORTED, 'aborted')
  }
  const heldPass = (state: State, passId: string, now: number): PassHolding | undefined => {
    if (granted.includes(passId)) return { passId, activeUntil: null }
    return state.passes.find(
      (p) => p.passId === passId && (p.activeUntil === null || p.activeUntil > now),
    )
  }
  /** The answer already given for `key`, or undefined for a new key. */
  const replay = (state: State, key: string, fingerprint: string): Receipt | undefined => {
    const receipt = state.receipts.find((r) => r.key === key)
    if (receipt && receipt.fingerprint !== fingerprint) {
      throw fail(
        EntitlementErrorCode.KEY_REUSED,
        `idempotency key ${key} was used for another request`,
      )
    }
    return receipt
  }

  return {
    name: NAME,
    async holdings({ signal }: CallOptions): Promise<Holdings> {
      checkAborted(signal)
      const state = read()
      const bought = state.passes.filter((p) => !granted.includes(p.passId))
      return {
        passes: [...granted.map((passId) => ({ passId, activeUntil: null })), ...bought],
        rentals: state.rentals,
      }
    },
    async rent(request: RentRequest, { idempotencyKey, signal }: PurchaseOptions): Promise<Rental> {
      checkAborted(signal)
      if (!priceSchema.safeParse(request.price).success || !(request.windowHours > 0)) {
        throw fail(
          EntitlementErrorCode.INVALID_REQUEST,
          `not a rental offer: ${JSON.stringify(request)}`,
        )
      }
      const state = read()
      const fingerprint = JSON.stringify(['rent', request.titleId, request.offerId, request.price])
      const receipt = replay(state, idempotencyKey, fingerprint)
      const earlier = receipt && state.rentals.find((r) => r.rentalId === receipt.id)
      if (earlier) return earlier
      const now = wallClock()
      const rental: Rental = {
        rentalId: newId(),
        titleId: request.titleId,
        offerId: request.offerId,
        price: { ...request.price },
        windowHours: request.windowHours,
        rentedAt: now,
        startBy: now + START_WINDOW_MS,
        startedAt: null,
        expiresAt: null,
      }
      state.rentals.push(rental)
      state.receipts.push({ key: idempotencyKey, fingerprint, kind: 'rental', id: rental.rentalId })
      write(state)
      return rental
    },
    async subscribe(
      passId: string,
      { idempotencyKey, signal }: PurchaseOptions,
    ): Promise<PassHolding> {
      checkAborted(signal)
      const state = read()
      const now = wallClock()
      replay(state, idempotencyKey, JSON.stringify(['subscribe', passId]))
      const held = heldPass(state, passId, now)
      if (held) return held
      const pass: PassHolding = { passId, activeUntil: null }
      state.passes = [...state.passes.filter((p) => p.passId !== passId), pass]
      state.receipts.push({
        key: idempotencyKey,
        fingerprint: JSON.stringify(['subscribe', passId]),
        kind: 'pass',
        id: passId,
      })
      write(state)
      return pass
    },
    async startRental(rentalId: string, { signal }: CallOptions): Promise<Rental> {
      checkAborted(signal)
      const state = read()
      const rental = state.rentals.find((r) => r.rentalId === rentalId)
      if (!rental) throw fail(EntitlementErrorCode.UNKNOWN_RENTAL, `no rental ${rentalId}`)
      if (rental.startedAt !== null) return rental
      const now = wallClock()
      if (rental.startBy <= now) {
        throw fail(EntitlementErrorCode.START_EXPIRED, `rental ${rentalId} was not started in time`)
      }
      rental.startedAt = now
      rental.expiresAt = now + rental.windowHours * HOUR
      write(state)
      return rental
    },
    dispose() {},
  }
}

export const embeddedEntitlements: EntitlementFactory = (host) =>
  createEmbeddedEntitlements({
    storage: host.storage,
    wallClock: () => host.wallClock(),
    grantPass: host.settings.demoPasses,
  })
