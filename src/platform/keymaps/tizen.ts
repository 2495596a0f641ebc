import type { Keymap } from './actions'

/** Samsung Tizen remotes: Back is 10009, play/pause toggle 10252. */
export const tizenKeymap: Keymap = {
  Back: [10009],
  PlayPause: [10252],
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
  // Samsung's "Guide" key (458), delivered once registered with tvinputdevice.
  Guide: [458],
  /** Samsung's key list (tvinputdevice "Search"). */
  Search: [10225],
}
