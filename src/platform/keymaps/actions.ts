/**
 * Every action the app understands from a remote. Handlers are named `_handle<Action>`. A list
 * as well as a type: an operator's `appSettings.keys` is checked against it at start.
 */
export const KEY_ACTIONS = [
  'Left',
  'Right',
  'Up',
  'Down',
  'Enter',
  'Back',
  'Menu',
  'PlayPause',
  'Play',
  'Pause',
  'Stop',
  'FastForward',
  'Rewind',
  'ChannelUp',
  'ChannelDown',
  'Red',
  'Green',
  'Yellow',
  'Blue',
  'Search',
  'Info',
  'Guide',
  'Digit0',
  'Digit1',
  'Digit2',
  'Digit3',
  'Digit4',
  'Digit5',
  'Digit6',
  'Digit7',
  'Digit8',
  'Digit9',
] as const

export type KeyAction = (typeof KEY_ACTIONS)[number]

export const isKeyAction = (name: string): name is KeyAction =>
  (KEY_ACTIONS as readonly string[]).includes(name)

/** A keymap: action name -> every key code that triggers it. */
export type Keymap = Partial<Record<KeyAction, number[]>>
