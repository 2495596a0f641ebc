/**
 * A location hash the SDK's Router can read. It decodes every hash with decodeURIComponent and
 * does not catch what that throws, so a deep link such as `#%%%zz` (a stray percent sign, or a
 * byte that is not UTF-8) left a blank screen. Such a hash has its percent signs escaped, so it
 * reads as the text that was typed and reaches the not-found page like any unknown route.
 * Returns null when the hash is fine as it is.
 */
export function decodableHash(hash: string): string | null {
  try {
    decodeURIComponent(hash)
    return null
  } catch {
    const body = hash.startsWith('#') ? hash.slice(1) : hash
    return `#${body.replace(/%/g, '%25')}`
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
