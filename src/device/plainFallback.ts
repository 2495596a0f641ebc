/**
 * A fetch that sends the box's token, and asks once more without it when the request got no
 * answer at all. The token's Authorization header is not a CORS-safelisted header: on another
 * origin every request then needs a preflight, and a feed exported to a CDN or a static host
 * that does not answer OPTIONS could never be read, though it answers a plain GET. Such a host
 * gets the plain request; one that needs the token still refuses it, with its own status.
 *
 * The plain request leaves out the revalidation headers too (If-None-Match, If-Modified-Since:
 * not safelisted either), so it is a simple request at once: kept, they made it fail the same
 * way, and the catalogue's own retry without them cost two more requests.
 */
export function withPlainFallback(
  authorized: typeof fetch,
  plain: typeof fetch,
  log: (message: string) => void,
): typeof fetch {
  return async (input, init) => {
    try {
      return await authorized(input, init)
    } catch (error) {
      // A refusal by the operator (DeviceAuthError) or an abort is an answer: kept as it is.
      if (!(error instanceof TypeError) || init?.signal?.aborted) throw error
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      log(
        `device: ${url} gave no answer to a request with the box's token (a CORS preflight for Authorization its host may refuse); asking again without it`,
      )
      return plain(input, { ...init, headers: simpleHeaders(init?.headers) })
    }
  }
}

const NOT_SAFELISTED = ['authorization', 'if-none-match', 'if-modified-since']

function simpleHeaders(headers: HeadersInit | undefined): Headers {
  const simple = new Headers(headers)
  for (const name of NOT_SAFELISTED) simple.delete(name)
  return simple
}
