import type { Keymap } from './actions'

/**
 * Samsung Tizen TV remotes.
 *
 * Source: Samsung Developers, Smart TV guide "Remote Control" (key names and key codes),
 * https://developer.samsung.com/smarttv/develop/guides/user-interaction/remote-control.html, and the
 * TVInputDevice API, https://developer.samsung.com/smarttv/develop/api-references/tizen-web-device-api-references/tvinputdevice-api.html.
 * Only arrows, Enter and Back (10009) reach an app unasked; every other key below arrives only after
 * tizen.tvinputdevice.registerKey(<key name>), which start-up does (TIZEN_KEY_NAMES).
 *
 * Exit (10182) is not mapped: the TV closes the app itself. Digits are 48-57 (browser map).
 */
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
  Guide: [458],
  Search: [10225],
}

/** The Tizen key names (TVInputDevice) behind the codes above, registered at start. */
export const TIZEN_KEY_NAMES = [
  'MediaPlayPause',
  'MediaPlay',
  'MediaPause',
  'MediaStop',
  'MediaFastForward',
  'MediaRewind',
  'ChannelUp',
  'ChannelDown',
  'ColorF0Red',
  'ColorF1Green',
  'ColorF2Yellow',
  'ColorF3Blue',
  'Info',
  'Guide',
  'Search',
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
] as const
