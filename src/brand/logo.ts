/** A picture's own size, read by the engine's image decoder. */
export interface Size {
  w: number
  h: number
}

interface ImageHost {
  Image?: new () => {
    onload: (() => void) | null
    onerror: (() => void) | null
    src: string
    naturalWidth: number
    naturalHeight: number
  }
}

/**
 * The size an SVG logo is drawn at: its own (width and height attributes). Lightning's image
 * worker cannot decode SVG (createImageBitmap refuses it), so an SVG logo is rasterised through
 * Lightning's canvas texture, which needs the size up front. Rejects when the file does not load.
 */
export function measureImage(
  url: string,
  host: ImageHost = globalThis as unknown as ImageHost,
): Promise<Size> {
  return new Promise((resolve, reject) => {
    if (!host.Image) return reject(new Error('no Image in this engine'))
    const image = new host.Image()
    image.onload = () =>
      image.naturalWidth > 0 && image.naturalHeight > 0
        ? resolve({ w: image.naturalWidth, h: image.naturalHeight })
        : reject(new Error(`${url} has no size`))
    image.onerror = () => reject(new Error(`${url} did not load`))
    image.src = url
  })
}

export const isSvg = (path: string): boolean => /\.svg$/i.test(path)
