import type { Revision } from './backend'
import { DeviceAuthError, DeviceAuthErrorCode } from '../device/contract'
import { CatalogueError, CatalogueErrorCode, type CatalogueProblem } from './errors'
import { cannotUnpack, engineInflate, gunzipped, GzipBodyError } from './gzipBody'
import { untilAborted } from './untilAborted'
import { decodeText } from './textDecoding'

/**
 * JSON (or text, for XML feeds) over HTTP for catalogue backends: a timeout per attempt, retries
 * with exponential backoff and full jitter on failures worth retrying (network error, timeout,
 * 5xx, 408, 429), conditional requests (If-None-Match / If-Modified-Since) and cancellation by
 * AbortSignal. Every failure is a CatalogueError; nothing else is thrown.
 */
export interface RequestPolicy {
  /** Per attempt. */
  timeoutMs: number
  /** Attempts after the first one. */
  retries: number
  /** First backoff delay; attempt n waits a random time in [0, min(maxDelay, base * 2^n)). */
  baseDelayMs: number
  maxDelayMs: number
  /** In [0, 1): injectable so tests are deterministic. */
  random(): number
}

export const DEFAULT_POLICY: RequestPolicy = {
  timeoutMs: 8000,
  retries: 2,
  baseDelayMs: 400,
  maxDelayMs: 5000,
  random: Math.random,
}

export type FetchResult<T> =
  | { status: 'ok'; body: T; revision: Revision; url: string }
  | { status: 'not-modified'; revision: Revision; url: string }

export type JsonResult = FetchResult<unknown>
export type TextResult = FetchResult<string>

export interface FetchOptions {
  signal: AbortSignal
  backend: string
  policy: RequestPolicy
  revision?: Revision
  log?: (message: string) => void
  /**
   * The app's own origin (the page's): when a request to another origin fails without an answer,
   * the server is asked once more in 'no-cors' mode, and if it answers that way, the failure is
   * said to be its missing CORS headers rather than the network.
   */
  appOrigin?: string
}

type MakeProblem = (
  code: CatalogueProblem['code'],
  category: CatalogueProblem['category'],
  message: string,
) => CatalogueProblem

/**
 * Turns a body into the result's value, or says why it cannot. Decoding failures are never
 * retried: the same server sends the same document again.
 */
type Decode<T> = (text: string, problem: MakeProblem) => { body: T } | { problem: CatalogueProblem }

/** The delay before retry number `attempt` (0-based): full jitter over an exponential cap. */
export function backoffDelay(attempt: number, policy: RequestPolicy): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.floor(policy.random() * cap)
}

const RETRYABLE_STATUS = (status: number): boolean =>
  status >= 500 || status === 408 || status === 429

interface Failure {
  problem: CatalogueProblem
  retryable: boolean
  /** What the server's Retry-After asked for, in ms (429, 503). */
  retryAfterMs?: number
}

/**
 * Waits the backend asks for (Retry-After) beyond this are not waited for inside one request: the
 * household sees the error (the service is busy) with Retry instead of a minute of loading.
 */
export const MAX_RETRY_AFTER_MS = 10_000

/**
 * Deadlines a body may take on an engine whose fetch cannot stream it (an XHR-based polyfill):
 * its progress cannot be seen, so a slow line is given this many for the whole download.
 */
export const BODY_DEADLINE_FACTOR = 4

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 10.2.3), in ms from `now`. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  const value = header?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  // The three date forms HTTP allows start with a day name and hold a time; engines' Date.parse
  // would otherwise read "-5" or "12" as dates.
  if (!/^[A-Za-z]{3}.*\d{2}:\d{2}:\d{2}/.test(value)) return undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Resolves after `ms`, or rejects with ABORTED as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal, aborted: () => CatalogueError): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(aborted())
    const onAbort = () => {
      clearTimeout(timer)
      reject(aborted())
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

export function fetchJson(
  fetchFn: typeof fetch,
  url: string,
  options: FetchOptions,
): Promise<JsonResult> {
  const format = { accept: 'application/json', unreadable: CatalogueErrorCode.NOT_JSON }
  return request(fetchFn, url, options, format, (text, problem) => {
    try {
      return { body: JSON.parse(text) as unknown }
    } catch {
      return { problem: problem(CatalogueErrorCode.NOT_JSON, 'format', `${url} is not JSON`) }
    }
  })
}

/**
 * The body as text, for XML documents the backend parses itself (an MRSS feed, an XMLTV guide),
 * with the same timeouts, retries, revalidation and errors as fetchJson. `accept` is the Accept
 * header.
 */
export function fetchText(
  fetchFn: typeof fetch,
  url: string,
  options: FetchOptions & { accept: string },
): Promise<TextResult> {
  const format = { accept: options.accept, unreadable: CatalogueErrorCode.NOT_XML }
  return request(fetchFn, url, options, format, (text) => ({ body: text }))
}

/** What is asked for, and the error for a body not readable so (a .gz the box cannot unpack). */
interface BodyFormat {
  accept: string
  unreadable: CatalogueProblem['code']
}

async function request<T>(
  fetchFn: typeof fetch,
  url: string,
  options: FetchOptions,
  format: BodyFormat,
  decode: Decode<T>,
): Promise<FetchResult<T>> {
  const { signal, backend, policy } = options
  const problem: MakeProblem = (code, category, message) => ({
    severity: 'critical',
    category,
    code,
    backend,
    message,
  })
  const aborted = () =>
    new CatalogueError(problem(CatalogueErrorCode.ABORTED, 'network', `${url}: aborted`))

  let last: Failure | undefined
  let revision = options.revision
  // A policy built by hand (or from unchecked settings) may say -1 or NaN: one attempt is made
  // whatever it says, so a failure is always the request's own, never a missing one.
  const retries = Number.isFinite(policy.retries) ? Math.max(0, Math.floor(policy.retries)) : 0
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) {
      const delay = Math.max(backoffDelay(attempt - 1, policy), last?.retryAfterMs ?? 0)
      options.log?.(
        `catalogue[${backend}]: ${last?.problem.message}; retry ${attempt}/${retries} in ${delay} ms`,
      )
      await sleep(delay, signal, aborted)
    }
    if (signal.aborted) throw aborted()
    const result = await attemptOnce(
      fetchFn,
      url,
      { ...options, revision, format, decode },
      problem,
      aborted,
    )
    if ('failure' in result) {
      last = result.failure
      // If-None-Match and If-Modified-Since are not CORS-safelisted headers: on another origin
      // they need a preflight, which many static hosts and CDNs do not answer. Such a host serves
      // the first load and refuses every revalidation, so the box would stay on its old copy.
      // Asked again without them (a simple request), it answers: the whole document, read anew.
      if (last.problem.code === CatalogueErrorCode.NETWORK && revision) {
        options.log?.(
          `catalogue[${backend}]: ${url} did not answer a conditional request (a CORS preflight its server may refuse); asking again without validators`,
        )
        revision = undefined
        attempt--
        last = undefined
        continue
      }
      if (!last.retryable) break
      if ((last.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS) break
      continue
    }
    return result.value
  }
  if (!last) {
    throw new CatalogueError(
      problem(CatalogueErrorCode.NETWORK, 'network', `${url}: not requested`),
    )
  }
  throw new CatalogueError(await explained(fetchFn, url, last.problem, options))
}

/** FetchOptions.appOrigin from the app's page URL; nothing where it has no origin (file:). */
export function withAppOrigin(baseUrl: string): { appOrigin?: string } {
  try {
    const origin = new URL(baseUrl).origin
    return origin === 'null' ? {} : { appOrigin: origin }
  } catch {
    return {}
  }
}

/**
 * A request to another origin that failed with no answer may have been answered and withheld
 * from the app for want of CORS headers: the browser says "Failed to fetch" either way. A
 * 'no-cors' request gets an opaque answer from a server that is there, and fails like the first
 * from one that is not, which tells the two apart for the operator.
 */
async function explained(
  fetchFn: typeof fetch,
  url: string,
  problem: CatalogueProblem,
  options: FetchOptions,
): Promise<CatalogueProblem> {
  if (problem.code !== CatalogueErrorCode.NETWORK || !options.appOrigin) return problem
  let origin: string
  try {
    origin = new URL(url, options.appOrigin).origin
  } catch {
    return problem
  }
  if (origin === options.appOrigin || options.signal.aborted) return problem
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.policy.timeoutMs)
  const forward = () => controller.abort()
  options.signal.addEventListener('abort', forward, { once: true })
  try {
    await fetchFn(url, { mode: 'no-cors', cache: 'no-store', signal: controller.signal })
    return {
      ...problem,
      category: 'config',
      // The cause first: the diagnostics page clips long messages, and shows the URL on its own.
      message: `CORS headers missing (Access-Control-Allow-Origin): ${url} answers, but not for this app's origin ${options.appOrigin}`,
    }
  } catch {
    return problem
  } finally {
    clearTimeout(timer)
    options.signal.removeEventListener('abort', forward)
  }
}

async function attemptOnce<T>(
  fetchFn: typeof fetch,
  url: string,
  options: {
    signal: AbortSignal
    policy: RequestPolicy
    revision?: Revision
    format: BodyFormat
    decode: Decode<T>
  },
  problem: MakeProblem,
  aborted: () => CatalogueError,
): Promise<{ value: FetchResult<T> } | { failure: Failure }> {
  const { signal, policy, revision } = options
  const controller = new AbortController()
  let timedOut = false
  /** Set once the answer has come: the deadline is then for the body's silence. */
  let reading = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const arm = (ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, ms)
  }
  arm(policy.timeoutMs)
  const forward = () => controller.abort()
  signal.addEventListener('abort', forward, { once: true })
  const headers: Record<string, string> = { Accept: options.format.accept }
  if (revision?.etag) headers['If-None-Match'] = revision.etag
  else if (revision?.lastModified) headers['If-Modified-Since'] = revision.lastModified
  /** A request or body read that threw: our abort, our timeout, or the network. */
  const transportFailure = (error: unknown): { failure: Failure } => {
    if (signal.aborted) throw aborted()
    if (timedOut) return timeout()
    // The operator refused the box even with a fresh token (device/authorizedFetch.ts): retrying
    // cannot help, and its message is the one the household should read.
    if (error instanceof DeviceAuthError) {
      // The household's words are chosen when the error is shown (catalogueErrorHelp), in the
      // language of that moment: this may run before the translations are loaded.
      const refused = error.code === DeviceAuthErrorCode.NOT_RECOGNISED
      const message = refused ? `${url} answered 401: this box is not recognised` : error.message
      return {
        failure: {
          retryable: false,
          problem: {
            ...problem(CatalogueErrorCode.HTTP_STATUS, 'network', message),
            ...(refused ? { status: 401 } : {}),
          },
        },
      }
    }
    return {
      failure: {
        retryable: true,
        problem: problem(CatalogueErrorCode.NETWORK, 'network', `${url}: ${String(error)}`),
      },
    }
  }
  const timeout = (): { failure: Failure } => ({
    failure: {
      retryable: true,
      problem: problem(
        CatalogueErrorCode.TIMEOUT,
        'network',
        reading
          ? `${url}: answered, then sent nothing for ${policy.timeoutMs} ms`
          : `${url}: no answer within ${policy.timeoutMs} ms`,
      ),
    },
  })
  try {
    let response: Response
    try {
      response = await fetchFn(url, { signal: controller.signal, headers, cache: 'no-store' })
    } catch (error) {
      return transportFailure(error)
    }
    const found: Revision = {
      ...(response.headers?.get('ETag') ? { etag: response.headers.get('ETag')! } : {}),
      ...(response.headers?.get('Last-Modified')
        ? { lastModified: response.headers.get('Last-Modified')! }
        : {}),
    }
    const conditional = Boolean(headers['If-None-Match'] ?? headers['If-Modified-Since'])
    if (response.status === 304 && conditional) {
      return { value: { status: 'not-modified', revision: { ...revision, ...found }, url } }
    }
    // A 304 to a request with nothing to compare (a misbehaving cache or proxy) carries no
    // document: an error like any other status, so the household gets Retry and not a spinner.
    if (!response.ok) {
      const retryAfter = retryAfterMs(response.headers?.get('Retry-After'), Date.now())
      return {
        failure: {
          ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
          retryable: RETRYABLE_STATUS(response.status) || response.status === 304,
          problem: {
            ...problem(
              CatalogueErrorCode.HTTP_STATUS,
              'network',
              `${url} answered ${response.status}`,
            ),
            status: response.status,
          },
        },
      }
    }
    // A whole feed in one answer (Direct Publisher, MRSS: megabytes for thousands of items) takes
    // longer than the deadline on a slow line: it only has to keep coming. An engine that cannot
    // say how much came gets BODY_DEADLINE_FACTOR deadlines for all of it.
    reading = true
    const streams = streamsBody(response)
    arm(streams ? policy.timeoutMs : policy.timeoutMs * BODY_DEADLINE_FACTOR)
    let text: string
    try {
      text = await bodyText(response, streams, () => arm(policy.timeoutMs), controller.signal)
    } catch (error) {
      if (error instanceof GzipBodyError) {
        return {
          failure: {
            retryable: false,
            problem: problem(options.format.unreadable, 'format', `${url} ${error.message}`),
          },
        }
      }
      return transportFailure(error)
    }
    const decoded = options.decode(text, problem)
    if ('problem' in decoded) return { failure: { retryable: false, problem: decoded.problem } }
    // Relative URLs in the document are relative to where it came from after any redirect
    // (RFC 3986 5.1.3): a CMS address that 302s to a versioned CDN path is the usual case.
    const from = typeof response.url === 'string' && response.url ? response.url : url
    return { value: { status: 'ok', body: decoded.body, revision: found, url: from } }
  } finally {
    clearTimeout(timer)
    signal.removeEventListener('abort', forward)
  }
}

/** Whether the body is read chunk by chunk (bodyText), its progress seen. */
const streamsBody = (response: Response): boolean =>
  typeof TextDecoder !== 'undefined' && typeof response.body?.getReader === 'function'

/**
 * Old engines abort a fetch through a polyfill that only rejects a fetch not yet answered: a body
 * that stops coming would otherwise be waited for for ever.
 */
const abandoned = (): Error => new Error('the body was abandoned')

/**
 * The body in the encoding it is written in (textDecoding.ts); UTF-8 where the engine cannot tell.
 * `streams` is streamsBody's answer, which also chose the deadline.
 */
async function bodyText(
  response: Response,
  streams: boolean,
  progress: () => void,
  signal: AbortSignal,
): Promise<string> {
  if (
    typeof TextDecoder === 'undefined' ||
    (!streams && typeof response.arrayBuffer !== 'function')
  ) {
    const text = await untilAborted(response.text(), signal, abandoned)
    // Read as text, gzip's magic number comes out as U+001F and a replacement character.
    if (text.charCodeAt(0) === 0x1f && [0x8b, 0xfffd].includes(text.charCodeAt(1))) {
      throw cannotUnpack()
    }
    return text
  }
  const bytes = await gunzipped(
    streams
      ? await streamedBytes(response.body!, progress, signal)
      : new Uint8Array(await untilAborted(response.arrayBuffer(), signal, abandoned)),
    engineInflate(),
  )
  return decodeText(
    bytes,
    response.headers?.get('Content-Type'),
    (label, options) => new TextDecoder(label, options),
  )
}

/** The body chunk by chunk, `progress` told of each one. */
async function streamedBytes(
  body: ReadableStream<Uint8Array>,
  progress: () => void,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  for (;;) {
    let read: ReadableStreamReadResult<Uint8Array>
    try {
      read = await untilAborted(reader.read(), signal, abandoned)
    } catch (error) {
      // The connection is let go, not left to deliver what nobody reads.
      reader.cancel().catch(() => undefined)
      throw error
    }
    const { done, value } = read
    if (done) break
    chunks.push(value)
    length += value.length
    progress()
  }
  const bytes = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return bytes
}

/** Builds a policy from the backend settings, keeping defaults for what is not set. */
export function policyFrom(settings: { timeoutMs?: number; retries?: number }): RequestPolicy {
  return {
    ...DEFAULT_POLICY,
    ...(settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}),
    ...(settings.retries !== undefined ? { retries: settings.retries } : {}),
  }
}
