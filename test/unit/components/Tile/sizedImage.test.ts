import { WorkerImageDecoder } from '../../../../src/components/Tile/decodeWorker'
import {
  browserDecodeEnvironment,
  mainThreadDecoder,
  type DecodeEnvironment,
} from '../../../../src/components/Tile/imageDecoder'
import {
  browserImageDecoder,
  decodeBox,
  sizedImageLoader,
} from '../../../../src/components/Tile/sizedImage'

describe('decodeBox', () => {
  it('fills a portrait frame by height and a landscape one by width, with room for the zoom', () => {
    expect(decodeBox('portrait', { w: 200, h: 300 }, 1.1)).toEqual({ resizeHeight: 330 })
    expect(decodeBox('landscape', { w: 200, h: 113 }, 1.1)).toEqual({ resizeWidth: 220 })
    expect(decodeBox('portrait', { w: 200, h: 300 }, 0.75)).toEqual({ resizeHeight: 225 })
  })
})

describe('browserDecodeEnvironment', () => {
  it('is none on an engine without createImageBitmap, so Lightning loads the image itself', () => {
    expect(browserDecodeEnvironment({ fetch: jest.fn(), AbortController })).toBeUndefined()
    expect(
      browserDecodeEnvironment({ fetch: jest.fn(), createImageBitmap: jest.fn(), AbortController }),
    ).toBeDefined()
  })
})

function fakeEnvironment(response: { ok: boolean; status: number; type?: string }) {
  const bitmap = { width: 220, height: 330, close: jest.fn() }
  const calls: { url: string; options?: ImageBitmapOptions; aborted?: () => boolean }[] = []
  const env: DecodeEnvironment = {
    AbortController,
    fetch: (url, init) => {
      calls.push({ url, aborted: () => init.signal.aborted })
      return Promise.resolve({
        ok: response.ok,
        status: response.status,
        blob: () => Promise.resolve({ type: response.type ?? 'image/jpeg' } as Blob),
      } as Response)
    },
    createImageBitmap: (_blob, options) => {
      calls[calls.length - 1]!.options = options
      return Promise.resolve(bitmap as unknown as ImageBitmap)
    },
  }
  return { env, calls, bitmap }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('browserImageDecoder', () => {
  const decodeFunctions = { fetch: jest.fn(), createImageBitmap: jest.fn(), AbortController }

  it('is none without createImageBitmap, so Lightning loads the image itself', () => {
    expect(
      browserImageDecoder({ fetch: jest.fn(), AbortController } as unknown as typeof globalThis),
    ).toBeUndefined()
  })

  it('decodes on the page where no worker can be made', () => {
    const decoder = browserImageDecoder(decodeFunctions as unknown as typeof globalThis)
    expect(decoder).toBeDefined()
    expect(decoder).not.toBeInstanceOf(WorkerImageDecoder)
  })

  it('decodes in a worker where the engine can make one from a script in memory', () => {
    const scope = {
      ...decodeFunctions,
      Worker: jest.fn(),
      Blob,
      URL: { createObjectURL: jest.fn() },
    }
    expect(browserImageDecoder(scope as unknown as typeof globalThis)).toBeInstanceOf(
      WorkerImageDecoder,
    )
  })
})

describe('sizedImageLoader on the page', () => {
  it('decodes the fetched image to the box and reports the bitmap with its own size', async () => {
    const { env, calls, bitmap } = fakeEnvironment({ ok: true, status: 200 })
    const callback = jest.fn()
    sizedImageLoader('posters/rosetta.jpg', { resizeHeight: 330 }, mainThreadDecoder(env))(callback)
    await flush()
    expect(calls[0]).toMatchObject({ url: 'posters/rosetta.jpg' })
    expect(calls[0]!.options).toMatchObject({ resizeHeight: 330, premultiplyAlpha: 'premultiply' })
    expect(calls[0]!.options).not.toHaveProperty('resizeWidth')
    expect(callback).toHaveBeenCalledWith(
      null,
      expect.objectContaining({ source: bitmap, w: 220, h: 330, hasAlpha: false }),
    )
  })

  it('keeps the alpha channel of a PNG', async () => {
    const { env } = fakeEnvironment({ ok: true, status: 200, type: 'image/png' })
    const callback = jest.fn()
    sizedImageLoader('logo.png', { resizeWidth: 100 }, mainThreadDecoder(env))(callback)
    await flush()
    expect(callback).toHaveBeenCalledWith(null, expect.objectContaining({ hasAlpha: true }))
  })

  it('reports an HTTP error as a failed load, so the tile draws its card', async () => {
    const { env } = fakeEnvironment({ ok: false, status: 404 })
    const callback = jest.fn()
    sizedImageLoader('missing.jpg', { resizeWidth: 100 }, mainThreadDecoder(env))(callback)
    await flush()
    expect(callback).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringContaining('404') }),
    )
  })

  it('stops the request when the load is cancelled, and frees a bitmap that arrives after', async () => {
    const { env, calls, bitmap } = fakeEnvironment({ ok: true, status: 200 })
    const callback = jest.fn()
    const cancel = sizedImageLoader(
      'gone.jpg',
      { resizeWidth: 100 },
      mainThreadDecoder(env),
    )(callback)
    cancel()
    await flush()
    expect(calls[0]!.aborted!()).toBe(true)
    expect(callback).not.toHaveBeenCalled()
    expect(bitmap.close).toHaveBeenCalled()
  })
})
