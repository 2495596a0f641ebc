import { DeviceAuthError, DeviceAuthErrorCode } from '../device/contract'
import { EntitlementError, EntitlementErrorCode, type EntitlementErrorCodeValue } from './errors'
import { errorWireSchema } from './wire'

/**
 * One HTTP exchange with the entitlement service: a timeout per attempt (an AbortController that
 * also follows the caller's signal), JSON in and out, and every failure as an EntitlementError.
 * Only requests marked `retryOnce` (reads) are tried a second time: a purchase is never repeated
 * here, because only the caller can vouch that a repeat carries the same idempotency key.
 */
export interface RequestOptions {
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body?: unknown
  signal: AbortSignal
  timeoutMs: number
  backend: string
  retryOnce?: boolean
  /** Before the second attempt of a read. */
  retryDelayMs?: number
}

export interface JsonAnswer {
  status: number
  body: unknown
  url: string
}

/** Refusals named by the server's error code; other statuses are classified in byStatus. */
const BY_ERROR_CODE: Record<string, EntitlementErrorCodeValue> = {
  payment_declined: EntitlementErrorCode.DECLINED,
  price_changed: EntitlementErrorCode.PRICE_CHANGED,
  unknown_rental: EntitlementErrorCode.UNKNOWN_RENTAL,
  start_window_passed: EntitlementErrorCode.START_EXPIRED,
  idempotency_key_reused: EntitlementErrorCode.KEY_REUSED,
}

function byStatus(status: number): EntitlementErrorCodeValue {
  if (status === 402) return EntitlementErrorCode.DECLINED
  if (status === 409) return EntitlementErrorCode.CONFLICT
  if (status === 408) return EntitlementErrorCode.TIMEOUT
  // 429 is "try later", not "wrong request".
  if (status >= 500 || status === 429) return EntitlementErrorCode.SERVER
  if (status >= 400) return EntitlementErrorCode.INVALID_REQUEST
  return EntitlementErrorCode.SERVER
}

function refusal(status: number, text: string, url: string, backend: string): EntitlementError {
  let serverCode: string | undefined
  let message = `${url} answered ${status}`
  try {
    const parsed = errorWireSchema.safeParse(JSON.parse(text))
    if (parsed.success) {
      serverCode = parsed.data.error.code
      message += ` ${serverCode}: ${parsed.data.error.message}`
    }
  } catch {
    // A gateway's HTML error page: the status alone says enough.
  }
  // A 5xx is an outage whatever its body says: never let it read as a final refusal.
  const code =
    status < 500 && serverCode && BY_ERROR_CODE[serverCode]
      ? BY_ERROR_CODE[serverCode]!
      : byStatus(status)
  return new EntitlementError(code, message, backend, status)
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}

export async function requestJson(
  fetchFn: typeof fetch,
  url: string,
  options: RequestOptions,
): Promise<JsonAnswer> {
  try {
    return await attempt(fetchFn, url, options)
  } catch (error) {
    const retry =
      options.retryOnce &&
      error instanceof EntitlementError &&
      error.recoverable &&
      error.code !== EntitlementErrorCode.ABORTED &&
      error.code !== EntitlementErrorCode.NOT_CONTRACT
    if (!retry) throw error
    await sleep(options.retryDelayMs ?? 300, options.signal)
    return attempt(fetchFn, url, options)
  }
}

async function attempt(
  fetchFn: typeof fetch,
  url: string,
  options: RequestOptions,
): Promise<JsonAnswer> {
  const { signal, backend } = options
  const fail = (code: EntitlementErrorCodeValue, message: string, status?: number) =>
    new EntitlementError(code, message, backend, status)
  if (signal.aborted) throw fail(EntitlementErrorCode.ABORTED, `${url}: aborted`)

  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, options.timeoutMs)
  const forward = () => controller.abort()
  signal.addEventListener('abort', forward, { once: true })
  /** The request or the body read threw: the caller's abort, our timeout, or the network. */
  const transport = (error: unknown): EntitlementError => {
    if (signal.aborted) return fail(EntitlementErrorCode.ABORTED, `${url}: aborted`)
    if (timedOut) {
      return fail(EntitlementErrorCode.TIMEOUT, `${url}: no answer within ${options.timeoutMs} ms`)
    }
    // The device seam refused the box twice (final) or could not get a token (as offline).
    if (error instanceof DeviceAuthError) {
      const refused = error.code === DeviceAuthErrorCode.NOT_RECOGNISED
      return refused
        ? fail(EntitlementErrorCode.DEVICE_NOT_RECOGNISED, error.message, 401)
        : fail(EntitlementErrorCode.OFFLINE, error.message)
    }
    return fail(EntitlementErrorCode.OFFLINE, `${url}: ${String(error)}`)
  }
  try {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    let response: Response
    let text: string
    try {
      response = await fetchFn(url, {
        method: options.method,
        headers,
        signal: controller.signal,
        cache: 'no-store',
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      })
      text = await response.text()
    } catch (error) {
      throw transport(error)
    }
    if (!response.ok) throw refusal(response.status, text, url, backend)
    try {
      return { status: response.status, body: JSON.parse(text) as unknown, url }
    } catch {
      throw fail(
        EntitlementErrorCode.NOT_CONTRACT,
        `${url} answered ${response.status} without JSON`,
      )
    }
  } finally {
    clearTimeout(timer)
    signal.removeEventListener('abort', forward)
  }
}
