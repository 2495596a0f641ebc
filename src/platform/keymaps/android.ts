import type { Keymap } from './actions'

/**
 * Android TV boxes running the app in a WebView (the operator's host app).
 *
 * Source: the key codes are those Chromium's WebView gives the page for Android KeyEvent codes
 * (android.view.KeyEvent, https://developer.android.com/reference/android/view/KeyEvent), converted
 * by KeyboardCodeFromAndroidKeyCode in Chromium's ui/events/keycodes/keyboard_code_conversion_android.cc
 * (https://source.chromium.org/chromium/chromium/src/+/main:ui/events/keycodes/keyboard_code_conversion_android.cc):
 * KEYCODE_BACK -> 166 (VKEY_BROWSER_BACK), MEDIA_PLAY, MEDIA_PAUSE and MEDIA_PLAY_PAUSE -> 179,
 * MEDIA_STOP -> 178, MEDIA_REWIND -> 227, MEDIA_FAST_FORWARD -> 228, CHANNEL_UP -> 33 (VKEY_PRIOR),
 * CHANNEL_DOWN -> 34 (VKEY_NEXT), digits -> 48-57 (browser map).
 *
 * No key code at all (keyCode 0; only KeyboardEvent.key "ColorF0Red", "Info", "Guide",
 * "BrowserSearch"): PROG_RED/GREEN/YELLOW/BLUE, INFO, GUIDE and SEARCH. A host that wants them
 * forwards them with codes of its choosing, declared in appSettings.keys (docs/platforms.md).
 * Back reaches the page only if the host does not consume it in onBackPressed.
 */
export const androidKeymap: Keymap = {
  Back: [166],
  PlayPause: [179],
  Stop: [178],
  FastForward: [228],
  Rewind: [227],
  ChannelUp: [33],
  ChannelDown: [34],
}
