/**
 * What the household sees, read from the drawn frame rather than from the app's own snapshot:
 * a screenshot decoded to pixels, and a few measures of a region (its colours and how much they
 * vary), so a test can tell artwork from a flat placeholder, a focus ring from none, and a
 * drawn screen from a blank one.
 */
import type { Page } from 'playwright-core'
import sharp from 'sharp'

export interface Frame {
  width: number
  height: number
  /** RGB, row by row. */
  data: Buffer
}

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface RegionStats {
  /** Mean colour, 0-255 per channel. */
  mean: [number, number, number]
  /** Standard deviation of luma: about 0 for a flat fill. */
  lumaSpread: number
  /** Distinct colours after keeping 4 bits per channel: a picture has many, a fill one. */
  colours: number
}

/** The page as drawn now, as pixels (the screenshot is taken at the viewport's size). */
export async function grabFrame(page: Page): Promise<Frame> {
  const png = await page.screenshot()
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return { width: info.width, height: info.height, data }
}

/** Measures the pixels of `box` (clipped to the frame). */
export function regionStats(frame: Frame, box: Box): RegionStats {
  const x0 = Math.max(0, Math.floor(box.x))
  const y0 = Math.max(0, Math.floor(box.y))
  const x1 = Math.min(frame.width, Math.ceil(box.x + box.w))
  const y1 = Math.min(frame.height, Math.ceil(box.y + box.h))
  let count = 0
  const sum = [0, 0, 0]
  let luma = 0
  let lumaSquares = 0
  const colours = new Set<number>()
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * frame.width + x) * 3
      const r = frame.data[i]!
      const g = frame.data[i + 1]!
      const b = frame.data[i + 2]!
      sum[0]! += r
      sum[1]! += g
      sum[2]! += b
      const l = 0.2126 * r + 0.7152 * g + 0.0722 * b
      luma += l
      lumaSquares += l * l
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4))
      count++
    }
  }
  if (count === 0) return { mean: [0, 0, 0], lumaSpread: 0, colours: 0 }
  const meanLuma = luma / count
  return {
    mean: [sum[0]! / count, sum[1]! / count, sum[2]! / count],
    lumaSpread: Math.sqrt(Math.max(0, lumaSquares / count - meanLuma * meanLuma)),
    colours: colours.size,
  }
}

/** An ARGB number or '0xAARRGGBB' string (the app's colour settings) as RGB. */
export function rgbOf(argb: number | string): [number, number, number] {
  const value = typeof argb === 'string' ? Number(argb) : argb
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]
}

/** Euclidean distance between two colours (0 to about 441). */
export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!)
}

/** The band just outside a box's left and right edges, over its middle half: where a ring is. */
export function ringBands(box: Box, width = 4): Box[] {
  const y = box.y + box.h / 4
  const h = box.h / 2
  return [
    { x: box.x - width, y, w: width - 1, h },
    { x: box.x + box.w + 1, y, w: width - 1, h },
  ]
}
