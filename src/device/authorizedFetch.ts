import { DeviceAuthError, DeviceAuthErrorCode, type DeviceAuth } from './contract'

export interface AuthorizedFetchOptions {
  /** The header that carries the token; "Authorization" gets "Bearer <token>". */
  header: string
  /** Who to call, shown when the operator does not recognise the box. */
  support: string
  /** The words for the household, in its language; default notRecognisedMessage in English. */
  message?: (url: string) => string
}

/** The words the household reads when the box is refused twice (through the caller's error). */
export function notRecognisedMessage(url: string, support: string): string {
  const call = support ? ` or call ${support}` : ' or call your operator'
  return `The operator did not recognise this box (${url}): restart it${call}.`
}

/** The header value for a token: a bearer token for Authorization, the bare token otherwise. */
export function authHeader(header: string, token: string): string {
  return header.toLowerCase() === 'authorization' ? `Bearer ${token}` : token
}

function withHeader(init: RequestInit | undefined, name: string, value: string): RequestInit {
  const headers: Record<string, string> = {}
  const given = init?.headers
  if (given instanceof Headers) given.forEach((v, k) => (headers[k] = v))
  else if (Array.isArray(given)) for (const [k, v] of given) headers[k!] = v!
  else if (given) Object.assign(headers, given)
  headers[name] = value
  return { ...init, headers }
}

/**
 * A fetch that carries the device token. A 401 refreshes the token once and the request is sent
 * once more; a second 401 throws DeviceAuthError NOT_RECOGNISED with the words for the household,
 * which each caller shows through its own error path. Without a DeviceAuth (device.auth "none")
 * requests leave unchanged. An abort still aborts: the caller's signal is passed on as it is.
 */
export function authorizedFetch(
  fetchFn: typeof fetch,
  auth: DeviceAuth | null,
  options: AuthorizedFetchOptions,
): typeof fetch {
  if (!auth) return fetchFn
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const send = (token: string) =>
      fetchFn(input, withHeader(init, options.header, authHeader(options.header, token)))
    const first = await send((await auth.getDeviceToken()).token)
    if (first.status !== 401) return first
    const second = await send((await auth.refresh()).token)
    if (second.status !== 401) return second
    throw new DeviceAuthError(
      DeviceAuthErrorCode.NOT_RECOGNISED,
      options.message?.(url) ?? notRecognisedMessage(url, options.support),
    )
  }
}
