/** A scripted fetch for the http backend: answers in order, records every call. */

export interface Recorded {
  url: string
  method: string
  headers: Record<string, string>
  body: unknown
  signal: AbortSignal | undefined
}

type Step =
  | { status: number; body?: unknown; text?: string }
  | 'network-error'
  | 'hang'
  /** Answers headers, then the body read fails (connection cut). */
  | 'cut'

export function response(status: number, text: string): Response {
  return { ok: status >= 200 && status < 300, status, text: async () => text } as Response
}

export function scriptedFetch(...steps: Step[]) {
  const calls: Recorded[] = []
  const fetchFn = ((input: string, init: RequestInit = {}) => {
    calls.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? undefined,
    })
    const step = steps.shift() ?? { status: 599, text: 'no more steps scripted' }
    const abortable = (run: (reject: (error: unknown) => void) => void) =>
      new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        )
        run(reject)
      })
    if (step === 'hang') return abortable(() => {})
    if (step === 'network-error') return Promise.reject(new TypeError('Failed to fetch'))
    if (step === 'cut') {
      return Promise.resolve({
        ok: true,
        status: 200,
        text: () => Promise.reject(new TypeError('network error')),
      } as Response)
    }
    return Promise.resolve(response(step.status, step.text ?? JSON.stringify(step.body)))
  }) as typeof fetch
  return { fetchFn, calls }
}
