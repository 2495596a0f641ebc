/** Fake fetch Responses and a routing fake fetch for the HTTP-based backends. */

export interface FakeReply {
  status?: number
  body?: unknown
  /** Raw text instead of JSON. */
  text?: string
  headers?: Record<string, string>
}

export const reply = (r: FakeReply): Response => {
  const status = r.status ?? 200
  const headers = new Map(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    text: async () => r.text ?? JSON.stringify(r.body),
    json: async () => (r.text !== undefined ? JSON.parse(r.text) : r.body),
  } as unknown as Response
}

export interface Call {
  url: string
  headers: Record<string, string>
  signal?: AbortSignal
}

/** A fetch answering by URL path (after the base), recording every call. */
export function routeFetch(routes: Record<string, FakeReply | (() => FakeReply | Promise<never>)>) {
  const calls: Call[] = []
  const fetchFn = ((input: string, init?: RequestInit) => {
    const url = String(input)
    calls.push({
      url,
      headers: { ...(init?.headers as Record<string, string>) },
      ...(init?.signal ? { signal: init.signal } : {}),
    })
    const key = Object.keys(routes).find((route) => url.endsWith(route))
    if (!key) return Promise.resolve(reply({ status: 404, body: { error: 'no route' } }))
    const route = routes[key]!
    if (typeof route === 'function') {
      const result = route()
      return result instanceof Promise ? result : Promise.resolve(reply(result))
    }
    return Promise.resolve(reply(route))
  }) as typeof fetch
  return { fetchFn, calls }
}

/** A fetch that never answers until its signal aborts (then rejects like the browser does). */
export const hangingFetch = ((_input: string, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () =>
      reject(new DOMException('The operation was aborted.', 'AbortError')),
    )
  })) as typeof fetch
