import { theme } from '../theme'
import type { KeyGeometry, KeySpec } from './layouts'

export const KEY_GEOMETRY: KeyGeometry = { unit: 84, height: 72, gap: 12 }

export interface KeyStyle {
  background: number
  text: number
  scale: number
  fontSize: number
}

/** Action keys are tinted apart from letters, and 'done' carries the accent, so OK is found fast. */
export function keyStyle(kind: KeySpec['kind'], focused: boolean): KeyStyle {
  const fontSize = kind === 'char' ? 34 : 26
  if (focused) {
    return {
      background: theme.colors.surfaceFocused,
      text: theme.colors.textOnFocus,
      scale: 1.1,
      fontSize,
    }
  }
  const background =
    kind === 'done' ? theme.colors.accent : kind === 'char' ? 0x33ffffff : 0x22ffffff
  const text = kind === 'done' ? theme.colors.textOnFocus : theme.colors.text
  return { background, text, scale: 1, fontSize }
}
