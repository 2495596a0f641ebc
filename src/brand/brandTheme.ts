import type { AppConfig } from '../config/defaults'

/** The design tokens a brand may change (src/components/theme.ts `theme`). */
export interface BrandableTheme {
  font: string
  colors: {
    accent: number
    background: number
    surface: number
    text: number
    textDim: number
    textOnFocus: number
    surfaceFocused: number
    onBackground: number
    onSurface: number
    buttonSurface: number
    surfaceLive: number
    surfaceSelected: number
    textDimOnFocus: number
  }
}

const channels = (argb: number) => [(argb >>> 16) & 255, (argb >>> 8) & 255, argb & 255] as const
/** Relative luminance, near enough to pick the readable one of two colours. */
const luminance = (argb: number) => {
  const [r, g, b] = channels(argb)
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
}
/** `a` moved `share` of the way to `b`, opaque. */
const blend = (a: number, b: number, share: number) => {
  const [ar, ag, ab] = channels(a)
  const [br, bg, bb] = channels(b)
  const mix = (x: number, y: number) => Math.round(x + (y - x) * share)
  return (0xff000000 | (mix(ar, br) << 16) | (mix(ag, bg) << 8) | mix(ab, bb)) >>> 0
}

/**
 * Lightning writes a fontFace without spaces into the canvas font as it is, so a family and its
 * fallback can be one string: "Inter,sans-serif". A name with spaces would be quoted whole, so the
 * family is registered under its name without spaces (fontFaces below uses the same).
 */
export const fontFamilyId = (family: string): string => family.replace(/[^\w-]/g, '')

/**
 * Puts the operator's colours and font into the theme. Called at start before any component is
 * built: templates read the tokens when they are made. Keys left at their defaults change nothing,
 * so the built-in look stays exactly as it is.
 */
export function applyBrandTheme(theme: BrandableTheme, brand: AppConfig['brand']): void {
  const { colors } = brand
  const defaultText = theme.colors.text
  const defaultBackground = theme.colors.background
  theme.colors.accent = Number(colors.accent)
  theme.colors.background = Number(colors.background)
  theme.colors.surface = Number(colors.surface)
  theme.colors.text = Number(colors.text)
  theme.colors.surfaceFocused = Number(colors.focus)
  // Text on the focused tile: whichever of text and background reads on the focus colour (the
  // built-in palette's light focus keeps its dark text).
  const [dark, light] = [theme.colors.text, theme.colors.background].sort(
    (a, b) => luminance(a) - luminance(b),
  )
  theme.colors.textOnFocus = luminance(theme.colors.surfaceFocused) > 0.5 ? dark! : light!
  // Secondary text between text and background, only for a palette of the operator's own: the
  // built-in grey is kept as it is.
  if (theme.colors.text !== defaultText || theme.colors.background !== defaultBackground) {
    theme.colors.textDim = blend(theme.colors.text, theme.colors.background, 0.35)
    theme.colors.onBackground = theme.colors.text
    theme.colors.onSurface = theme.colors.text
    // The built-in white veil disappears on a light background: buttons take the surface.
    theme.colors.buttonSurface = theme.colors.surface
    // The built-in dark greys, drawn from the operator's surface and text instead.
    theme.colors.surfaceLive = blend(theme.colors.surface, theme.colors.text, 0.1)
    theme.colors.surfaceSelected = blend(theme.colors.surface, theme.colors.text, 0.16)
    theme.colors.textDimOnFocus = blend(theme.colors.textOnFocus, theme.colors.surfaceFocused, 0.3)
  }
  const family = fontFamilyId(brand.font.family)
  if (family && brand.font.regular) theme.font = `${family},sans-serif`
}

export interface FontFaceSpec {
  family: string
  url: string
  descriptors: { weight: string }
}

/** The fonts to load through the SDK (App.getFonts): none unless the brand names one. */
export function brandFontFaces(
  font: AppConfig['brand']['font'],
  asset: (path: string) => string,
): FontFaceSpec[] {
  const family = fontFamilyId(font.family)
  if (!family || !font.regular) return []
  const faces = [{ family, url: asset(font.regular), descriptors: { weight: '400' } }]
  if (font.bold) faces.push({ family, url: asset(font.bold), descriptors: { weight: '700' } })
  return faces
}

interface FontHost {
  FontFace?: new (
    family: string,
    source: string,
    descriptors: object,
  ) => {
    load(): Promise<unknown>
  }
  document?: { fonts?: { add(face: unknown): void } }
}

/**
 * The SDK's own loader rejects when one font fails and the app is then never drawn; this one
 * (platformSettings.fontLoader) adds each face that loads and reports the others, so a missing
 * or broken font file leaves the sans-serif fallback instead of a black screen.
 */
export function tolerantFontLoader(host: FontHost, onFailure: (url: string) => void) {
  return (fonts: FontFaceSpec[], store: unknown[]): Promise<void> =>
    Promise.all(
      fonts.map((spec) => {
        if (!host.FontFace || !host.document?.fonts) return Promise.resolve(onFailure(spec.url))
        const face = new host.FontFace(spec.family, `url(${spec.url})`, spec.descriptors)
        return face.load().then(
          () => {
            host.document!.fonts!.add(face)
            store.push(face)
          },
          () => onFailure(spec.url),
        )
      }),
    ).then(() => undefined)
}
