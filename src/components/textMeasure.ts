/**
 * Measures text the way Lightning's text textures will draw it, on a small 2D canvas of its own
 * (the stage's canvas is WebGL). Created on first use: most screens never measure anything.
 */
let measuring: CanvasRenderingContext2D | null | undefined

/** The width in pixels of `text` in `fontFace` at `fontSize`, bold or not; 0 where no canvas is. */
export function textWidth(text: string, fontFace: string, fontSize: number, bold = false): number {
  measuring ??= document.createElement('canvas').getContext('2d')
  if (!measuring) return 0
  // Quoted where it has a space, as Lightning names it (an operator's "Source Sans 3").
  const face = fontFace.includes(' ') ? `"${fontFace}"` : fontFace
  measuring.font = `${bold ? 'bold ' : ''}${fontSize}px ${face}`
  return measuring.measureText(text).width
}
