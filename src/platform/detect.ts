import type { PlatformName } from './keymaps'

/**
 * Guesses the platform from a user-agent string; unknown agents are treated as a browser.
 * HbbTV comes first: a TV's HbbTV browser also says Web0S or Tizen, but the app then lives under
 * the HbbTV application manager, not the TV's own app model.
 */
export function detectPlatform(userAgent: string): PlatformName {
  // ETSI TS 102 796 §7.3.2.4: "HbbTV/<version> (<capabilities>; <vendor>; <model>; ...)".
  if (/\bHbbTV\/\d/i.test(userAgent)) return 'hbbtv'
  if (/Web0S|webOS|NetCast/i.test(userAgent)) return 'webos'
  if (/Tizen/i.test(userAgent)) return 'tizen'
  // RDK boxes run WPE WebKit, which names itself "WPE" (alone or "WPE/2.38").
  if (/\bWPE\b/.test(userAgent)) return 'rdk'
  // "DeviceType/AndroidTV": Chromecast with Google TV's own browser engine (CrKey), no "wv)".
  if (/Android/i.test(userAgent) && /\bTV\b|AndroidTV|AFT|BRAVIA|SmartTV|wv\)/i.test(userAgent)) {
    return 'android'
  }
  return 'browser'
}
