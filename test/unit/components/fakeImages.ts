import type { Lightning } from '@lightningjs/sdk'

type LoadCallback = (error: string | null, options?: Record<string, unknown>) => void

export interface FakeImages {
  /** Every URL asked for so far, in order, repeats included. */
  readonly requested: string[]
  /** URLs asked for and neither answered nor cancelled by the renderer. */
  waiting(): string[]
  /** Answers every pending request for `src` with an image of that size. */
  succeed(src: string, width: number, height: number): void
  /** Answers every pending request for `src` as the browser does for a 404 or a dead host. */
  fail(src: string): void
}

/**
 * Replaces the stage's image loader (jsdom loads no images): requests stay pending until the test
 * answers them, so a test decides when and how each image arrives, as a slow network would.
 * Call it inside a test or `beforeEach` (jest restores console.error after each test).
 */
export function fakeImages(stage: Lightning.Stage): FakeImages {
  // Lightning logs every failed image; here failures are the point, so only those are muted.
  const log = console.error
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes('texture load error')) return
    log(...args)
  })
  const pending = new Map<string, LoadCallback[]>()
  const requested: string[] = []
  const platform = (stage as unknown as { platform: Record<string, unknown> }).platform
  platform.loadSrcTexture = ({ src }: { src: string }, cb: LoadCallback) => {
    requested.push(src)
    pending.set(src, [...(pending.get(src) ?? []), cb])
    return () => {
      pending.set(
        src,
        (pending.get(src) ?? []).filter((waiting) => waiting !== cb),
      )
    }
  }
  const take = (src: string): LoadCallback[] => {
    const callbacks = pending.get(src) ?? []
    pending.delete(src)
    if (!callbacks.length) throw new Error(`fakeImages: nothing is waiting for ${src}`)
    return callbacks
  }
  return {
    requested,
    waiting: () => [...pending].filter(([, callbacks]) => callbacks.length).map(([src]) => src),
    succeed(src, width, height) {
      const canvas = document.createElement('canvas')
      canvas.width = width
      canvas.height = height
      for (const cb of take(src)) {
        // Unthrottled: Lightning otherwise uploads loaded images for at most 10 ms of wall-clock
        // time per frame, so how many land in a step would depend on how busy the machine is.
        cb(null, {
          source: canvas,
          renderInfo: { src, compressed: false },
          hasAlpha: false,
          throttle: false,
        })
      }
    },
    fail(src) {
      for (const cb of take(src)) cb('Image load error')
    },
  }
}
