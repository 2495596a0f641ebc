import type { PlatformName } from './keymaps'

/** Guesses the platform from a user-agent string; unknown agents are treated as a browser. */
export function detectPlatform(userAgent: string): PlatformName {
  if (/Web0S|webOS|NetCast/i.test(userAgent)) return 'webos'
  if (/Tizen/i.test(userAgent)) return 'tizen'
  // "DeviceType/AndroidTV": Chromecast with Google TV's own browser engine (CrKey), no "wv)".
  if (/Android/i.test(userAgent) && /\bTV\b|AndroidTV|AFT|BRAVIA|SmartTV|wv\)/i.test(userAgent)) {
    return 'android'
  }
  return 'browser'
}
