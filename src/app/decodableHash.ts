/**
 * A location hash the SDK's Router can read. It decodes every hash with decodeURIComponent and
 * does not catch what that throws, so a deep link such as `#%%%zz` (a stray percent sign, or a
 * byte that is not UTF-8) left a blank screen. Such a hash loses the percent signs that do not
 * decode, and reaches the not-found page like any unknown route. (Escaping them as `%25` instead
 * left the Router's queue keyed by another spelling of the hash, and the next link failed.)
 * Returns null when the hash is fine as it is.
 */
export function decodableHash(hash: string): string | null {
  if (decodes(hash)) return null
  const body = hash.startsWith('#') ? hash.slice(1) : hash
  const stray = body.replace(/%(?![0-9a-fA-F]{2})/g, '')
  return `#${decodes(stray) ? stray : body.replace(/%/g, '')}`
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
