/** Fetching a piece of artwork and decoding it at the size it is drawn. */

/** What decoding a piece of artwork asks for: one side fixed, the other follows the image. */
export type DecodeBox = { resizeWidth: number } | { resizeHeight: number }

export interface DecodedImage {
  bitmap: ImageBitmap
  /** PNG, WebP, GIF and SVG may be transparent; a JPEG never is (Lightning then skips blending). */
  hasAlpha: boolean
}

export interface ImageDecoder {
  /** Gets ready ahead of the first image (starts a worker), where there is anything to do. */
  prepare?(): void
  /** Rejects with the reason when the image cannot be fetched or decoded, or when aborted. */
  decode(url: string, box: DecodeBox, signal: AbortSignal): Promise<DecodedImage>
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

/** Whether an image of this MIME type may have transparent pixels. */
export const mayHaveAlpha = (mimeType: string): boolean => ALPHA_TYPES.test(mimeType)

/**
 * Decoding options: premultiplied like Lightning's own uploads, no colour conversion or EXIF
 * rotation (a poster is drawn as served), 'medium' scaling (sharp enough at a third of the size).
 */
export function bitmapOptions(box: DecodeBox): ImageBitmapOptions {
  return {
    ...box,
    resizeQuality: 'medium',
    premultiplyAlpha: 'premultiply',
    colorSpaceConversion: 'none',
    imageOrientation: 'none',
  }
}

/**
 * Decodes on the page's own thread. Each step (response, body, bitmap) waits for a free turn of
 * the main thread, so while Lightning draws a long frame the decode waits too: the fallback when
 * no worker can be started.
 */
export function mainThreadDecoder(env: DecodeEnvironment): ImageDecoder {
  return {
    async decode(url, box, signal) {
      const response = await env.fetch(url, { signal, mode: 'cors' })
      if (!response.ok) throw new Error(`image ${url}: HTTP ${response.status}`)
      const blob = await response.blob()
      const bitmap = await env.createImageBitmap(blob, bitmapOptions(box))
      return { bitmap, hasAlpha: mayHaveAlpha(blob.type) }
    },
  }
}
