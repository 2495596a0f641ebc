import type { theme as Theme } from '../components/theme'

type Colors = (typeof Theme)['colors']

/**
 * The high-contrast palette: pure black and white, focus and highlights in yellow, offer colours
 * darkened so white badge text stays readable (each at least 4.5:1 against its text, WCAG AA).
 */
export const HIGH_CONTRAST: Colors = {
  background: 0xff000000,
  surface: 0xff000000,
  surfaceFocused: 0xffffffff,
  text: 0xffffffff,
  onBackground: 0xffffffff,
  onSurface: 0xffffffff,
  buttonSurface: 0x33ffffff,
  surfaceLive: 0xff26313e,
  surfaceSelected: 0xff2b3744,
  textDimOnFocus: 0xff3a4350,
  textDim: 0xffe6e6e6,
  textOnFocus: 0xff000000,
  accent: 0xffffff00,
  danger: 0xffff6b6b,
  scrim: 0xf0000000,
  free: 0xff006b2e,
  subscription: 0xff2f3fd6,
  rental: 0xff8a4b00,
  ads: 0xff3d444d,
}

/**
 * Puts the palette into the theme's colour tokens. Templates read the tokens when they are built,
 * so this runs at start, before the first screen (a change in Settings restarts the app).
 */
export function applyHighContrast(theme: { colors: Colors }): void {
  Object.assign(theme.colors, HIGH_CONTRAST)
}
