import { DeviceAuthError, DeviceAuthErrorCode } from '../../../src/device/contract'
import { withPlainFallback } from '../../../src/device/plainFallback'

const ok = () => Promise.resolve({ status: 200 } as Response)

describe('withPlainFallback', () => {
  it('asks again without the token when the request with it got no answer (a refused preflight)', async () => {
    const plain = jest.fn(ok)
    const logs: string[] = []
    const fetchFn = withPlainFallback(
      () => Promise.reject(new TypeError('Failed to fetch')),
      plain as unknown as typeof fetch,
      (line) => logs.push(line),
    )
    const response = await fetchFn('https://cdn.example.be/feed.json', {
      headers: { Accept: 'x', 'If-None-Match': '"v1"', 'If-Modified-Since': 'Sat, 05 Dec 2026' },
    })
    expect(response.status).toBe(200)
    // A simple request: the validators, which need a preflight too, are left out.
    const [url, init] = plain.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('https://cdn.example.be/feed.json')
    expect([...new Headers(init.headers).entries()]).toEqual([['accept', 'x']])
    expect(logs).toEqual([expect.stringMatching(/cdn\.example\.be\/feed\.json .*without it$/)])
  })

  it("keeps the operator's answers and aborts as they are", async () => {
    const plain = jest.fn(ok)
    const refused = new DeviceAuthError(DeviceAuthErrorCode.NOT_RECOGNISED, 'not recognised')
    await expect(
      withPlainFallback(
        () => Promise.reject(refused),
        plain as unknown as typeof fetch,
        () => {},
      )('https://api.example.be/home'),
    ).rejects.toBe(refused)
    const controller = new AbortController()
    controller.abort()
    await expect(
      withPlainFallback(
        () => Promise.reject(new TypeError('aborted')),
        plain as unknown as typeof fetch,
        () => {},
      )('https://api.example.be/home', { signal: controller.signal }),
    ).rejects.toThrow('aborted')
    expect(plain).not.toHaveBeenCalled()
  })

  it('answers with the token when the host takes it', async () => {
    const authorized = jest.fn(ok)
    const plain = jest.fn(ok)
    await withPlainFallback(
      authorized as unknown as typeof fetch,
      plain as unknown as typeof fetch,
      () => {},
    )('https://api.example.be/home')
    expect([authorized.mock.calls.length, plain.mock.calls.length]).toEqual([1, 0])
  })
})
