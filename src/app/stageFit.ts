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
 * platformSettings give, or a stage size or precision the operator set in appSettings.stage (a
 * w and h given without a precision get the precision that fits the layout into them).
 */
export function fitStage(
  window: { innerWidth?: unknown; innerHeight?: unknown },
  platformSettings: Record<string, unknown>,
  stageSettings: Record<string, unknown> | undefined,
): StageFit | null {
  if (operatorSized(platformSettings, stageSettings)) {
    // A stage size without its precision drew the 1920x1080 layout unscaled into it: a 720p box's
    // 1280x720 showed the layout's top-left two thirds. The layout is scaled to the size given.
    const w = size(stageSettings?.w)
    const h = size(stageSettings?.h)
    if (stageSettings && !('precision' in stageSettings) && w && h) {
      return { w, h, precision: Math.min(w / LAYOUT.w, h / LAYOUT.h) }
    }
    return null
  }
  const width = size(window.innerWidth)
  const height = size(window.innerHeight)
  if (!width || !height) return null
  if (width >= LAYOUT.w && height >= LAYOUT.h) return null
  const w = Math.floor(Math.min(width, (height * LAYOUT.w) / LAYOUT.h))
  const h = Math.floor((w * LAYOUT.h) / LAYOUT.w)
  if (w < 16 || h < 9) return null
  return { w, h, precision: w / LAYOUT.w }
}

/**
 * Where the stage sits in the window, in CSS pixels: its box at launch size (w x h) placed at
 * left/top and shown at `scale` (1 unless the window changed size since launch).
 */
export interface StagePlacement {
  left: number
  top: number
  w: number
  h: number
  scale: number
}

type WindowSize = { innerWidth?: unknown; innerHeight?: unknown }

/**
 * The stage the app launched with, centred in the window as it is now, as a TV letterboxes a
 * picture: a PAL box's 720x576 shows the 720x405 stage with equal bands above and below, not one
 * band of 171 pixels at the bottom. Lightning cannot resize its canvas once made, so when the
 * window changes size later (a box switching its output from 720p to 1080p, a browser window) the
 * stage is shown larger or smaller as a whole, never beyond the layout's own 1920x1080.
 * Null when the engine reports no usable window size.
 */
export function placeInWindow(
  window: WindowSize,
  stage: { w: number; h: number },
): StagePlacement | null {
  const width = size(window.innerWidth)
  const height = size(window.innerHeight)
  if (!width || !height) return null
  const fits = Math.min(width / stage.w, height / stage.h, LAYOUT.w / stage.w)
  // fitStage rounds the stage down to whole pixels: growing it by a pixel or two would only blur it.
  const scale = fits > 1 && (fits - 1) * stage.w < 2 ? 1 : fits
  const left = Math.max(0, Math.floor((width - stage.w * scale) / 2))
  const top = Math.max(0, Math.floor((height - stage.h * scale) / 2))
  return { left, top, w: stage.w, h: stage.h, scale }
}

/**
 * Makes the page's body the stage's box. The canvas and the SDK's <video> are both placed
 * absolutely inside the body, the video at stage coordinates, so moving or scaling the body moves
 * the picture and the layout over it together.
 */
export function placeStage(
  doc: Pick<Document, 'body' | 'documentElement'>,
  box: StagePlacement,
): void {
  doc.documentElement.style.backgroundColor = '#000'
  doc.documentElement.style.overflow = 'hidden'
  Object.assign(doc.body.style, {
    position: 'absolute',
    left: `${box.left}px`,
    top: `${box.top}px`,
    width: `${box.w}px`,
    height: `${box.h}px`,
    overflow: 'hidden',
    transformOrigin: '0 0',
    transform: box.scale === 1 ? '' : `scale(${box.scale})`,
  })
}

/**
 * Keeps the stage centred in the window from launch on, and again whenever the window changes
 * size. A stage the operator sized (platformSettings width/height, appSettings.stage w/h/precision)
 * is theirs to place, and one that fills the window is left as the page lays it out. Returns the
 * function that stops following the window.
 */
export function keepStagePlaced(
  window: WindowSize & Pick<Window, 'addEventListener' | 'removeEventListener'>,
  doc: Pick<Document, 'body' | 'documentElement'>,
  platformSettings: Record<string, unknown>,
  stageSettings: Record<string, unknown> | undefined,
): () => void {
  if (operatorSized(platformSettings, stageSettings)) return () => {}
  const stage = fitStage(window, platformSettings, stageSettings) ?? LAYOUT
  const place = () => {
    const box = placeInWindow(window, stage)
    if (box) placeStage(doc, box)
  }
  const atLaunch = placeInWindow(window, stage)
  if (atLaunch && (atLaunch.left > 0 || atLaunch.top > 0 || atLaunch.scale !== 1)) place()
  window.addEventListener('resize', place)
  return () => window.removeEventListener('resize', place)
}
