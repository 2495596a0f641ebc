/** Every action the app understands from a remote. Handlers are named `_handle<Action>`. */
export type KeyAction =
  | 'Left'
  | 'Right'
  | 'Up'
  | 'Down'
  | 'Enter'
  | 'Back'
  | 'Menu'
  | 'PlayPause'
  | 'Play'
  | 'Pause'
  | 'Stop'
  | 'FastForward'
  | 'Rewind'
  | 'ChannelUp'
  | 'ChannelDown'
  | 'Red'
  | 'Green'
  | 'Yellow'
  | 'Blue'
  | 'Search'
  | 'Info'
  | 'Guide'
  | `Digit${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`

/** A keymap: action name -> every key code that triggers it. */
export type Keymap = Partial<Record<KeyAction, number[]>>
