/**
 * A location hash the SDK's Router can read. It decodes every hash with decodeURIComponent and
 * does not catch what that throws, so a deep link such as `#%%%zz` (a stray percent sign, or a
 * byte that is not UTF-8) left a blank screen. Such a hash loses the percent signs that do not
 * decode, and reaches the not-found page like any unknown route. (Escaping them as `%25` instead
 * left the Router's queue keyed by another spelling of the hash, and the next link failed.)
 * Returns null when the hash is fine as it is.
 */
export function decodableHash(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash
  let mended = body
  if (!decodes(body)) {
    const stray = body.replace(/%(?![0-9a-fA-F]{2})/g, '')
    mended = decodes(stray) ? stray : body.replace(/%/g, '')
  }
  mended = mended.replace(OUTSIDE_ROUTER_PARTS, escape)
  return mended === body ? null : `#${mended}`
}

/**
 * Characters the Router's parameter reading stops at (its parts are `[\w%\s:.-]`, split by `/`,
 * with `?&=` for a query) that browsers leave as typed in a hash: `#search/aujourd'hui` searched
 * "aujourd". Written as percent escapes, the Router decodes them back. `*` is left: it is the
 * Router's own not-found route, and escaping it there stopped every unknown link.
 */
const OUTSIDE_ROUTER_PARTS = /[^\w%\s:.\-/?&=*]/g

function escape(char: string): string {
  const code = char.charCodeAt(0)
  return code < 0x80
    ? `%${code.toString(16).toUpperCase().padStart(2, '0')}`
    : encodeURIComponent(char)
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text)
    return true
  } catch {
    return false
  }
}

/** Puts a hash the Router cannot read right in place (no new history entry, no hashchange). */
export function mendLocationHash(
  location: Pick<Location, 'hash'>,
  history: Pick<History, 'replaceState' | 'state'>,
): void {
  const mended = decodableHash(location.hash)
  if (mended !== null) history.replaceState(history.state, '', mended)
}

/** A hash as the household typed it, for the not-found page: decoded where it decodes. */
export function readableHash(hash: string): string {
  try {
    return decodeURIComponent(hash)
  } catch {
    return hash
  }
}
