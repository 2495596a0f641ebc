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

/** The text after typing `char`; unchanged when it is full (the key does nothing, no error). */
export function typeChar(value: string, char: string, options: TypingOptions): string {
  if ([...value].length >= options.maxLength) return value
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
