/**
 * Service and feed URLs are absolute (`https://...`) or relative to the app's page. An operator
 * who writes `cms.operator.be/belgica/v1/` means a host, but a browser reads it as a path on the
 * app's own server, and `localhost:4000/feed.json` as a URL of scheme "localhost:": either fails
 * every request with an error that names neither. Said at start, with the fix.
 */

/** Last labels that end a file name rather than a host ("feed.json/..." is a folder, not a host). */
const FILE_ENDINGS = new Set([
  'json',
  'xml',
  'rss',
  'atom',
  'gz',
  'txt',
  'php',
  'asp',
  'aspx',
  'cgi',
  'jsp',
  'html',
  'htm',
])

const SCHEME = /^([a-z][a-z0-9+.-]*):/i
const HOST_FIRST = /^((?:[a-z0-9-]+\.)+([a-z]{2,63}))(:\d+)?(?:\/|$)/i

/** Why `url` cannot be what the operator meant, or undefined when it reads as a URL should. */
export function urlShapeProblem(url: string): string | undefined {
  const written = url.trim()
  const scheme = SCHEME.exec(written)?.[1]?.toLowerCase()
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    // "localhost:4000/x" and "cms.be:8443/x" read as the scheme "localhost:" or "cms.be:".
    const hostWithPort = /^[a-z0-9.-]+:\d+(\/|$)/i.test(written)
    return hostWithPort
      ? `"${written}" has no scheme, so it reads as a URL of scheme "${scheme}:": write http://${written} or https://${written}`
      : `expected an http:// or https:// URL (or a path beside the app), got the scheme "${scheme}:"`
  }
  if (scheme) return undefined
  const host = HOST_FIRST.exec(written)
  if (host && !FILE_ENDINGS.has(host[2]!.toLowerCase()) && (host[3] || written.includes('/'))) {
    return `"${written}" has no scheme, so it reads as a path on the app's own server: write https://${written}`
  }
  return undefined
}
