import type { Keymap } from './actions'
import { androidKeymap } from './android'
import { browserKeymap } from './browser'
import { tizenKeymap } from './tizen'
import { webosKeymap } from './webos'

export type { KeyAction, Keymap } from './actions'
export { KEY_ACTIONS, isKeyAction } from './actions'
export type PlatformName = 'browser' | 'webos' | 'tizen' | 'android'

/** Platform keymaps are layered over the browser map, which every platform also sends. */
export const PLATFORM_KEYMAPS: Record<PlatformName, Keymap> = {
  browser: {},
  webos: webosKeymap,
  tizen: tizenKeymap,
  android: androidKeymap,
}

export { browserKeymap }
