/**
 * `promise`, or a rejection with `aborted()` as soon as `signal` aborts; the work itself goes on.
 * For what an abort cannot stop: a body an old engine's fetch polyfill keeps waiting for, or a
 * download other callers still wait on.
 */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  aborted: () => Error,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(aborted())
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}
