import type { Keymap } from './actions'

/**
 * RDK set-top boxes running the app in WPE WebKit (Comcast, Sky, Liberty Global / Virgin Media
 * and other RDK operators).
 *
 * Source: RDK publishes no web key code table of its own; the codes RDK web apps receive are those
 * of the Lightning SDK's default keymap, written for these boxes (@lightningjs/sdk,
 * src/Application/index.js, https://github.com/rdkcentral/Lightning-SDK/blob/master/src/Application/index.js):
 * 8 Back, 13 Enter, 27 Menu, 37-40 arrows, 174 ChannelDown, 175 ChannelUp, 178 Stop,
 * 250 PlayPause, 409 Search. WPE otherwise sends W3C keyCodes (the browser map: digits 48-57).
 *
 * Not documented for RDK web apps, so nothing here: colour keys, Info, Guide, separate Play and
 * Pause, rewind and fast-forward. They depend on each operator's remote and its RDK key mapping:
 * the operator declares them in appSettings.keys.
 */
export const rdkKeymap: Keymap = {
  Back: [8],
  Menu: [27],
  ChannelUp: [175],
  ChannelDown: [174],
  Stop: [178],
  PlayPause: [250],
  Search: [409],
}
