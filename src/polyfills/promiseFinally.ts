import { defineMissing } from './defineMissing'

/*
 * Promise.prototype.finally (ES2018) for engines before Chrome 63. Written here rather than taken
 * from core-js for the reason in arrayFlat.ts: its module tests the engine by making it throw
 * when the bundle loads. The handler's promise is the receiver's own kind where that kind can
 * resolve, as the specification's species lookup gives for the promises the app makes.
 */

type PromiseKind = { resolve(value: unknown): PromiseLike<unknown> }

export function promiseFinally(
  this: Promise<unknown>,
  onFinally?: (() => unknown) | null,
): Promise<unknown> {
  if (typeof onFinally !== 'function') return this.then(onFinally, onFinally)
  const own = this.constructor as unknown as PromiseKind | undefined
  const kind: PromiseKind = own && typeof own.resolve === 'function' ? own : Promise
  return this.then(
    (value) => kind.resolve(onFinally()).then(() => value),
    (reason) =>
      kind.resolve(onFinally()).then(() => {
        throw reason
      }),
  )
}

export function installPromiseFinally(prototype: object = Promise.prototype): void {
  defineMissing(prototype, 'finally', promiseFinally)
}
