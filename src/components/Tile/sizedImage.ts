import { Lightning } from '@lightningjs/sdk'
import type { ArtworkShape } from './artwork'

/**
 * Posters decoded at the size they are drawn instead of the size the feed serves them.
 *
 * A feed's poster is often 400x600 or more while a tile draws it at 200x300: decoded as served,
 * each poster keeps four times the texels it shows on the GPU, and its upload stalls a frame.
 * Where the engine can (createImageBitmap with resize options: Chromium 54+, recent WPE), the
 * image is fetched and decoded off the main thread straight to the drawn size. Older engines
 * (the 2013-2015 boxes the es5 package is for) have no createImageBitmap and keep Lightning's own
 * image loading, unchanged.
 */

/** What decoding a piece of artwork asks for: one side fixed, the other follows the image. */
export type DecodeBox = { resizeWidth: number } | { resizeHeight: number }

/**
 * A portrait frame is filled by the image's height (a square or a mislabelled wide image then
 * still covers it), a landscape one by its width. `scale`: extra room for the focused zoom, or
 * less than 1 on a weak box (lite mode).
 */
export function decodeBox(
  shape: ArtworkShape,
  frame: { w: number; h: number },
  scale: number,
): DecodeBox {
  // Rounded up, but 200 x 1.1 is 220.00000000000003 in floating point and means 220.
  const pixels = (size: number) => Math.max(1, Math.ceil(size * scale - 1e-6))
  return shape === 'portrait' ? { resizeHeight: pixels(frame.h) } : { resizeWidth: pixels(frame.w) }
}

export interface DecodeEnvironment {
  fetch(url: string, init: { signal: AbortSignal; mode: 'cors' }): Promise<Response>
  createImageBitmap(blob: Blob, options: ImageBitmapOptions): Promise<ImageBitmap>
  AbortController: typeof AbortController
}

/** The page's own functions when the engine has them all, else none (Lightning's loader then). */
export function browserDecodeEnvironment(
  scope: Partial<DecodeEnvironment> = globalThis as Partial<DecodeEnvironment>,
): DecodeEnvironment | undefined {
  const { fetch, createImageBitmap, AbortController } = scope
  if (typeof fetch !== 'function' || typeof createImageBitmap !== 'function') return undefined
  if (typeof AbortController !== 'function') return undefined
  return {
    fetch: (url, init) => fetch.call(scope, url, init),
    createImageBitmap: (blob, options) => createImageBitmap.call(scope, blob, options),
    AbortController,
  }
}

const ALPHA_TYPES = /png|webp|gif|svg/i

/**
 * A Lightning source loader that fetches `src` and decodes it to `box`. Reports the bitmap's own
 * size (an engine that ignores the resize options still reports correctly), and stops the
 * request when Lightning cancels the load (the tile scrolled away).
 */
export function sizedImageLoader(
  src: string,
  box: DecodeBox,
  env: DecodeEnvironment,
): (callback: (error: Error | null, options?: Record<string, unknown>) => void) => () => void {
  return (callback) => {
    const controller = new env.AbortController()
    let cancelled = false
    env
      .fetch(src, { signal: controller.signal, mode: 'cors' })
      .then((response) => {
        if (!response.ok) throw new Error(`image ${src}: HTTP ${response.status}`)
        return response.blob()
      })
      .then(async (blob) => {
        const bitmap = await env.createImageBitmap(blob, {
          ...box,
          resizeQuality: 'medium',
          premultiplyAlpha: 'premultiply',
          colorSpaceConversion: 'none',
          imageOrientation: 'none',
        })
        return { bitmap, hasAlpha: ALPHA_TYPES.test(blob.type) }
      })
      .then(
        ({ bitmap, hasAlpha }) => {
          if (cancelled) {
            bitmap.close()
            return
          }
          callback(null, {
            source: bitmap,
            w: bitmap.width,
            h: bitmap.height,
            hasAlpha,
            premultiplyAlpha: true,
            renderInfo: { src, compressed: false },
          })
        },
        (error: unknown) => {
          if (!cancelled) callback(error instanceof Error ? error : new Error(String(error)))
        },
      )
    return () => {
      cancelled = true
      controller.abort()
    }
  }
}

const decodeEnvironment = browserDecodeEnvironment()

/**
 * An ImageTexture decoded to `decode` where the engine can. The lookup id carries the size, so a
 * poster drawn at two sizes is two textures and a reused tile finds its cached texture again.
 */
export class SizedImageTexture extends Lightning.textures.ImageTexture {
  private _decode?: DecodeBox

  get decode(): DecodeBox | undefined {
    return this._decode
  }

  set decode(box: DecodeBox | undefined) {
    this._decode = box
    this._changed()
  }

  protected override _getLookupId(): string | null {
    const box = this._decode
    if (!box || !decodeEnvironment) return super._getLookupId()
    const size = 'resizeWidth' in box ? `w${box.resizeWidth}` : `h${box.resizeHeight}`
    return `${this.src}#${size}`
  }

  protected override _getSourceLoader(): ReturnType<
    Lightning.textures.ImageTexture['_getSourceLoader']
  > {
    const box = this._decode
    if (!box || !decodeEnvironment || !this.src) return super._getSourceLoader()
    return sizedImageLoader(this.src, box, decodeEnvironment) as unknown as ReturnType<
      Lightning.textures.ImageTexture['_getSourceLoader']
    >
  }
}
