import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util'
import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import {
  backoffDelay,
  BODY_DEADLINE_FACTOR,
  DEFAULT_POLICY,
  fetchJson,
  MAX_RETRY_AFTER_MS,
  policyFrom,
  retryAfterMs,
  type RequestPolicy,
} from '../../../src/catalogue/http'
import { hangingFetch, reply, type FakeReply } from './httpFakes'

const policy = (overrides: Partial<RequestPolicy> = {}): RequestPolicy => ({
  ...DEFAULT_POLICY,
  timeoutMs: 1000,
  retries: 3,
  baseDelayMs: 100,
  maxDelayMs: 1000,
  random: () => 0.5,
  ...overrides,
})

/** A fetch answering the given replies in turn (the last one repeats), recording call times. */
function sequence(replies: (FakeReply | 'network-error')[]) {
  const times: number[] = []
  const fetchFn = (() => {
    times.push(Date.now())
    const next = replies.length > 1 ? replies.shift()! : replies[0]!
    if (next === 'network-error') return Promise.reject(new TypeError('Failed to fetch'))
    return Promise.resolve(reply(next))
  }) as typeof fetch
  return { fetchFn, times }
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(CatalogueError)
  return (error as CatalogueError).problem
}

describe('backoffDelay', () => {
  test('grows exponentially up to the cap, scaled by the random draw (full jitter)', () => {
    const p = policy({ random: () => 0.999999 })
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, p))).toEqual([99, 199, 399, 799, 999, 999])
    expect(backoffDelay(3, policy({ random: () => 0 }))).toBe(0)
    expect(backoffDelay(2, policy({ random: () => 0.5 }))).toBe(200)
  })

  test('policyFrom takes the settings and keeps defaults for the rest', () => {
    expect(policyFrom({ timeoutMs: 300, retries: 0 })).toMatchObject({ timeoutMs: 300, retries: 0 })
    expect(policyFrom({})).toMatchObject({ timeoutMs: 8000, retries: 2 })
  })
})

describe('retryAfterMs', () => {
  test('reads delta-seconds and HTTP dates; nothing for what is neither', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000)
    expect(retryAfterMs(' 0 ', 0)).toBe(0)
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000)
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 60_000)).toBe(0)
    expect(retryAfterMs('soon', 0)).toBeUndefined()
    expect(retryAfterMs('-5', 0)).toBeUndefined()
    expect(retryAfterMs(null, 0)).toBeUndefined()
    expect(MAX_RETRY_AFTER_MS).toBeLessThan(120_000)
  })
})

describe('fetchJson with fake timers', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }))
  afterEach(() => jest.useRealTimers())

  const options = (p: RequestPolicy, signal = new AbortController().signal) => ({
    signal,
    backend: 'http',
    policy: p,
  })

  test('retries 5xx and network errors with backoff delays, then succeeds', async () => {
    const { fetchFn, times } = sequence([
      { status: 500 },
      'network-error',
      { status: 503 },
      { body: { ok: 1 }, headers: { ETag: '"v1"' } },
    ])
    const pending = fetchJson(fetchFn, 'http://x/home', options(policy()))
    await jest.runAllTimersAsync()
    const result = await pending
    expect(result).toEqual({
      status: 'ok',
      body: { ok: 1 },
      revision: { etag: '"v1"' },
      url: 'http://x/home',
    })
    // random 0.5: 50, then 100, then 200 ms between attempts.
    expect(times).toEqual([0, 50, 150, 350])
  })

  test('gives up after the configured retries with the last problem', async () => {
    const { fetchFn, times } = sequence([{ status: 502 }])
    const pending = failure(fetchJson(fetchFn, 'http://x/home', options(policy({ retries: 2 }))))
    await jest.runAllTimersAsync()
    expect(await pending).toMatchObject({
      code: CatalogueErrorCode.HTTP_STATUS,
      message: 'http://x/home answered 502',
    })
    expect(times).toHaveLength(3)
  })

  test('does not retry a 404 or a body that is not JSON', async () => {
    const notFound = sequence([{ status: 404 }])
    const p1 = failure(fetchJson(notFound.fetchFn, 'http://x/a', options(policy())))
    await jest.runAllTimersAsync()
    expect((await p1).code).toBe(CatalogueErrorCode.HTTP_STATUS)
    expect(notFound.times).toHaveLength(1)

    const html = sequence([{ text: '<!doctype html>' }])
    const p2 = failure(fetchJson(html.fetchFn, 'http://x/b', options(policy())))
    await jest.runAllTimersAsync()
    expect(await p2).toMatchObject({ code: CatalogueErrorCode.NOT_JSON, category: 'format' })
    expect(html.times).toHaveLength(1)
  })

  test('retries 429 and 408', async () => {
    const { fetchFn, times } = sequence([{ status: 429 }, { status: 408 }, { body: [] }])
    const pending = fetchJson(fetchFn, 'http://x/home', options(policy()))
    await jest.runAllTimersAsync()
    expect((await pending).status).toBe('ok')
    expect(times).toHaveLength(3)
  })

  test('waits as long as Retry-After asks (seconds or a date) when that is longer than the backoff', async () => {
    const { fetchFn, times } = sequence([
      { status: 429, headers: { 'Retry-After': '3' } },
      { status: 503, headers: { 'Retry-After': new Date(5000).toUTCString() } },
      { body: [] },
    ])
    const pending = fetchJson(fetchFn, 'http://x/home', options(policy()))
    await jest.runAllTimersAsync()
    expect((await pending).status).toBe('ok')
    // 3 s after the first answer; then until the date (5 s), as the backoff is shorter.
    expect(times).toEqual([0, 3000, 5000])
  })

  test('does not wait inside one request for a Retry-After beyond the cap: the error says busy', async () => {
    const { fetchFn, times } = sequence([{ status: 503, headers: { 'Retry-After': '120' } }])
    const pending = failure(fetchJson(fetchFn, 'http://x/home', options(policy())))
    await jest.runAllTimersAsync()
    expect(await pending).toMatchObject({ code: CatalogueErrorCode.HTTP_STATUS, status: 503 })
    expect(times).toEqual([0])
  })

  test('a 304 to a request without validators is an error with retries, not "not modified"', async () => {
    const { fetchFn, times } = sequence([{ status: 304, headers: { ETag: '"v1"' } }])
    const pending = failure(fetchJson(fetchFn, 'http://x/home', options(policy({ retries: 1 }))))
    await jest.runAllTimersAsync()
    expect(await pending).toMatchObject({
      code: CatalogueErrorCode.HTTP_STATUS,
      status: 304,
      message: 'http://x/home answered 304',
    })
    expect(times).toHaveLength(2)
  })

  test('a request with no answer times out after timeoutMs, each attempt', async () => {
    const started: number[] = []
    const fetchFn = ((input: string, init?: RequestInit) => {
      started.push(Date.now())
      return hangingFetch(input, init)
    }) as typeof fetch
    const pending = failure(
      fetchJson(fetchFn, 'http://x/home', options(policy({ retries: 1, timeoutMs: 500 }))),
    )
    await jest.runAllTimersAsync()
    expect(await pending).toMatchObject({
      code: CatalogueErrorCode.TIMEOUT,
      message: 'http://x/home: no answer within 500 ms',
    })
    expect(started).toEqual([0, 550])
  })

  describe('a long answer on a slow line', () => {
    /**
     * An answer whose body comes as `parts`, one every `everyMs`, as a stream; the read rejects
     * like the browser's when the request is aborted.
     */
    const trickling = (parts: string[], everyMs: number) =>
      ((_input: string, init?: RequestInit) => {
        const queue = parts.map((part) => new TextEncoder().encode(part))
        const body = {
          getReader: () => ({
            cancel: () => Promise.resolve(),
            read: () =>
              new Promise<{ done: boolean; value?: Uint8Array }>((resolve, reject) => {
                const timer = setTimeout(() => {
                  const value = queue.shift()
                  resolve(value ? { done: false, value } : { done: true })
                }, everyMs)
                init?.signal?.addEventListener('abort', () => {
                  clearTimeout(timer)
                  reject(new DOMException('The operation was aborted.', 'AbortError'))
                })
              }),
          }),
        }
        return Promise.resolve({ ...reply({ text: '' }), body } as unknown as Response)
      }) as typeof fetch
    // jsdom has no TextEncoder nor TextDecoder; the browser's engines do.
    const globals = globalThis as Record<string, unknown>
    beforeAll(() =>
      Object.assign(globals, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder }),
    )
    afterAll(() => {
      delete globals.TextEncoder
      delete globals.TextDecoder
    })
    const feed = JSON.stringify({ providerName: 'x', movies: new Array(40).fill('item') })
    const parts = feed.match(/.{1,10}/g)!

    test('loads while it keeps coming, however long the whole takes', async () => {
      const pending = fetchJson(
        trickling(parts, 400),
        'http://x/feed',
        options(policy({ retries: 0, timeoutMs: 500 })),
      )
      await jest.runAllTimersAsync()
      const result = await pending
      expect(parts.length * 400).toBeGreaterThan(10 * 500)
      expect(result).toMatchObject({ status: 'ok', body: JSON.parse(feed) })
    })

    test('times out when it stops coming, and says it had answered', async () => {
      const pending = failure(
        fetchJson(
          trickling(parts, 600),
          'http://x/feed',
          options(policy({ retries: 0, timeoutMs: 500 })),
        ),
      )
      await jest.runAllTimersAsync()
      expect(await pending).toMatchObject({
        code: CatalogueErrorCode.TIMEOUT,
        message: 'http://x/feed: answered, then sent nothing for 500 ms',
      })
    })

    test('a body that stops where aborting cannot break it (an old engine) still times out', async () => {
      const cancel = jest.fn(() => Promise.resolve())
      const stalled = (() =>
        Promise.resolve({
          ...reply({ text: '' }),
          // A polyfilled abort leaves an answered body alone: this read never settles.
          body: { getReader: () => ({ cancel, read: () => new Promise(() => undefined) }) },
        } as unknown as Response)) as typeof fetch
      const pending = failure(
        fetchJson(stalled, 'http://x/feed', options(policy({ retries: 0, timeoutMs: 500 }))),
      )
      await jest.runAllTimersAsync()
      expect(await pending).toMatchObject({ code: CatalogueErrorCode.TIMEOUT })
      expect(cancel).toHaveBeenCalled()
    })

    test('without a stream, the body gets BODY_DEADLINE_FACTOR deadlines in all', async () => {
      expect(BODY_DEADLINE_FACTOR).toBe(4)
      // A body that ignores the abort, as an old engine's: only the app's own deadline ends it.
      const slowBody = (ms: number) =>
        (() =>
          Promise.resolve({
            ...reply({}),
            arrayBuffer: () =>
              new Promise((resolve) =>
                setTimeout(() => resolve(new TextEncoder().encode(feed).buffer), ms),
              ),
          } as unknown as Response)) as typeof fetch
      const quick = () => options(policy({ retries: 0, timeoutMs: 500 }))
      const inTime = fetchJson(slowBody(1500), 'http://x/feed', quick())
      await jest.runAllTimersAsync()
      expect(await inTime).toMatchObject({ status: 'ok', body: JSON.parse(feed) })
      const late = failure(fetchJson(slowBody(2500), 'http://x/feed', quick()))
      await jest.runAllTimersAsync()
      expect(await late).toMatchObject({ code: CatalogueErrorCode.TIMEOUT })
    })
  })

  test('aborting during a backoff wait rejects with ABORTED at once and stops retrying', async () => {
    const { fetchFn, times } = sequence([{ status: 500 }])
    const controller = new AbortController()
    const pending = failure(
      fetchJson(
        fetchFn,
        'http://x/home',
        options(policy({ baseDelayMs: 10_000 }), controller.signal),
      ),
    )
    await jest.advanceTimersByTimeAsync(100)
    controller.abort()
    expect((await pending).code).toBe(CatalogueErrorCode.ABORTED)
    await jest.runAllTimersAsync()
    expect(times).toHaveLength(1)
  })

  test('aborting a request under way rejects with ABORTED, not TIMEOUT or NETWORK', async () => {
    const controller = new AbortController()
    const pending = failure(
      fetchJson(hangingFetch, 'http://x/home', options(policy(), controller.signal)),
    )
    controller.abort()
    expect((await pending).code).toBe(CatalogueErrorCode.ABORTED)
  })

  test('sends the validators it has and reports 304 as not-modified', async () => {
    let headers: Record<string, string> = {}
    const fetchFn = ((_input: string, init?: RequestInit) => {
      headers = init?.headers as Record<string, string>
      return Promise.resolve(reply({ status: 304, headers: { ETag: '"v1"' } }))
    }) as typeof fetch
    const result = await fetchJson(fetchFn, 'http://x/home', {
      ...options(policy()),
      revision: { etag: '"v1"', lastModified: 'Sun, 22 Nov 2026 05:00:00 GMT' },
    })
    expect(headers['If-None-Match']).toBe('"v1"')
    expect(headers['If-Modified-Since']).toBeUndefined()
    expect(result).toMatchObject({ status: 'not-modified', revision: { etag: '"v1"' } })
  })

  test('uses If-Modified-Since when there is no ETag', async () => {
    let headers: Record<string, string> = {}
    const fetchFn = ((_input: string, init?: RequestInit) => {
      headers = init?.headers as Record<string, string>
      return Promise.resolve(reply({ status: 304 }))
    }) as typeof fetch
    await fetchJson(fetchFn, 'http://x/home', {
      ...options(policy()),
      revision: { lastModified: 'Sun, 22 Nov 2026 05:00:00 GMT' },
    })
    expect(headers['If-Modified-Since']).toBe('Sun, 22 Nov 2026 05:00:00 GMT')
  })
})

describe('requests to another origin', () => {
  const quick = policy({ retries: 0, timeoutMs: 500 })
  const signal = () => new AbortController().signal

  /** A host that serves simple GETs but refuses what needs a preflight, as many CDNs do. */
  function preflightRefusingHost() {
    const calls: { conditional: boolean; mode: string | undefined }[] = []
    const fetchFn = ((_url: string, init?: RequestInit) => {
      const headers = (init?.headers ?? {}) as Record<string, string>
      const conditional = Boolean(headers['If-None-Match'] ?? headers['If-Modified-Since'])
      calls.push({ conditional, mode: init?.mode })
      if (conditional) return Promise.reject(new TypeError('Failed to fetch'))
      return Promise.resolve(reply({ body: { ok: 1 }, headers: { ETag: '"v2"' } }))
    }) as typeof fetch
    return { fetchFn, calls }
  }

  test('a revalidation refused (its preflight unanswered) is asked again at once without validators', async () => {
    const { fetchFn, calls } = preflightRefusingHost()
    const logs: string[] = []
    const result = await fetchJson(fetchFn, 'https://cdn.example.be/feed.json', {
      signal: signal(),
      backend: 'directpublisher',
      policy: quick,
      revision: { etag: '"v1"' },
      log: (line) => logs.push(line),
    })
    expect(result).toMatchObject({ status: 'ok', body: { ok: 1 }, revision: { etag: '"v2"' } })
    expect(calls.map((c) => c.conditional)).toEqual([true, false])
    expect(logs).toEqual([expect.stringMatching(/did not answer a conditional request/)])
  })

  test('a server that answers without CORS headers is named as such, for the operator', async () => {
    // The cors request fails as the browser fails it; the no-cors one gets an opaque answer.
    const calls: (string | undefined)[] = []
    const fetchFn = ((_url: string, init?: RequestInit) => {
      calls.push(init?.mode)
      return init?.mode === 'no-cors'
        ? Promise.resolve(reply({ status: 0 }))
        : Promise.reject(new TypeError('Failed to fetch'))
    }) as typeof fetch
    const problem = await failure(
      fetchJson(fetchFn, 'https://cms.example.be/feed.json', {
        signal: signal(),
        backend: 'directpublisher',
        policy: quick,
        appOrigin: 'http://box.local',
      }),
    )
    expect(problem).toMatchObject({ code: CatalogueErrorCode.NETWORK, category: 'config' })
    expect(problem.message).toMatch(/^CORS headers missing \(Access-Control-Allow-Origin\): /)
    expect(calls).toEqual([undefined, 'no-cors'])
  })

  test('a server that is not there stays a network error; the app’s own origin is not probed', async () => {
    const { fetchFn, times } = sequence(['network-error'])
    const options = { signal: signal(), backend: 'http', policy: quick }
    const elsewhere = await failure(
      fetchJson(fetchFn, 'https://cms.example.be/v1/home', {
        ...options,
        appOrigin: 'http://box.local',
      }),
    )
    expect(elsewhere).toMatchObject({ code: CatalogueErrorCode.NETWORK, category: 'network' })
    expect(times).toHaveLength(2)
    const own = await failure(
      fetchJson(fetchFn, 'http://box.local/catalogue.json', {
        ...options,
        appOrigin: 'http://box.local',
      }),
    )
    expect(own.category).toBe('network')
    expect(times).toHaveLength(3)
  })
})

describe('fetchJson with a policy that allows no attempt', () => {
  test.each([-1, Number.NaN])(
    'retries %p still makes one request and reports its own failure',
    async (retries) => {
      const { fetchFn, times } = sequence([{ status: 502 }])
      const problem = await failure(
        fetchJson(fetchFn, 'http://x/home', {
          signal: new AbortController().signal,
          backend: 'http',
          policy: policy({ retries }),
        }),
      )
      expect(problem).toMatchObject({
        code: CatalogueErrorCode.HTTP_STATUS,
        message: 'http://x/home answered 502',
      })
      expect(times).toHaveLength(1)
    },
  )
})
