import type { KeyAction, Keymap } from './actions'

/**
 * The number keys: the top row (48-57) and the numeric keypad (96-105), which PC keyboards, some
 * IR bridges and remotes send; with only the first, a PIN could not be typed on those.
 */
const digits = (): Keymap =>
  Object.fromEntries(
    Array.from({ length: 10 }, (_, n) => [`Digit${n}` as KeyAction, [48 + n, 96 + n]]),
  ) as Keymap

/** Desktop browsers and most set-top boxes using W3C-ish codes. */
export const browserKeymap: Keymap = {
  Left: [37],
  Up: [38],
  Right: [39],
  Down: [40],
  Enter: [13],
  // 166: the browser-back key (VK_BROWSER_BACK) some remotes send; unmapped, Chromium left the app.
  Back: [8, 27, 166],
  Menu: [18],
  PlayPause: [250, 179, 32],
  Play: [415],
  Pause: [19],
  Stop: [178, 413],
  FastForward: [228, 417],
  Rewind: [227, 412],
  ChannelUp: [175, 33, 427],
  ChannelDown: [174, 34, 428],
  Red: [403],
  Green: [404],
  Yellow: [405],
  Blue: [406],
  Search: [191, 409],
  Info: [457],
  // VK_GUIDE of OIPF/HbbTV (CEA-2014), which operator browsers and many boxes send.
  Guide: [458],
  ...digits(),
}
