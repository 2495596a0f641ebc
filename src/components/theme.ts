/**
 * Design tokens. Components style themselves from these; an operator's palette and font arrive at
 * start-up, before any template is built (src/brand/brandTheme.ts, from appSettings.brand).
 */
export const theme = {
  font: 'sans-serif',
  colors: {
    background: 0xff0b0f14,
    surface: 0xff18202a,
    surfaceFocused: 0xfff4f4f4,
    text: 0xfff4f4f4,
    /** Titles and body text straight on the background: white here, the brand's text colour. */
    onBackground: 0xffffffff,
    /** Text on a panel (dialogs, overlays, cards): white here, the brand's text colour. */
    onSurface: 0xffffffff,
    /** An unfocused button: a light veil over the dark background here, the brand's surface. */
    buttonSurface: 0x33ffffff,
    /** The guide: a programme on air now, and the focused row's channel cell. */
    surfaceLive: 0xff26313e,
    surfaceSelected: 0xff2b3744,
    /** Secondary text on the focus colour (a focused episode's synopsis). */
    textDimOnFocus: 0xff3a4350,
    textDim: 0xffa9b3bf,
    textOnFocus: 0xff0b0f14,
    accent: 0xffffc83d,
    danger: 0xffe5484d,
    scrim: 0xcc000000,
    free: 0xff2e9e5b,
    subscription: 0xff5b6cff,
    rental: 0xffe08a1e,
    ads: 0xff7d8794,
  },
  safe: { x: 96, y: 60 },
  duration: { focus: 0.18, scroll: 0.28, fade: 0.3 },
}

/** The stage's width inside the safe area's margins: a full-width row, line or banner. */
export const SAFE_WIDTH = 1920 - 2 * theme.safe.x

/** A text element's template in the app's font: `...textStyle(28, { maxLines: 2 })`. */
export function textStyle(fontSize: number, extra: Record<string, unknown> = {}) {
  return { text: { text: '', fontFace: theme.font, fontSize, ...extra } }
}

/**
 * The opaque full-screen backdrop every screen draws under its content. `color` is read when a
 * template spreads this, so a palette applied at start (high contrast) reaches every screen.
 */
export const screenBackground = {
  w: 1920,
  h: 1080,
  rect: true,
  get color() {
    return theme.colors.background
  },
}

/** `argb` with its alpha replaced: a scrim in the background's own colour. */
export const withAlpha = (argb: number, alpha: number): number =>
  ((argb & 0x00ffffff) | ((alpha & 255) << 24)) >>> 0
