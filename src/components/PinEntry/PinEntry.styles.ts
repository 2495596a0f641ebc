import { theme } from '../theme'

export const PAD = { keyW: 124, keyH: 76, gap: 14, columns: 3 }
export const BOXES = { w: 72, h: 88, gap: 20, dot: 22 }
/** Between the boxes and the number pad. */
export const PAD_TOP = BOXES.h + 40

export interface PadKeyStyle {
  background: number
  text: number
  scale: number
}

/** OK carries the accent so it is found fast; delete is tinted apart from the digits. */
export function padKeyStyle(kind: 'digit' | 'delete' | 'ok', focused: boolean): PadKeyStyle {
  if (focused) {
    return { background: theme.colors.surfaceFocused, text: theme.colors.textOnFocus, scale: 1.1 }
  }
  if (kind === 'ok')
    return { background: theme.colors.accent, text: theme.colors.textOnFocus, scale: 1 }
  return {
    background: kind === 'digit' ? 0x33ffffff : 0x22ffffff,
    text: theme.colors.text,
    scale: 1,
  }
}

/** The box the next digit goes into is outlined in the accent; filled boxes show a dot. */
export function boxStyle(filled: boolean, next: boolean): { border: number; dotAlpha: number } {
  return { border: next ? theme.colors.accent : 0x55ffffff, dotAlpha: filled ? 1 : 0 }
}

export function boxesWidth(count: number): number {
  return count * BOXES.w + (count - 1) * BOXES.gap
}

export const PAD_WIDTH = PAD.columns * PAD.keyW + (PAD.columns - 1) * PAD.gap
