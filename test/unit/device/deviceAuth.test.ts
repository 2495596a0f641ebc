/**
 * @jest-environment node
 */
import { authorizedFetch, notRecognisedMessage } from '../../../src/device/authorizedFetch'
import {
  DeviceAuthError,
  DeviceAuthErrorCode,
  type DeviceAuthHost,
  type DeviceAuthSettings,
} from '../../../src/device/contract'
import { embeddedDeviceAuth } from '../../../src/device/embedded'
import { httpDeviceAuth, readToken } from '../../../src/device/httpAuth'
import { registerDeviceAuth } from '../../../src/device/registerDeviceAuth'
import { DeviceAuthRegistry } from '../../../src/device/registry'

const settings = (over: Partial<DeviceAuthSettings> = {}): DeviceAuthSettings => ({
  auth: 'http',
  url: 'https://mw.example/device/token',
  timeoutMs: 1000,
  header: 'Authorization',
  support: '0800 12 345',
  ...over,
})

function host(fetchFn: typeof fetch, over: Partial<DeviceAuthSettings> = {}): DeviceAuthHost {
  return {
    settings: settings(over),
    deviceId: 'box-0123456789abcdef',
    fetch: fetchFn,
    wallClock: () => 1_000_000,
    app: { version: '1.2.3', platform: 'tizen' },
  }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('registry', () => {
  test('creates the registered plug-in named in the settings, none for "none"', () => {
    const registry = registerDeviceAuth()
    expect(registry.names()).toEqual(['embedded', 'http'])
    expect(registry.create(host(fetch, { auth: 'none' }))).toBeNull()
    expect(registry.create(host(fetch, { auth: 'embedded' }))).not.toBeNull()
  })

  test('an unknown name is reported and sends no token', () => {
    const log = jest.fn()
    expect(new DeviceAuthRegistry().create(host(fetch, { auth: 'ldap' }), log)).toBeNull()
    expect(log).toHaveBeenCalledWith(expect.stringContaining('"ldap" is not registered'))
  })

  test('registering a name twice is refused', () => {
    const registry = registerDeviceAuth()
    expect(() => registry.register('http', httpDeviceAuth)).toThrow('already registered')
  })
})

describe('embedded', () => {
  test('derives the token from the device id and changes it on refresh', async () => {
    const auth = embeddedDeviceAuth(host(fetch))
    expect((await auth.getDeviceToken()).token).toBe('demo.box-0123456789abcdef.1')
    expect((await auth.refresh()).token).toBe('demo.box-0123456789abcdef.2')
    expect((await auth.getDeviceToken()).token).toBe('demo.box-0123456789abcdef.2')
  })
})

describe('http', () => {
  test('posts the device id and keeps the token until it nearly expires', async () => {
    let now = 1_000_000
    const fetchFn: jest.Mock = jest.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      expect(JSON.parse(init?.body as string)).toEqual({
        deviceId: 'box-0123456789abcdef',
        appVersion: '1.2.3',
        platform: 'tizen',
      })
      return json(200, { token: `t${fetchFn.mock.calls.length}`, expiresIn: 600 })
    })
    const auth = httpDeviceAuth({ ...host(fetchFn as typeof fetch), wallClock: () => now })
    const [a, b] = await Promise.all([auth.getDeviceToken(), auth.getDeviceToken()])
    expect([a.token, b.token, fetchFn.mock.calls.length]).toEqual(['t1', 't1', 1])
    expect(a.expiresAt).toBe(1_600_000)
    now = 1_600_000 - 10_000 // within the margin: asked again
    expect((await auth.getDeviceToken()).token).toBe('t2')
    expect((await auth.refresh()).token).toBe('t3')
  })

  test('a refusal, a hang and an answer without a token are DeviceAuthErrors', async () => {
    const refused = httpDeviceAuth(host(async () => json(403, {})))
    await expect(refused.getDeviceToken()).rejects.toMatchObject({
      code: DeviceAuthErrorCode.REFUSED,
      message: 'https://mw.example/device/token answered 403',
    })
    const hanging = httpDeviceAuth(
      host(
        (_url, init) =>
          new Promise((_, reject) =>
            init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          ),
        { timeoutMs: 20 },
      ),
    )
    await expect(hanging.getDeviceToken()).rejects.toMatchObject({
      code: DeviceAuthErrorCode.UNREACHABLE,
      message: 'https://mw.example/device/token: no answer within 20 ms',
    })
    const empty = httpDeviceAuth(host(async () => json(200, { expiresIn: 60 })))
    await expect(empty.getDeviceToken()).rejects.toBeInstanceOf(DeviceAuthError)
  })

  test('reads the common spellings of a token answer', () => {
    expect(readToken({ access_token: ' abc ', expires_in: '60' }, 0, 'u')).toEqual({
      token: 'abc',
      expiresAt: 60_000,
    })
    expect(readToken({ token: 'x', expiresAt: '1970-01-01T00:00:10Z' }, 0, 'u')).toEqual({
      token: 'x',
      expiresAt: 10_000,
    })
    expect(readToken({ accessToken: 'y' }, 0, 'u')).toEqual({ token: 'y' })
  })
})

describe('authorizedFetch', () => {
  /** A service that accepts only the token "good", recording what each request carried. */
  function service(header = 'authorization') {
    const seen: string[] = []
    const fetchFn = jest.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const value =
        (init?.headers as Record<string, string>)[
          header === 'authorization' ? 'Authorization' : header
        ] ?? ''
      seen.push(value)
      return new Response('{}', { status: value.endsWith('good') ? 200 : 401 })
    })
    return { fetchFn: fetchFn as typeof fetch, seen }
  }

  const tokens = (...list: string[]) => {
    let i = 0
    return {
      getDeviceToken: jest.fn(async () => ({ token: list[Math.min(i, list.length - 1)]! })),
      refresh: jest.fn(async () => ({ token: list[Math.min(++i, list.length - 1)]! })),
    }
  }

  test('sends the token as a bearer token and keeps the other headers', async () => {
    const { fetchFn, seen } = service()
    const auth = tokens('good')
    const f = authorizedFetch(fetchFn, auth, { header: 'Authorization', support: '' })
    const response = await f('https://cat.example/rails', { headers: { Accept: 'x/y' } })
    expect(response.status).toBe(200)
    expect(seen).toEqual(['Bearer good'])
    const init = (fetchFn as jest.Mock).mock.calls[0][1] as RequestInit
    expect(init.headers).toEqual({ Accept: 'x/y', Authorization: 'Bearer good' })
    expect(auth.refresh).not.toHaveBeenCalled()
  })

  test('a 401 refreshes the token once and retries once', async () => {
    const { fetchFn, seen } = service()
    const auth = tokens('old', 'good')
    const f = authorizedFetch(fetchFn, auth, { header: 'Authorization', support: '' })
    expect((await f('https://cat.example/rails')).status).toBe(200)
    expect(seen).toEqual(['Bearer old', 'Bearer good'])
    expect(auth.refresh).toHaveBeenCalledTimes(1)
  })

  test('a second 401 throws the words for the household, with the number to call', async () => {
    const { fetchFn, seen } = service()
    const f = authorizedFetch(fetchFn, tokens('old', 'older'), {
      header: 'Authorization',
      support: '0800 12 345',
    })
    await expect(f('https://cat.example/rails')).rejects.toMatchObject({
      code: DeviceAuthErrorCode.NOT_RECOGNISED,
      message: notRecognisedMessage('https://cat.example/rails', '0800 12 345'),
    })
    expect(seen).toHaveLength(2)
    expect(notRecognisedMessage('u', '0800 12 345')).toBe(
      'The operator did not recognise this box (u): restart it or call 0800 12 345.',
    )
  })

  test('an operator header carries the bare token', async () => {
    const { fetchFn, seen } = service('X-Box-Token')
    const f = authorizedFetch(fetchFn, tokens('good'), { header: 'X-Box-Token', support: '' })
    await f('https://cat.example/rails')
    expect(seen).toEqual(['good'])
  })

  test('without a DeviceAuth the fetch is left as it is', () => {
    const { fetchFn } = service()
    expect(authorizedFetch(fetchFn, null, { header: 'Authorization', support: '' })).toBe(fetchFn)
  })
})
