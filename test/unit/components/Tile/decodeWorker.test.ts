import {
  decodeWorkerSource,
  WorkerImageDecoder,
  type DecodeReply,
  type DecodeWorkerScope,
  type WorkerLike,
} from '../../../../src/components/Tile/decodeWorker'
import type { DecodedImage, ImageDecoder } from '../../../../src/components/Tile/imageDecoder'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

type Served = { status: number; type?: string } | 'unreachable' | 'corrupt'

/** The worker's global scope, with a network of `served` URLs; the program runs from its text. */
function workerScope(served: Record<string, Served>) {
  const replies: { message: DecodeReply; transfer?: Transferable[] }[] = []
  const bitmaps: { width: number; height: number; close: jest.Mock }[] = []
  const fetched: { url: string; signal: AbortSignal }[] = []
  const scope: DecodeWorkerScope = {
    AbortController,
    onmessage: null,
    fetch: (url, init) => {
      fetched.push({ url, signal: init.signal })
      const answer = served[url] ?? { status: 404 }
      if (answer === 'unreachable') return Promise.reject(new TypeError('Failed to fetch'))
      const type = answer === 'corrupt' ? 'image/jpeg' : (answer.type ?? 'image/jpeg')
      const status = answer === 'corrupt' ? 200 : answer.status
      return Promise.resolve({
        ok: status >= 200 && status < 300,
        status,
        blob: () => Promise.resolve({ type, corrupt: answer === 'corrupt' } as unknown as Blob),
      } as Response)
    },
    createImageBitmap: (blob, options) => {
      if ((blob as unknown as { corrupt: boolean }).corrupt)
        return Promise.reject(new Error('The source image could not be decoded.'))
      const bitmap = { width: 10, height: options.resizeHeight ?? 20, close: jest.fn() }
      bitmaps.push(bitmap)
      return Promise.resolve(bitmap as unknown as ImageBitmap)
    },
    postMessage: (message, transfer) => replies.push({ message, transfer }),
  }
  // As a worker runs it: its own source text, with nothing from this module in scope.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('self', decodeWorkerSource())(scope)
  return { scope, replies, bitmaps, fetched }
}

describe('the decode worker program', () => {
  const send = (
    scope: DecodeWorkerScope,
    data: Parameters<NonNullable<typeof scope.onmessage>>[0]['data'],
  ) => scope.onmessage!({ data })

  it('decodes to the requested size and hands the bitmap over (transferred, not copied)', async () => {
    const { scope, replies, bitmaps } = workerScope({
      'http://box/p.png': { status: 200, type: 'image/png' },
    })
    send(scope, { id: 7, url: 'http://box/p.png', options: { resizeHeight: 330 } })
    await flush()
    expect(replies).toEqual([
      { message: { id: 7, bitmap: bitmaps[0], hasAlpha: true }, transfer: [bitmaps[0]] },
    ])
    expect(bitmaps[0]!.height).toBe(330)
  })

  it('says which step failed: the server, the network or the image', async () => {
    const { scope, replies } = workerScope({
      'http://box/gone.jpg': { status: 404 },
      'http://cdn/p.jpg': 'unreachable',
      'http://box/bad.jpg': 'corrupt',
    })
    send(scope, { id: 1, url: 'http://box/gone.jpg', options: {} })
    send(scope, { id: 2, url: 'http://cdn/p.jpg', options: {} })
    send(scope, { id: 3, url: 'http://box/bad.jpg', options: {} })
    await flush()
    const byId = Object.fromEntries(replies.map(({ message }) => [message.id, message]))
    expect(byId[1]).toEqual({ id: 1, error: 'HTTP 404', failure: 'http' })
    expect(byId[2]).toMatchObject({ id: 2, failure: 'network' })
    expect(byId[3]).toMatchObject({
      id: 3,
      failure: 'decode',
      error: expect.stringContaining('decoded'),
    })
  })

  it('stops a cancelled request and answers nothing for it', async () => {
    const { scope, replies, fetched } = workerScope({ 'http://box/p.jpg': { status: 200 } })
    send(scope, { id: 4, url: 'http://box/p.jpg', options: {} })
    send(scope, { cancel: 4 })
    await flush()
    expect(fetched[0]!.signal.aborted).toBe(true)
    expect(replies).toEqual([])
  })

  it('frees a bitmap whose request was cancelled while it decoded', async () => {
    const { scope, replies, bitmaps } = workerScope({ 'http://box/p.jpg': { status: 200 } })
    const decoding = scope.createImageBitmap.bind(scope)
    scope.createImageBitmap = (blob, options) => {
      send(scope, { cancel: 5 })
      return decoding(blob, options)
    }
    send(scope, { id: 5, url: 'http://box/p.jpg', options: {} })
    await flush()
    expect(replies).toEqual([])
    expect(bitmaps[0]!.close).toHaveBeenCalled()
  })
})

/** A Worker whose thread is the same one, its messages passed on a later task as a real one's. */
class InProcessWorker implements WorkerLike {
  readonly worker: ReturnType<typeof workerScope>
  private readonly _listeners: Record<string, ((event: { data: DecodeReply }) => void)[]> = {}
  readonly sent: unknown[] = []
  terminated = false

  constructor(served: Record<string, Served>) {
    this.worker = workerScope(served)
    this.worker.scope.postMessage = (message) =>
      setTimeout(() => this._listeners.message?.forEach((listener) => listener({ data: message })))
  }

  postMessage(message: Parameters<WorkerLike['postMessage']>[0]): void {
    this.sent.push(message)
    setTimeout(() => this.worker.scope.onmessage!({ data: message }))
  }

  addEventListener(type: string, listener: (event: { data: DecodeReply }) => void): void {
    ;(this._listeners[type] ??= []).push(listener)
  }

  fail(): void {
    this._listeners.error?.forEach((listener) => listener({} as { data: DecodeReply }))
  }

  terminate(): void {
    this.terminated = true
  }
}

function pageDecoder() {
  const decoded: string[] = []
  const decoder: ImageDecoder = {
    decode: (url) => {
      decoded.push(url)
      return Promise.resolve({ bitmap: { width: 1 } as ImageBitmap, hasAlpha: false })
    },
  }
  return { decoder, decoded }
}

const absolute = (url: string) => new URL(url, 'http://box/app/').href
const settle = async () => {
  for (let i = 0; i < 5; i++) await flush()
}

describe('WorkerImageDecoder', () => {
  it('starts the worker on the first image only, and sends it absolute URLs', async () => {
    const spawn = jest.fn(
      () => new InProcessWorker({ 'http://box/app/posters/a.jpg': { status: 200 } }),
    )
    const decoder = new WorkerImageDecoder(spawn, pageDecoder().decoder, absolute)
    expect(spawn).not.toHaveBeenCalled()
    const image = decoder.decode(
      'posters/a.jpg',
      { resizeHeight: 330 },
      new AbortController().signal,
    )
    await expect(image).resolves.toMatchObject({ bitmap: { height: 330 }, hasAlpha: false })
    await decoder.decode('posters/a.jpg', { resizeHeight: 100 }, new AbortController().signal)
    expect(spawn).toHaveBeenCalledTimes(1)
    const worker = spawn.mock.results[0]!.value as InProcessWorker
    expect(worker.sent[0]).toMatchObject({
      url: 'http://box/app/posters/a.jpg',
      options: { resizeHeight: 330, premultiplyAlpha: 'premultiply' },
    })
  })

  it('starts the worker ahead of the first image when asked to prepare, once', () => {
    const spawn = jest.fn(() => new InProcessWorker({}))
    const decoder = new WorkerImageDecoder(spawn, pageDecoder().decoder, absolute)
    decoder.prepare()
    decoder.prepare()
    expect(spawn).toHaveBeenCalledTimes(1)
  })

  it('reports a server error with the image it was for', async () => {
    const decoder = new WorkerImageDecoder(
      () => new InProcessWorker({}),
      pageDecoder().decoder,
      absolute,
    )
    await expect(
      decoder.decode('posters/none.jpg', { resizeWidth: 10 }, new AbortController().signal),
    ).rejects.toThrow('image posters/none.jpg: HTTP 404')
  })

  it('tries the page when the worker cannot reach an image', async () => {
    const page = pageDecoder()
    const decoder = new WorkerImageDecoder(
      () => new InProcessWorker({ 'http://cdn/p.jpg': 'unreachable' }),
      page.decoder,
      absolute,
    )
    await expect(
      decoder.decode('http://cdn/p.jpg', { resizeWidth: 10 }, new AbortController().signal),
    ).resolves.toMatchObject({ bitmap: { width: 1 } })
    expect(page.decoded).toEqual(['http://cdn/p.jpg'])
  })

  it('cancels in the worker when the load is aborted, and rejects at once', async () => {
    const spawn = () => new InProcessWorker({ 'http://box/app/a.jpg': { status: 200 } })
    const decoder = new WorkerImageDecoder(spawn, pageDecoder().decoder, absolute)
    const controller = new AbortController()
    const image = decoder.decode('a.jpg', { resizeWidth: 10 }, controller.signal)
    controller.abort()
    await expect(image).rejects.toThrow('aborted')
    await settle()
  })

  it('hands waiting and later images to the page when the worker breaks', async () => {
    const page = pageDecoder()
    let worker: InProcessWorker | undefined
    const spawn = jest.fn(() => (worker = new InProcessWorker({})))
    const decoder = new WorkerImageDecoder(spawn, page.decoder, absolute)
    const waiting = decoder.decode('a.jpg', { resizeWidth: 10 }, new AbortController().signal)
    worker!.fail()
    await expect(waiting).resolves.toMatchObject({ bitmap: { width: 1 } })
    await decoder.decode('b.jpg', { resizeWidth: 10 }, new AbortController().signal)
    expect(page.decoded).toEqual(['a.jpg', 'b.jpg'])
    expect(worker!.terminated).toBe(true)
    expect(spawn).toHaveBeenCalledTimes(1)
  })

  it('decodes on the page where the worker cannot start (a content policy refusing it)', async () => {
    const page = pageDecoder()
    const spawn = () => {
      throw new DOMException('refused', 'SecurityError')
    }
    const decoder = new WorkerImageDecoder(spawn, page.decoder, absolute)
    const image: DecodedImage = await decoder.decode(
      'a.jpg',
      { resizeWidth: 10 },
      new AbortController().signal,
    )
    expect(image.bitmap.width).toBe(1)
    expect(page.decoded).toEqual(['a.jpg'])
  })

  it('frees a bitmap that arrives for an image nobody waits for any more', async () => {
    const worker = new InProcessWorker({ 'http://box/app/a.jpg': { status: 200 } })
    const decoder = new WorkerImageDecoder(() => worker, pageDecoder().decoder, absolute)
    const controller = new AbortController()
    const image = decoder.decode('a.jpg', { resizeWidth: 10 }, controller.signal)
    // The worker has already posted its answer when the abort reaches the page.
    worker.worker.scope.onmessage = null
    controller.abort()
    await expect(image).rejects.toThrow('aborted')
    const bitmap = { close: jest.fn() }
    ;(
      worker as unknown as { _listeners: Record<string, ((e: unknown) => void)[]> }
    )._listeners.message!.forEach((listener) =>
      listener({ data: { id: 1, bitmap, hasAlpha: false } }),
    )
    expect(bitmap.close).toHaveBeenCalled()
  })
})
