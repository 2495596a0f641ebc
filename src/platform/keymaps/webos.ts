import type { Keymap } from './actions'

/**
 * LG webOS remotes (Magic Remote): Back is 461. LG documents no Guide key code for web apps: the
 * guide is reached from the home top bar (or an operator's own code in appSettings.keys).
 */
export const webosKeymap: Keymap = {
  Back: [461],
  Play: [415],
  Pause: [19],
  Stop: [413],
  FastForward: [417],
  Rewind: [412],
  ChannelUp: [33],
  ChannelDown: [34],
  Red: [403],
  Green: [404],
  Yellow: [405],
  Blue: [406],
  Info: [457],
}
