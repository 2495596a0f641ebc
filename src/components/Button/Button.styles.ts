import { theme } from '../theme'

export function buttonStyle(focused: boolean): { background: number; text: number; scale: number } {
  return focused
    ? { background: theme.colors.surfaceFocused, text: theme.colors.textOnFocus, scale: 1.06 }
    : { background: theme.colors.buttonSurface, text: theme.colors.text, scale: 1 }
}
