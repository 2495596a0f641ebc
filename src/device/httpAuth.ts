import {
  DeviceAuthError,
  DeviceAuthErrorCode,
  type DeviceAuth,
  type DeviceAuthFactory,
  type DeviceToken,
} from './contract'

/**
 * Tokens from the operator's middleware (docs/device-auth-api): POST <url> with the device id,
 * answered with { token, expiresIn? | expiresAt? }. The token is kept in memory only (a restart
 * asks again) and asked again a little before it expires. Concurrent callers share one request.
 */
export const httpDeviceAuth: DeviceAuthFactory = (host): DeviceAuth => {
  let current: DeviceToken | null = null
  let pending: Promise<DeviceToken> | null = null
  // Asked again this long before the stated expiry, so a request does not leave with a token
  // that expires on the way.
  const MARGIN_MS = 30_000

  const ask = (): Promise<DeviceToken> =>
    (pending ??= request().then(
      (token) => {
        current = token
        pending = null
        return token
      },
      (error: unknown) => {
        pending = null
        throw error
      },
    ))

  async function request(): Promise<DeviceToken> {
    const { url, timeoutMs } = host.settings
    if (!url) throw new DeviceAuthError(DeviceAuthErrorCode.REFUSED, 'device.url is not set')
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    let response: Response
    try {
      response = await host.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          deviceId: host.deviceId,
          appVersion: host.app.version,
          platform: host.app.platform,
        }),
        signal: controller.signal,
        cache: 'no-store',
      })
    } catch (error) {
      throw new DeviceAuthError(
        DeviceAuthErrorCode.UNREACHABLE,
        controller.signal.aborted
          ? `${url}: no answer within ${timeoutMs} ms`
          : `${url}: ${String(error)}`,
      )
    } finally {
      clearTimeout(timer)
    }
    if (!response.ok) {
      throw new DeviceAuthError(DeviceAuthErrorCode.REFUSED, `${url} answered ${response.status}`)
    }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      throw new DeviceAuthError(DeviceAuthErrorCode.REFUSED, `${url}: the answer is not JSON`)
    }
    return readToken(body, host.wallClock(), url)
  }

  return {
    getDeviceToken: () => {
      const fresh =
        current &&
        (current.expiresAt === undefined || current.expiresAt - MARGIN_MS > host.wallClock())
      return fresh ? Promise.resolve(current!) : ask()
    },
    refresh: () => {
      current = null
      return ask()
    },
  }
}

/** Tolerant read of the middleware's answer: expiresIn (seconds) or expiresAt (ms or ISO date). */
export function readToken(body: unknown, now: number, url: string): DeviceToken {
  const record = (body ?? {}) as Record<string, unknown>
  const token = record.token ?? record.accessToken ?? record.access_token
  if (typeof token !== 'string' || !token.trim()) {
    throw new DeviceAuthError(DeviceAuthErrorCode.REFUSED, `${url}: the answer has no token`)
  }
  const expiresIn = Number(record.expiresIn ?? record.expires_in)
  let expiresAt: number | undefined
  if (Number.isFinite(expiresIn) && expiresIn > 0) expiresAt = now + expiresIn * 1000
  else if (typeof record.expiresAt === 'number') expiresAt = record.expiresAt
  else if (typeof record.expiresAt === 'string' && !Number.isNaN(Date.parse(record.expiresAt))) {
    expiresAt = Date.parse(record.expiresAt)
  }
  return expiresAt === undefined ? { token: token.trim() } : { token: token.trim(), expiresAt }
}
