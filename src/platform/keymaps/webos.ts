import type { Keymap } from './actions'

/**
 * LG webOS TV remotes (Magic Remote and the conventional remote).
 *
 * Source: LG webOS TV Developer, "Magic Remote" (remote keys and keycodes),
 * https://webostv.developer.lge.com/develop/guides/magic-remote — arrows 37-40, OK 13, Back 461,
 * Red/Green/Yellow/Blue 403-406; media keys of the conventional remote: Play 415, Pause 19,
 * Fast-forward 417, Rewind 412, Stop 413. Number keys enter characters (48-57, from the browser map).
 *
 * Not documented by LG for web apps, so nothing here: Channel +/- ("N/A" for apps), Info, Guide,
 * Search and a play/pause toggle. The browser layer's codes still apply (33/34 channel, 457 Info),
 * and an operator whose remote sends other codes sets them in appSettings.keys.
 */
export const webosKeymap: Keymap = {
  Back: [461],
  Play: [415],
  Pause: [19],
  Stop: [413],
  FastForward: [417],
  Rewind: [412],
  Red: [403],
  Green: [404],
  Yellow: [405],
  Blue: [406],
}
