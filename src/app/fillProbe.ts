import type { Lightning } from '@lightningjs/sdk'

/** A quad as drawn on screen: its top left and size in stage pixels, transform applied. */
export interface DrawnQuad {
  x: number
  y: number
  w: number
  h: number
}

/**
 * How many screens' worth of pixels a frame draws: the quads' areas clipped to the screen, summed,
 * over the screen's area. Overlaps count as often as they are drawn, which is what a GPU fills:
 * 1.0 is one layer over the whole screen.
 */
export function screensFilled(quads: Iterable<DrawnQuad>, width: number, height: number): number {
  let pixels = 0
  for (const quad of quads) {
    const w = Math.min(width, quad.x + quad.w) - Math.max(0, quad.x)
    const h = Math.min(height, quad.y + quad.h) - Math.max(0, quad.y)
    if (w > 0 && h > 0) pixels += w * h
  }
  return pixels / (width * height)
}

interface QuadCore {
  _element: { renderWidth: number; renderHeight: number }
  _worldContext: { px: number; py: number; ta: number; td: number }
}

/**
 * The quads Lightning drew in its last frame (its render state's list, Lightning 2 internals:
 * diagnostics and the benchmark only). Rotation is ignored: the app rotates nothing.
 */
export function lastFrameQuads(stage: Lightning.Stage): DrawnQuad[] {
  const state = (
    stage as unknown as { ctx?: { renderState?: { quads?: { quadElements?: QuadCore[] } } } }
  ).ctx?.renderState?.quads?.quadElements
  return (state ?? []).map(({ _element: element, _worldContext: world }) => ({
    x: world.px,
    y: world.py,
    w: element.renderWidth * Math.abs(world.ta),
    h: element.renderHeight * Math.abs(world.td),
  }))
}
