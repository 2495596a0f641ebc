import { Lightning } from '@lightningjs/sdk'
import type { ArtworkShape } from './artwork'
import { spawnDecodeWorker, WorkerImageDecoder } from './decodeWorker'
import {
  browserDecodeEnvironment,
  mainThreadDecoder,
  type DecodeBox,
  type DecodeEnvironment,
  type ImageDecoder,
} from './imageDecoder'

export type { DecodeBox } from './imageDecoder'

/**
 * Posters decoded at the size they are drawn instead of the size the feed serves them.
 *
 * A feed's poster is often 400x600 or more while a tile draws it at 200x300: decoded as served,
 * each poster keeps four times the texels it shows on the GPU, and its upload stalls a frame.
 * Where the engine can (createImageBitmap with resize options: Chromium 54+, recent WPE), the
 * image is fetched and decoded straight to the drawn size, in a worker (decodeWorker.ts) so that
 * a long frame on the page does not hold the decode back. Older engines
 * (the 2013-2015 boxes the es5 package is for) have no createImageBitmap and keep Lightning's own
 * image loading, unchanged.
 */

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

/**
 * A Lightning source loader that decodes `src` to `box`. Reports the bitmap's own size (an engine
 * that ignores the resize options still reports correctly), and stops the request when Lightning
 * cancels the load (the tile scrolled away).
 */
export function sizedImageLoader(
  src: string,
  box: DecodeBox,
  decoder: ImageDecoder,
): (callback: (error: Error | null, options?: Record<string, unknown>) => void) => () => void {
  return (callback) => {
    const controller = new AbortController()
    let cancelled = false
    decoder.decode(src, box, controller.signal).then(
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

/**
 * The decoder this engine can run: in a worker where it can start one, on the page otherwise, and
 * none on engines without createImageBitmap (Lightning's own loader then).
 */
export function browserImageDecoder(
  scope: typeof globalThis = globalThis,
): ImageDecoder | undefined {
  const env = browserDecodeEnvironment(scope as Partial<DecodeEnvironment>)
  if (!env) return undefined
  const onPage = mainThreadDecoder(env)
  const canSpawn =
    typeof scope.Worker === 'function' &&
    typeof scope.Blob === 'function' &&
    typeof scope.URL?.createObjectURL === 'function'
  if (!canSpawn) return onPage
  return new WorkerImageDecoder(
    spawnDecodeWorker,
    onPage,
    (url) => new scope.URL(url, scope.document.baseURI).href,
  )
}

const imageDecoder = browserImageDecoder()

/** Readies artwork decoding (its worker) before the first screen asks for images. */
export function prepareImageDecoding(): void {
  imageDecoder?.prepare?.()
}

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
    if (!box || !imageDecoder) return super._getLookupId()
    const size = 'resizeWidth' in box ? `w${box.resizeWidth}` : `h${box.resizeHeight}`
    return `${this.src}#${size}`
  }

  protected override _getSourceLoader(): ReturnType<
    Lightning.textures.ImageTexture['_getSourceLoader']
  > {
    const box = this._decode
    if (!box || !imageDecoder || !this.src) return super._getSourceLoader()
    return sizedImageLoader(this.src, box, imageDecoder) as unknown as ReturnType<
      Lightning.textures.ImageTexture['_getSourceLoader']
    >
  }
}
