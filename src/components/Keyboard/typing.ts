/**
 * What a key does to the text: pure, so length limits and capitals are tested without a renderer.
 */
export interface TypingOptions {
  maxLength: number
  /**
   * 'words': a letter at the start or after a space is a capital, as names are written (a remote
   * has no shift key worth the extra presses). 'none': as typed, for Search.
   */
  capitalize: 'words' | 'none'
}

function startsWord(value: string): boolean {
  return value.length === 0 || value.endsWith(' ') || value.endsWith('-')
}

/** The text holds as many characters as it may: a further key is refused (see isFull's callers). */
export function isFull(value: string, options: TypingOptions): boolean {
  return [...value].length >= options.maxLength
}

/** The text after typing `char`; unchanged when it is full. */
export function typeChar(value: string, char: string, options: TypingOptions): string {
  if (isFull(value, options)) return value
  if (char === ' ' && (value.length === 0 || value.endsWith(' '))) return value
  const shown =
    options.capitalize === 'words' && startsWord(value) ? char.toLocaleUpperCase() : char
  return value + shown
}

export function deleteLast(value: string): string {
  return [...value].slice(0, -1).join('')
}

/** Replaces the last character with `char` (an accent picked after its letter was typed). */
export function replaceLast(value: string, char: string, options: TypingOptions): string {
  return typeChar(deleteLast(value), char, { ...options, maxLength: Infinity })
}

/** What a key event carries when a keyboard is plugged into the box (or built into the remote). */
export interface TypedKey {
  key?: string
  keyCode: number
  ctrlKey?: boolean
  altKey?: boolean
  metaKey?: boolean
}

/**
 * The letter a physical keyboard's key types, accented ones included ("é" from an AZERTY
 * keyboard's top row, "ë" after its dead key); null for anything else, which stays the remote's
 * (digits, space, arrows, Back).
 * Engines of older boxes without `key` give the plain letter of its code.
 */
export function typedLetter(event: TypedKey): string | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null
  const key = event.key
  if (key !== undefined && key !== 'Unidentified') {
    // A cased letter in any script: it has an upper and a lower form.
    return [...key].length === 1 && key.toLowerCase() !== key.toUpperCase() ? key : null
  }
  return event.keyCode >= 65 && event.keyCode <= 90
    ? String.fromCharCode(event.keyCode).toLowerCase()
    : null
}

/** A control character (a keyboard's Tab or Escape can carry one as its `key` on older engines). */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0)
  return code < 0x20 || (code >= 0x7f && code <= 0x9f)
}

/**
 * What a plugged-in keyboard's key types into a name or a search: a letter (typedLetter), or the
 * punctuation and symbols names and titles hold ("Jean-Luc", "D’Hondt", "Mr. Nobody", "Tom & Jerry")
 * and the space bar. Digits stay the remote's number keys (installDigitKeys types them). The space
 * bar's code is the media Play/Pause key's on many remotes: it is told apart by its `key`, which a
 * remote's Play/Pause never gives as " ".
 */
export function typedCharacter(event: TypedKey): string | null {
  const letter = typedLetter(event)
  if (letter !== null) return letter
  if (event.ctrlKey || event.altKey || event.metaKey) return null
  const key = event.key
  if (key === undefined || [...key].length !== 1 || isControl(key)) return null
  if (key === ' ') return key
  return /\s|\d/.test(key) ? null : key
}
