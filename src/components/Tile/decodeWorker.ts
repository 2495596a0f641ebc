import { bitmapOptions, type DecodeBox, type DecodedImage, type ImageDecoder } from './imageDecoder'

/**
 * Artwork fetched and decoded in a worker.
 *
 * On the page's thread each step of a decode (the response, its body, the bitmap) needs a free
 * turn of the main thread. At start Lightning draws home's first frame in one long task (every
 * text measured and drawn, the shaders compiled), and traces at x4 showed the posters' bodies
 * waiting about a second for it before their decode could even begin. A worker fetches and
 * decodes while that frame is drawn; the page only receives the finished bitmaps.
 */

export type DecodeRequest = { id: number; url: string; options: ImageBitmapOptions }
export type CancelRequest = { cancel: number }

/** 'network': the worker could not reach the URL (the page may still: it is tried there). */
export type DecodeFailure = 'http' | 'network' | 'decode'

export type DecodeReply =
  | { id: number; bitmap: ImageBitmap; hasAlpha: boolean }
  | { id: number; error: string; failure: DecodeFailure }

/** What the worker's global scope offers that the decode uses. */
export interface DecodeWorkerScope {
  fetch(url: string, init: { signal: AbortSignal; mode: 'cors' }): Promise<Response>
  createImageBitmap(blob: Blob, options: ImageBitmapOptions): Promise<ImageBitmap>
  AbortController: typeof AbortController
  postMessage(message: DecodeReply, transfer?: Transferable[]): void
  onmessage: ((event: { data: DecodeRequest | CancelRequest }) => void) | null
}

/**
 * The worker's whole program. It runs from its own source text (`decodeWorkerSource`), so it
 * refers to nothing outside itself, and it is written so that the es5 package's transpiler adds
 * no helper functions to it (no async functions, spreads or for-of).
 */
export function decodeWorkerMain(scope: DecodeWorkerScope): void {
  const jobs = new Map<number, AbortController>()
  scope.onmessage = function (event) {
    const data = event.data
    if ('cancel' in data) {
      const job = jobs.get(data.cancel)
      if (job) job.abort()
      jobs.delete(data.cancel)
      return
    }
    const id = data.id
    const controller = new scope.AbortController()
    jobs.set(id, controller)
    let failure: DecodeFailure = 'network'
    let hasAlpha = false
    scope
      .fetch(data.url, { signal: controller.signal, mode: 'cors' })
      .then(function (response) {
        failure = 'http'
        if (!response.ok) throw new Error('HTTP ' + response.status)
        return response.blob()
      })
      .then(function (blob) {
        failure = 'decode'
        hasAlpha = /png|webp|gif|svg/i.test(blob.type)
        return scope.createImageBitmap(blob, data.options)
      })
      .then(
        function (bitmap) {
          // Cancelled while decoding: nobody waits for it.
          if (!jobs.delete(id)) return bitmap.close()
          scope.postMessage({ id: id, bitmap: bitmap, hasAlpha: hasAlpha }, [bitmap])
        },
        function (error: unknown) {
          if (!jobs.delete(id)) return
          const message = error instanceof Error ? error.message : String(error)
          scope.postMessage({ id: id, error: message, failure: failure })
        },
      )
  }
}

/** The worker's script: `decodeWorkerMain` run on the worker's own global scope. */
export const decodeWorkerSource = (): string => `(${String(decodeWorkerMain)})(self);`

/** The part of a Worker the decoder uses. */
export interface WorkerLike {
  postMessage(message: DecodeRequest | CancelRequest): void
  addEventListener(type: 'message', listener: (event: { data: DecodeReply }) => void): void
  addEventListener(type: 'error' | 'messageerror', listener: () => void): void
  terminate(): void
}

interface Job {
  url: string
  box: DecodeBox
  signal: AbortSignal
  resolve: (image: DecodedImage) => void
  reject: (error: Error) => void
  stopListening: () => void
}

const aborted = (url: string) => new Error(`image ${url}: aborted`)

/**
 * Decodes in a worker, started by `prepare` or on the first image. Where no worker can start (no Worker, a
 * content policy refusing it) or the worker dies, images decode on the page instead: slower at
 * start, never missing.
 */
export class WorkerImageDecoder implements ImageDecoder {
  /** Null once the worker could not start or broke: every decode then goes to the fallback. */
  private _worker: WorkerLike | null | undefined
  private _nextId = 1
  private readonly _jobs = new Map<number, Job>()

  constructor(
    private readonly _spawn: () => WorkerLike,
    private readonly _fallback: ImageDecoder,
    /** Absolute URL of an image: the worker's own base URL is not the page's. */
    private readonly _absolute: (url: string) => string,
  ) {}

  /**
   * Starts the worker now. Chromium starts a worker through the page's own thread, so one made
   * during home's first frame (where the first posters are asked for) only runs once that long
   * frame is over: at x4, 0.9 s after its posters were asked for.
   */
  prepare(): void {
    this._started()
  }

  decode(url: string, box: DecodeBox, signal: AbortSignal): Promise<DecodedImage> {
    const worker = this._started()
    if (!worker || signal.aborted) return this._fallback.decode(url, box, signal)
    let absolute: string
    try {
      absolute = this._absolute(url)
    } catch {
      return this._fallback.decode(url, box, signal)
    }
    return new Promise((resolve, reject) => {
      const id = this._nextId++
      const onAbort = () => {
        if (!this._jobs.delete(id)) return
        this._worker?.postMessage({ cancel: id })
        reject(aborted(url))
      }
      signal.addEventListener('abort', onAbort)
      const stopListening = () => signal.removeEventListener('abort', onAbort)
      this._jobs.set(id, { url, box, signal, resolve, reject, stopListening })
      worker.postMessage({ id, url: absolute, options: bitmapOptions(box) })
    })
  }

  private _started(): WorkerLike | null {
    if (this._worker !== undefined) return this._worker
    try {
      const worker = this._spawn()
      worker.addEventListener('message', (event) => this._reply(event.data))
      worker.addEventListener('error', () => this._broken())
      worker.addEventListener('messageerror', () => this._broken())
      this._worker = worker
    } catch {
      this._worker = null
    }
    return this._worker
  }

  private _reply(reply: DecodeReply): void {
    const job = this._jobs.get(reply.id)
    if (!job) {
      if ('bitmap' in reply) reply.bitmap.close()
      return
    }
    this._jobs.delete(reply.id)
    job.stopListening()
    if ('bitmap' in reply) job.resolve({ bitmap: reply.bitmap, hasAlpha: reply.hasAlpha })
    else if (reply.failure === 'network') this._onPage(job)
    else job.reject(new Error(`image ${job.url}: ${reply.error}`))
  }

  /** The worker failed (its script, or a message it could not read): the page takes over. */
  private _broken(): void {
    this._worker?.terminate()
    this._worker = null
    const jobs = [...this._jobs.values()]
    this._jobs.clear()
    for (const job of jobs) {
      job.stopListening()
      this._onPage(job)
    }
  }

  private _onPage(job: Job): void {
    if (job.signal.aborted) return job.reject(aborted(job.url))
    this._fallback.decode(job.url, job.box, job.signal).then(job.resolve, job.reject)
  }
}

/** A worker running `decodeWorkerMain`, from a script made in memory (no file to package). */
export function spawnDecodeWorker(): WorkerLike {
  const script = new Blob([decodeWorkerSource()], { type: 'text/javascript' })
  return new Worker(URL.createObjectURL(script)) as unknown as WorkerLike
}
