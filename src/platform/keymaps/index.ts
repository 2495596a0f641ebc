import type { Keymap } from './actions'
import { androidKeymap } from './android'
import { browserKeymap } from './browser'
import { hbbtvKeymap } from './hbbtv'
import { rdkKeymap } from './rdk'
import { tizenKeymap } from './tizen'
import { webosKeymap } from './webos'

export type { KeyAction, Keymap } from './actions'
export { KEY_ACTIONS, isKeyAction } from './actions'
export type PlatformName = 'browser' | 'webos' | 'tizen' | 'android' | 'rdk' | 'hbbtv'
export const PLATFORM_NAMES: readonly PlatformName[] = [
  'browser',
  'webos',
  'tizen',
  'android',
  'rdk',
  'hbbtv',
]

/** Platform keymaps are layered over the browser map, which every platform also sends. */
export const PLATFORM_KEYMAPS: Record<PlatformName, Keymap> = {
  browser: {},
  webos: webosKeymap,
  tizen: tizenKeymap,
  android: androidKeymap,
  rdk: rdkKeymap,
  hbbtv: hbbtvKeymap,
}

export { browserKeymap }
