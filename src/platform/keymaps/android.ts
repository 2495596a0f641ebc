import type { Keymap } from './actions'

/** Android TV / operator Android boxes in a WebView: media keys follow Android's KEYCODE_* mapped by the WebView. */
export const androidKeymap: Keymap = {
  Back: [4],
  PlayPause: [179, 85],
  Stop: [178, 86],
  FastForward: [228, 90],
  Rewind: [227, 89],
  ChannelUp: [166],
  ChannelDown: [167],
  // Chromium's WebView turns the remote's KEYCODE_SEARCH into VKEY_BROWSER_SEARCH (170) in its
  // Android key code conversion; KEYCODE_GUIDE and KEYCODE_INFO have no web key code there.
  Search: [170],
}
