import * as z from 'zod'
import { priceSchema } from '../catalogue/schema'
import type { PassHolding, Rental } from './contract'
import { fromBrussels } from '../guide/zone'

/**
 * The HTTP contract's documents (docs/entitlements-api/), as the app validates them. Times travel
 * as ISO 8601 strings with an offset ("2025-12-03T20:40:00Z") and become wall-clock ms here; one
 * written without (Brussels time) is read too.
 * Unknown fields are ignored, so a server may add some without breaking older boxes.
 */

/** A time written without its offset, as a Belgian service writes its own local time. */
const ZONELESS = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/

/**
 * An instant. One without an offset is Brussels time (summer or winter): a pass or a rental read
 * as UTC would end an hour or two off, and refused, the household would lose what it paid for.
 */
const instant = z.lazy(() =>
  z.union([
    z.iso.datetime({ offset: true }).transform((value) => Date.parse(value)),
    z
      .string()
      .regex(ZONELESS)
      .transform((value) => {
        const [, y, mo, d, h, mi, sec] = ZONELESS.exec(value)!.map(Number) as number[]
        return fromBrussels(y!, mo!, d!, h!, mi!, sec || 0)
      }),
  ]),
)
const id = z.lazy(() => z.string().min(1).max(200))
/** A number, or one written as text ("48", "5.99") as many back-ends serialise decimals. */
const numeric = z.lazy(() =>
  z.union([
    z.number(),
    z
      .string()
      .regex(/^\s*\d+(?:\.\d+)?\s*$/)
      .transform(Number),
  ]),
)

/**
 * What a rental was paid, as the service tells it back. Informational here (the offer's price is
 * the catalogue's): fields of the service's own (VAT, a label) are dropped rather than the
 * rental, which would show the household "Louer" for a title it has paid for.
 */
const paidPrice = z.lazy(() =>
  z.object({ amount: numeric.pipe(z.number().nonnegative()), currency: z.literal('EUR') }),
)

/** Null, or left out as servers often do for "none": both read as null. */
const instantOrNone = z.lazy(() => instant.nullish().transform((value) => value ?? null))

export const passWireSchema = z.lazy(() =>
  z.object({
    passId: id,
    /** Null or absent: open-ended (a renewing subscription). */
    activeUntil: instantOrNone,
  }),
)

export const rentalWireSchema = z.lazy(() =>
  z
    .object({
      rentalId: id,
      titleId: id,
      /** 'rental' (the title's rental offer). */
      offerId: id,
      price: paidPrice,
      windowHours: numeric.pipe(
        z
          .number()
          .int()
          .positive()
          .max(24 * 30),
      ),
      rentedAt: instant,
      /** The latest first play. */
      startBy: instant,
      /** The first play; null (or absent) while not started. */
      startedAt: instantOrNone,
      /** startedAt + windowHours; null (or absent) while not started. */
      expiresAt: instantOrNone,
    })
    .refine(
      (rental) => (rental.startedAt === null) === (rental.expiresAt === null),
      'startedAt and expiresAt are both set or both null',
    ),
)

/**
 * GET /entitlements. Items are checked one by one (see parseHoldings). A list left out or null is
 * empty, as servers write "none"; a document with neither is not an answer.
 */
const holdingList = z.lazy(() =>
  z
    .array(z.unknown())
    .nullish()
    .transform((list) => list ?? []),
)
export const entitlementsEnvelopeSchema = z.lazy(() =>
  z.union([
    z.object({ passes: z.array(z.unknown()), rentals: holdingList }),
    z.object({ passes: holdingList, rentals: z.array(z.unknown()) }),
  ]),
)

export const rentalEnvelopeSchema = z.lazy(() => z.object({ rental: rentalWireSchema }))
export const passEnvelopeSchema = z.lazy(() => z.object({ pass: passWireSchema }))

/** POST /rentals body. */
export const rentRequestWireSchema = z.lazy(() =>
  z.object({ titleId: id, offerId: id, price: priceSchema }),
)
/** POST /subscriptions body. */
export const subscribeRequestWireSchema = z.lazy(() => z.object({ passId: id }))

/** Every non-2xx answer. `code` tells refusals apart (README: error codes). */
export const errorWireSchema = z.lazy(() =>
  z.object({
    error: z.object({ code: z.string().min(1), message: z.string() }),
  }),
)

export const toRental = (wire: z.output<typeof rentalWireSchema>): Rental => ({ ...wire })
export const toPass = (wire: z.output<typeof passWireSchema>): PassHolding => ({ ...wire })

/**
 * A holdings document: the envelope strictly, the items one by one. A pass or rental the app
 * cannot read is left out and reported, so one bad entry does not hide the household's others.
 */
export function parseHoldings(items: z.output<typeof entitlementsEnvelopeSchema>): {
  passes: PassHolding[]
  rentals: Rental[]
  skipped: string[]
} {
  const skipped: string[] = []
  const each = <T>(list: unknown[], schema: z.ZodType<T>, what: string): T[] =>
    list.flatMap((item, index) => {
      const parsed = schema.safeParse(item)
      if (parsed.success) return [parsed.data]
      const issue = parsed.error.issues[0]
      skipped.push(`${what} #${index} (${issue?.path.join('.') || 'root'}: ${issue?.message})`)
      return []
    })
  return {
    passes: each(items.passes, passWireSchema, 'pass').map(toPass),
    rentals: each(items.rentals, rentalWireSchema, 'rental').map(toRental),
    skipped,
  }
}
