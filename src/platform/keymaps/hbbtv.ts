import type { KeyAction, Keymap } from './actions'

/**
 * HbbTV terminals (TVs and boxes running the app as an HbbTV application).
 *
 * Source: ETSI TS 102 796 (HbbTV), which takes its key events from OIPF DAE Volume 5 §7.1.1 (the
 * KeyEvent VK_ constants) and CEA-2014-A Annex F, https://www.etsi.org/deliver/etsi_ts/102700_102799/102796/
 * — VK_RED 403, VK_GREEN 404, VK_YELLOW 405, VK_BLUE 406, VK_REWIND 412, VK_STOP 413, VK_PLAY 415,
 * VK_FAST_FWD 417, VK_PAUSE 19, VK_CHANNEL_UP 427, VK_CHANNEL_DOWN 428, VK_INFO 457, VK_GUIDE 458,
 * VK_BACK 461, VK_0..VK_9 48-57, VK_ENTER 13, arrows 37-40.
 *
 * The specification asks applications to use the terminal's own VK_ constants: some terminals
 * give them other values (VK_BACK 8 is common). So start-up also reads the terminal's KeyEvent
 * object (vkKeymap) and adds what it declares. VK_PLAY_PAUSE has no fixed value in CEA-2014 and is
 * only taken from the terminal. No Search key is defined for HbbTV. Keys outside the keyset the app
 * registered (hbbtv.ts in src/platform) never reach it.
 */
export const hbbtvKeymap: Keymap = {
  Back: [461],
  Play: [415],
  Pause: [19],
  Stop: [413],
  FastForward: [417],
  Rewind: [412],
  ChannelUp: [427],
  ChannelDown: [428],
  Red: [403],
  Green: [404],
  Yellow: [405],
  Blue: [406],
  Info: [457],
  Guide: [458],
}

/** The VK_ constant behind each action, as the terminal names it. */
const VK_NAMES: Partial<Record<KeyAction, string[]>> = {
  Left: ['VK_LEFT'],
  Up: ['VK_UP'],
  Right: ['VK_RIGHT'],
  Down: ['VK_DOWN'],
  Enter: ['VK_ENTER'],
  Back: ['VK_BACK'],
  PlayPause: ['VK_PLAY_PAUSE'],
  Play: ['VK_PLAY'],
  Pause: ['VK_PAUSE'],
  Stop: ['VK_STOP'],
  FastForward: ['VK_FAST_FWD'],
  Rewind: ['VK_REWIND'],
  ChannelUp: ['VK_CHANNEL_UP'],
  ChannelDown: ['VK_CHANNEL_DOWN'],
  Red: ['VK_RED'],
  Green: ['VK_GREEN'],
  Yellow: ['VK_YELLOW'],
  Blue: ['VK_BLUE'],
  Info: ['VK_INFO'],
  Guide: ['VK_GUIDE'],
  ...Object.fromEntries(Array.from({ length: 10 }, (_, n) => [`Digit${n}`, [`VK_${n}`]])),
}

/**
 * The codes a terminal declares on its KeyEvent object (or as globals), by action. A constant that
 * is missing or not a positive integer is left out; the fixed map above still applies.
 */
export function vkKeymap(constants: Record<string, unknown> | undefined): Keymap {
  const map: Keymap = {}
  if (!constants) return map
  for (const [action, names] of Object.entries(VK_NAMES) as [KeyAction, string[]][]) {
    const codes = names
      .map((name) => constants[name])
      .filter((code): code is number => Number.isInteger(code) && (code as number) > 0)
    if (codes.length) map[action] = codes
  }
  return map
}
