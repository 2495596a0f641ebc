/**
 * What jsdom lacks for a Lightning application to mount and render (runs after
 * jest-webgl-canvas-mock, which provides canvas 2D/WebGL contexts).
 *
 * - FontFace / document.fonts: the SDK's font loader does `new FontFace(...)`,
 *   `document.fonts.add(face)`, `face.load()`; Lightning's text renderer asks
 *   `document.fonts.check()` before drawing and otherwise waits on `document.fonts.load()`.
 *   Every font counts as loaded at once, so text textures are produced synchronously.
 * - WebGLRenderingContext#canvas: the mock keeps the canvas privately; Lightning's
 *   `stage.getCanvas()` reads `gl.canvas`.
 * - HTMLMediaElement play/pause/load: jsdom reports them as "not implemented" on every call; the
 *   SDK VideoPlayer calls them. Here they only flip `paused` and fire the usual events.
 */

type FontFaceStatus = 'unloaded' | 'loading' | 'loaded' | 'error'

class FontFaceShim {
  readonly family: string
  readonly source: string | BufferSource
  readonly style: string
  readonly weight: string
  readonly display: string
  status: FontFaceStatus = 'unloaded'
  readonly loaded: Promise<FontFaceShim>
  private resolveLoaded!: (face: FontFaceShim) => void

  constructor(
    family: string,
    source: string | BufferSource,
    descriptors: FontFaceDescriptors = {},
  ) {
    this.family = family
    this.source = source
    this.style = descriptors.style ?? 'normal'
    this.weight = String(descriptors.weight ?? 'normal')
    this.display = descriptors.display ?? 'auto'
    this.loaded = new Promise((resolve) => {
      this.resolveLoaded = resolve
    })
  }

  load(): Promise<FontFaceShim> {
    this.status = 'loaded'
    this.resolveLoaded(this)
    return this.loaded
  }
}

class FontFaceSetShim extends EventTarget {
  private readonly faces = new Set<FontFaceShim>()
  readonly status = 'loaded'
  readonly ready: Promise<FontFaceSetShim> = Promise.resolve(this)

  get size(): number {
    return this.faces.size
  }

  add(face: FontFaceShim): this {
    this.faces.add(face)
    return this
  }

  delete(face: FontFaceShim): boolean {
    return this.faces.delete(face)
  }

  has(face: FontFaceShim): boolean {
    return this.faces.has(face)
  }

  clear(): void {
    this.faces.clear()
  }

  forEach(callback: (face: FontFaceShim, same: FontFaceShim, set: FontFaceSetShim) => void): void {
    this.faces.forEach((face) => callback(face, face, this))
  }

  values(): IterableIterator<FontFaceShim> {
    return this.faces.values()
  }

  [Symbol.iterator](): IterableIterator<FontFaceShim> {
    return this.faces.values()
  }

  check(): boolean {
    return true
  }

  load(): Promise<FontFaceShim[]> {
    return Promise.resolve([...this.faces])
  }
}

// Test files may ask for the node environment (`@jest-environment node`): nothing to shim there.
if (typeof window !== 'undefined') installDomShims()

function installDomShims(): void {
  if (typeof window.FontFace === 'undefined') {
    Object.defineProperty(window, 'FontFace', {
      configurable: true,
      writable: true,
      value: FontFaceShim,
    })
  }

  if (!('fonts' in document) || document.fonts === undefined) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: new FontFaceSetShim(),
    })
  }

  const webgl = window.WebGLRenderingContext?.prototype as object | undefined
  if (webgl && !('canvas' in webgl)) {
    Object.defineProperty(webgl, 'canvas', {
      configurable: true,
      get(this: { _canvas?: HTMLCanvasElement }) {
        return this._canvas
      },
    })
  }

  const media = window.HTMLMediaElement.prototype
  Object.defineProperty(media, 'play', {
    configurable: true,
    writable: true,
    value(this: HTMLMediaElement): Promise<void> {
      Object.defineProperty(this, 'paused', { configurable: true, value: false })
      this.dispatchEvent(new Event('play'))
      this.dispatchEvent(new Event('playing'))
      return Promise.resolve()
    },
  })
  Object.defineProperty(media, 'pause', {
    configurable: true,
    writable: true,
    value(this: HTMLMediaElement): void {
      Object.defineProperty(this, 'paused', { configurable: true, value: true })
      this.dispatchEvent(new Event('pause'))
    },
  })
  Object.defineProperty(media, 'load', {
    configurable: true,
    writable: true,
    value(this: HTMLMediaElement): void {
      this.dispatchEvent(new Event('emptied'))
    },
  })
}
