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

/** The operator's DRM settings as Shaka configuration. Pure. */
export function drmSetup(drm: AppConfig['player']['drm']): DrmSetup {
  const problems: string[] = []
  const servers: Record<string, string> = {}
  const headers: Record<string, Record<string, string>> = {}
  for (const name of ['widevine', 'playready'] as const) {
    const system = drm[name]
    if (system.licenseUrl) servers[KEY_SYSTEMS[name]] = system.licenseUrl
    const parsed = parseHeaders(system.headers, problems, `player.drm.${name}.headers`)
    if (Object.keys(parsed).length) headers[KEY_SYSTEMS[name]] = parsed
  }
  return {
    config: { servers, clearKeys: parseClearKeys(drm.clearKeys, problems) },
    headers,
    problems,
  }
}
