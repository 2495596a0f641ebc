import { theme } from '../theme'
import { hashId } from '../../catalogue/stableHash'

/**
 * Artwork decisions shared by tiles, the billboard and the details backdrop, kept free of the
 * renderer so they can be tested with plain values. Feeds often give no poster at all (only a 16:9
 * thumbnail) and any URL may fail, so every place that draws artwork must know what it asked for
 * and what to draw when nothing arrives.
 */

export type ArtworkShape = 'portrait' | 'landscape'

/** An image to request, with the shape the catalogue says it has. */
export interface ArtworkRef {
  src: string
  shape: ArtworkShape
}

export interface ArtworkUrls {
  poster?: string
  backdrop?: string
}

const usable = (url: string | undefined): url is string =>
  typeof url === 'string' && url.trim() !== ''

/** A tile wants a real poster; a 16:9 image stands in for one (and is framed as such). */
export function tileArtwork(artwork: ArtworkUrls): ArtworkRef | undefined {
  if (usable(artwork.poster)) return { src: artwork.poster, shape: 'portrait' }
  if (usable(artwork.backdrop)) return { src: artwork.backdrop, shape: 'landscape' }
  return undefined
}

/** A billboard wants a wide image; a poster alone is shown as key art, never stretched to 16:9. */
export function billboardArtwork(artwork: ArtworkUrls): ArtworkRef | undefined {
  if (usable(artwork.backdrop)) return { src: artwork.backdrop, shape: 'landscape' }
  if (usable(artwork.poster)) return { src: artwork.poster, shape: 'portrait' }
  return undefined
}

/**
 * Above this width/height ratio an image is framed as landscape. Feeds mislabel images, so once
 * the image has loaded its real proportions decide; near-square images still crop well as posters.
 */
const LANDSCAPE_RATIO = 1.1

export function shapeOf(declared: ArtworkShape, width: number, height: number): ArtworkShape {
  if (!(width > 0) || !(height > 0)) return declared
  return width / height > LANDSCAPE_RATIO ? 'landscape' : 'portrait'
}

/**
 * Where a piece of artwork stands. `loading` and `image` carry the shape to frame with; `card`
 * means the generated card is drawn instead (no URL, or the image failed).
 */
export type ArtworkState =
  | { mode: 'loading'; shape: ArtworkShape }
  | { mode: 'image'; shape: ArtworkShape }
  | { mode: 'card' }

export type ArtworkEvent = { type: 'loaded'; width: number; height: number } | { type: 'failed' }

export function initialArtwork(ref: ArtworkRef | undefined): ArtworkState {
  return ref ? { mode: 'loading', shape: ref.shape } : { mode: 'card' }
}

/**
 * The next state after the renderer reports on the image. A failure is final for this model: the
 * card stays until a new model arrives (no retry, so a dead host costs one request per tile).
 * Reports that do not fit the state (a late load after a failure) change nothing.
 */
export function nextArtwork(state: ArtworkState, event: ArtworkEvent): ArtworkState {
  if (state.mode === 'card') return state
  if (event.type === 'failed') return { mode: 'card' }
  return { mode: 'image', shape: shapeOf(state.shape, event.width, event.height) }
}

/** True when a transition means the artwork has just been settled, for the "drawn" counters. */
export function settledBy(before: ArtworkState, after: ArtworkState): 'loaded' | 'failed' | null {
  if (before.mode !== 'loading') return null
  if (after.mode === 'image') return 'loaded'
  if (after.mode === 'card') return 'failed'
  return null
}

/**
 * Saturated hues, never drawn as they are: `cardColor` mixes them into the theme's surface so every
 * card stays a dark, muted tone under light text, whatever the hue.
 */
const CARD_HUES = [
  0xff2f6fd6, // blue
  0xff12a19a, // teal
  0xff3e9d4f, // green
  0xffc9364f, // crimson
  0xff7c4fd6, // violet
  0xffc77a12, // amber
  0xffc23f8c, // magenta
  0xff2b93c4, // sky
] as const

/** How much of the hue goes into the surface colour. */
const HUE_WEIGHT = 0.5

/** Linear mix of two ARGB colours; `t` 0 gives `a`, 1 gives `b`. Alpha is taken from `a`. */
export function mixColor(a: number, b: number, t: number): number {
  const channel = (shift: number) => {
    const from = (a >>> shift) & 0xff
    const to = (b >>> shift) & 0xff
    return Math.round(from + (to - from) * t) & 0xff
  }
  return ((((a >>> 24) & 0xff) << 24) | (channel(16) << 16) | (channel(8) << 8) | channel(0)) >>> 0
}

/** The card colour of a title: the same id always gets the same colour, on every box. */
export function cardColor(id: string): number {
  const hue = CARD_HUES[hashId(id) % CARD_HUES.length]!
  return mixColor(theme.colors.surface, hue, HUE_WEIGHT)
}

/** Every colour `cardColor` can return (for contrast checks). */
export function cardColors(): number[] {
  return CARD_HUES.map((hue) => mixColor(theme.colors.surface, hue, HUE_WEIGHT))
}

/**
 * A four-corner gradient from a card colour: lit from the top right, sinking into the app
 * background at the bottom left, so it reads as lighting rather than a flat fill.
 */
export function cardGradient(color: number): {
  colorUl: number
  colorUr: number
  colorBl: number
  colorBr: number
} {
  return {
    colorUl: color,
    colorUr: mixColor(color, theme.colors.text, 0.12),
    colorBl: mixColor(color, theme.colors.background, 0.55),
    colorBr: mixColor(color, theme.colors.background, 0.3),
  }
}
