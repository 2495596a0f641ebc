import type { z } from 'zod'
import type {
  CallOptions,
  EntitlementBackend,
  EntitlementFactory,
  Holdings,
  PassHolding,
  PurchaseOptions,
  Rental,
  RentRequest,
} from './contract'
import { deviceId } from './deviceId'
import { EntitlementError, EntitlementErrorCode } from './errors'
import { requestJson, type JsonAnswer } from './request'
import {
  entitlementsEnvelopeSchema,
  parseHoldings,
  passEnvelopeSchema,
  rentalEnvelopeSchema,
  toPass,
  toRental,
} from './wire'

/**
 * The HTTP backend: the JSON contract of docs/entitlements-api/ (README.md and
 * entitlements-api.schema.json). `appSettings.entitlements.url` is the API base; the app calls
 *
 *   GET  <url>/entitlements               the household's passes and rentals
 *   POST <url>/rentals                    rent  (Idempotency-Key)
 *   POST <url>/rentals/<rentalId>/start   first play: opens the window (idempotent)
 *   POST <url>/subscriptions              buy a pass  (Idempotency-Key)
 *
 * Every request carries X-Device-Id, by which the service knows the household.
 */
const NAME = 'http'
const DEFAULT_TIMEOUT_MS = 8000

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`)

function notContract(answer: JsonAnswer, error: z.ZodError): EntitlementError {
  const issue = error.issues[0]
  return new EntitlementError(
    EntitlementErrorCode.NOT_CONTRACT,
    `${answer.url} is not the entitlements contract (${issue?.path.join('.') || 'root'}: ${issue?.message})`,
    NAME,
    answer.status,
  )
}

export const httpEntitlements: EntitlementFactory = (host) => {
  const timeoutMs = host.settings.timeoutMs > 0 ? host.settings.timeoutMs : DEFAULT_TIMEOUT_MS
  // Read on first use, not at creation: a factory does no I/O.
  let device: string | undefined
  let badUrlSaid = false
  const endpoint = (path: string): string => {
    try {
      const service = withSlash(host.settings.url)
      return new URL(path, host.baseUrl ? new URL(service, host.baseUrl) : service).href
    } catch {
      const message = `appSettings.entitlements.url "${host.settings.url}" is not a URL`
      // Every call fails alike: the operator's log says it once, not on every purchase.
      if (!badUrlSaid) host.log(`entitlements[${NAME}]: ${message}`)
      badUrlSaid = true
      throw new EntitlementError(EntitlementErrorCode.BAD_URL, message, NAME)
    }
  }
  const call = (
    method: 'GET' | 'POST',
    path: string,
    signal: AbortSignal,
    extra: { body?: unknown; idempotencyKey?: string; repeatable?: boolean } = {},
  ): Promise<JsonAnswer> => {
    device ??= deviceId(host.storage)
    const headers: Record<string, string> = { 'X-Device-Id': device }
    if (extra.idempotencyKey) headers['Idempotency-Key'] = extra.idempotencyKey
    return requestJson(host.fetch, endpoint(path), {
      method,
      headers,
      signal,
      timeoutMs,
      backend: NAME,
      // A read is safe to repeat; a purchase is repeated by its caller, with its key.
      retryOnce: method === 'GET' || extra.repeatable === true,
      ...(extra.body !== undefined ? { body: extra.body } : {}),
    })
  }
  const rentalFrom = (answer: JsonAnswer): Rental => {
    const parsed = rentalEnvelopeSchema.safeParse(answer.body)
    if (!parsed.success) throw notContract(answer, parsed.error)
    return toRental(parsed.data.rental)
  }

  const backend: EntitlementBackend = {
    name: NAME,
    async holdings({ signal }: CallOptions): Promise<Holdings> {
      const answer = await call('GET', 'entitlements', signal)
      const envelope = entitlementsEnvelopeSchema.safeParse(answer.body)
      if (!envelope.success) throw notContract(answer, envelope.error)
      const { passes, rentals, skipped } = parseHoldings(envelope.data)
      for (const item of skipped) host.log(`entitlements[${NAME}]: skipped ${item}`)
      return { passes, rentals }
    },
    async rent(request: RentRequest, { idempotencyKey, signal }: PurchaseOptions): Promise<Rental> {
      const body = { titleId: request.titleId, offerId: request.offerId, price: request.price }
      return rentalFrom(await call('POST', 'rentals', signal, { body, idempotencyKey }))
    },
    async subscribe(
      passId: string,
      { idempotencyKey, signal }: PurchaseOptions,
    ): Promise<PassHolding> {
      const answer = await call('POST', 'subscriptions', signal, {
        body: { passId },
        idempotencyKey,
      })
      const parsed = passEnvelopeSchema.safeParse(answer.body)
      if (!parsed.success) throw notContract(answer, parsed.error)
      return toPass(parsed.data.pass)
    },
    async startRental(rentalId: string, { signal }: CallOptions): Promise<Rental> {
      // Starting twice opens nothing new (the server answers the same window), so it may be
      // retried like a read.
      const answer = await call('POST', `rentals/${encodeURIComponent(rentalId)}/start`, signal, {
        repeatable: true,
      })
      return rentalFrom(answer)
    },
    dispose() {},
  }
  return backend
}
