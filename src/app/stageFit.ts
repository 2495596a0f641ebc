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

/** Whether the operator gave the stage its size: then it is theirs to place as well. */
function operatorSized(
  platformSettings: Record<string, unknown>,
  stageSettings: Record<string, unknown> | undefined,
): boolean {
  if (size(platformSettings.width) && size(platformSettings.height)) return true
  return !!stageSettings && ['w', 'h', 'precision'].some((key) => key in stageSettings)
}

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
  if (operatorSized(platformSettings, stageSettings)) return null
  const width = size(window.innerWidth)
  const height = size(window.innerHeight)
  if (!width || !height) return null
  if (width >= LAYOUT.w && height >= LAYOUT.h) return null
  const w = Math.floor(Math.min(width, (height * LAYOUT.w) / LAYOUT.h))
  const h = Math.floor((w * LAYOUT.h) / LAYOUT.w)
  if (w < 16 || h < 9) return null
  return { w, h, precision: w / LAYOUT.w }
}

/** Where the stage sits in the window, in CSS pixels. */
export interface StageBox {
  left: number
  top: number
  w: number
  h: number
}

/**
 * The stage centred in a window of another shape or a larger one, as a TV letterboxes a picture:
 * a PAL box's 720x576 shows the 720x405 stage with equal bands above and below, not one band of
 * 171 pixels at the bottom. Null when the stage fills the window, when the engine reports no
 * usable size, or when the operator sized the stage (their layout, their placement).
 */
export function centreStage(
  window: { innerWidth?: unknown; innerHeight?: unknown },
  platformSettings: Record<string, unknown>,
  stageSettings: Record<string, unknown> | undefined,
): StageBox | null {
  if (operatorSized(platformSettings, stageSettings)) return null
  const width = size(window.innerWidth)
  const height = size(window.innerHeight)
  if (!width || !height) return null
  const stage = fitStage(window, platformSettings, stageSettings) ?? LAYOUT
  const left = Math.max(0, Math.floor((width - stage.w) / 2))
  const top = Math.max(0, Math.floor((height - stage.h) / 2))
  if (left === 0 && top === 0) return null
  return { left, top, w: stage.w, h: stage.h }
}

/**
 * Makes the page's body the stage's box. The canvas and the SDK's <video> are both placed
 * absolutely inside the body, the video at stage coordinates, so moving the body moves the
 * picture and the layout over it together.
 */
export function placeStage(doc: Pick<Document, 'body' | 'documentElement'>, box: StageBox): void {
  doc.documentElement.style.backgroundColor = '#000'
  doc.documentElement.style.overflow = 'hidden'
  Object.assign(doc.body.style, {
    position: 'absolute',
    left: `${box.left}px`,
    top: `${box.top}px`,
    width: `${box.w}px`,
    height: `${box.h}px`,
    overflow: 'hidden',
  })
}
