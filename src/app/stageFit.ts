/**
 * The app is laid out on a 1920x1080 stage. The SDK shrinks it only for a window exactly 720
 * pixels high (or when platformSettings give a size); in any other window smaller than full HD
 * (a PAL box's 720x576, a 1366x768 TV browser, a headless browser's 800x600) the canvas stayed
 * 1920x1080: the household saw its top-left corner, and the arrow keys scrolled the page under it.
 * This picks the largest 16:9 stage the window holds; the SDK then draws the same layout smaller.
 */

/** Lightning stage options: its canvas size in pixels and the layout's scale into it. */
export interface StageFit {
  w: number
  h: number
  precision: number
}

const LAYOUT = { w: 1920, h: 1080 } as const

const size = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null

/**
 * The stage options for a window of `innerWidth` x `innerHeight`, or null to leave the stage as
 * the SDK makes it: a window at least full HD (drawn at 1920x1080, never scaled up), a size the
 * platformSettings give, or a stage size or precision the operator set in appSettings.stage.
 */
export function fitStage(
  window: { innerWidth?: unknown; innerHeight?: unknown },
  platformSettings: Record<string, unknown>,
  stageSettings: Record<string, unknown> | undefined,
): StageFit | null {
  if (size(platformSettings.width) && size(platformSettings.height)) return null
  if (stageSettings && ['w', 'h', 'precision'].some((key) => key in stageSettings)) return null
  const width = size(window.innerWidth)
  const height = size(window.innerHeight)
  if (!width || !height) return null
  if (width >= LAYOUT.w && height >= LAYOUT.h) return null
  const w = Math.floor(Math.min(width, (height * LAYOUT.w) / LAYOUT.h))
  const h = Math.floor((w * LAYOUT.h) / LAYOUT.w)
  if (w < 16 || h < 9) return null
  return { w, h, precision: w / LAYOUT.w }
}
