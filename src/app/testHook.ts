import { TEST_HOOKS } from './buildFlags'
import type { TextureAccount } from './textureAccount'

/** A box drawn on the stage, in 1920x1080 stage pixels. */
export interface StageBox {
  x: number
  y: number
  w: number
  h: number
}

/**
 * A read-only window onto the app's state for the end-to-end tests and the benchmark, so they
 * assert on what the app knows (route, focus, player) rather than on pixels alone. It holds no
 * references a test could use to change the app.
 */
export interface AppSnapshot {
  ready: boolean
  route: string
  /** The Router still has a navigation in flight. */
  navigating: boolean
  language: string
  overlay: string | null
  /** The short message on screen ("Ajouté à ma liste", a track that failed), '' when none. */
  toast: string
  /** The PIN question on screen, if any (PinOverlay's own snapshot). */
  pin: unknown
  /** The consent question on screen, if any. */
  consent: unknown
  profile: { id: string; kids: boolean }
  catalogue: {
    status: string
    titles: number
    skipped: number
    problem?: string
    /** 'cache' while home shows the device's last good catalogue (backend unreachable). */
    source?: 'network' | 'cache'
    /** Wall-clock ms of that last good catalogue. */
    cachedAt?: number
    /** The offline notice on screen, '' when none. */
    notice?: string
    /** What the screen says while the first catalogue loads, '' when nothing. */
    loading?: string
  }
  /** settings.json problems found at start (empty when the configuration is valid). */
  configProblems: { path: string; message: string }[]
  page: unknown
  /** Where the focused element is drawn (1920x1080 stage pixels), for checks on the frame. */
  focusBox: StageBox | null
  /** Where the open overlay dialog draws its panel and parts (stage pixels), null when none. */
  overlayBoxes: Record<'panel' | 'title' | 'message' | 'buttons', StageBox | null> | null
  /** The words of the open overlay dialog, null when none. */
  overlayText: { title: string; message: string } | null
  keys: { lastAction: string | null; lastLongPress: string | null; dropped: number }
  marks: Record<string, number>
  /** Renderer figures: texture memory in use (bytes), frames drawn, artwork textures loaded. */
  render: {
    textureMemory: number
    frames: number
    postersLoaded: number
    backdropsLoaded: number
    /** Elements on the stage, to see screens that leave elements behind. */
    elements: number
    /** Pixels the last frame drew, in screens (src/app/fillProbe.ts): what the GPU fills. */
    fill: number
  }
}

export interface TestHook {
  ready: boolean
  snapshot(): AppSnapshot
  marks: Record<string, number>
  /** Every texture Lightning holds, grouped, and who holds it (the soak reads it; walks the stage). */
  textures?: () => TextureAccount
}

declare global {
  interface Window {
    __belgica?: TestHook
  }
}

/**
 * Records a benchmark mark from anywhere in the app (e.g. the guide's first programmes drawn).
 * Does nothing where no hook is installed, and compiles to nothing in operator packages.
 */
export function testMark(name: string, value: number = performance.now()): void {
  if (TEST_HOOKS && window.__belgica) window.__belgica.marks[name] = value
}

export function installTestHook(snapshot: () => Omit<AppSnapshot, 'marks' | 'ready'>): TestHook {
  const hook: TestHook = {
    ready: false,
    marks: {},
    snapshot: () => ({ ...snapshot(), ready: hook.ready, marks: { ...hook.marks } }),
  }
  window.__belgica = hook
  return hook
}
