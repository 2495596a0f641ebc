import type { AppConfig } from '../config/defaults'

/** Key system names as EME (and Shaka's drm.servers) know them. */
export const KEY_SYSTEMS = {
  widevine: 'com.widevine.alpha',
  playready: 'com.microsoft.playready',
  clearkey: 'org.w3.clearkey',
} as const

export interface DrmSetup {
  /** Shaka's `drm` configuration. */
  config: { servers: Record<string, string>; clearKeys: Record<string, string> }
  /** Licence request headers per key system, added by a request filter. */
  headers: Record<string, Record<string, string>>
  problems: string[]
}

/** "Name: value" lines -> { Name: value }; malformed lines are reported. */
export function parseHeaders(
  text: string,
  problems: string[],
  where: string,
): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue
    const colon = line.indexOf(':')
    const name = colon > 0 ? line.slice(0, colon).trim() : ''
    if (!/^[A-Za-z0-9-]+$/.test(name)) {
      problems.push(`${where}: "${line}" is not a "Name: value" header`)
      continue
    }
    headers[name] = line.slice(colon + 1).trim()
  }
  return headers
}

/** "kid:key,kid:key" (32 hex digits each) -> { kid: key }. */
export function parseClearKeys(text: string, problems: string[]): Record<string, string> {
  const keys: Record<string, string> = {}
  for (const pair of text.split(',')) {
    if (!pair.trim()) continue
    const match = /^\s*([0-9a-fA-F]{32})\s*:\s*([0-9a-fA-F]{32})\s*$/.exec(pair)
    if (!match) {
      problems.push(
        `player.drm.clearKeys: "${pair.trim()}" is not kidHex:keyHex (32 hex digits each)`,
      )
      continue
    }
    keys[match[1]!.toLowerCase()] = match[2]!.toLowerCase()
  }
  return keys
}

/** Key systems that take a licence server and headers from settings.json. */
export const LICENSED_SYSTEMS = ['widevine', 'playready', 'clearkey'] as const

/**
 * The operator's DRM settings as Shaka configuration. Pure. ClearKey through a licence server takes
 * the same path as Widevine and PlayReady (drm.servers plus the header request filter), which is
 * what lets a browser without those CDMs exercise it.
 */
export function drmSetup(drm: AppConfig['player']['drm']): DrmSetup {
  const problems: string[] = []
  const servers: Record<string, string> = {}
  const headers: Record<string, Record<string, string>> = {}
  for (const name of LICENSED_SYSTEMS) {
    const system = drm[name]
    if (/^https?:\/\/\S+$/.test(system.licenseUrl)) servers[KEY_SYSTEMS[name]] = system.licenseUrl
    else if (system.licenseUrl)
      problems.push(`player.drm.${name}.licenseUrl: "${system.licenseUrl}" is not an http(s) URL`)
    const parsed = parseHeaders(system.headers, problems, `player.drm.${name}.headers`)
    if (Object.keys(parsed).length) headers[KEY_SYSTEMS[name]] = parsed
  }
  const clearKeys = parseClearKeys(drm.clearKeys, problems)
  // Shaka replaces the stream's DRM info with the inline keys (a data: URI licence) whenever
  // there are some, so a configured ClearKey server would be silently ignored.
  if (Object.keys(clearKeys).length && drm.clearkey.licenseUrl) {
    problems.push(
      'player.drm.clearkey.licenseUrl: not usable together with player.drm.clearKeys, set one of them',
    )
  }
  return { config: { servers, clearKeys }, headers, problems }
}
