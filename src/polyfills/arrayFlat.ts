import { defineMissing } from './defineMissing'

/*
 * Array.prototype.flat and flatMap (ES2019) for engines before Chrome 69. Written here rather than
 * taken from core-js: core-js's modules for them test the engine by making it throw when they load
 * (a TypeError from Reflect.construct), and with a debugger or DevTools attached, as in every test
 * harness and in an operator's certification tools, each error made while the bundle's top-level
 * function runs has V8 collect the source positions of that whole 680 KB function: 0.6-0.9 s of a
 * start at CPU x4. The result is a plain Array (no subclass species), which is all the app makes.
 */

type Mapper = (value: unknown, index: number, array: unknown) => unknown

function flattenInto(
  target: unknown[],
  source: ArrayLike<unknown>,
  depth: number,
  mapper?: Mapper,
  thisArg?: unknown,
): void {
  const length = toLength(source.length)
  for (let index = 0; index < length; index++) {
    if (!(index in source)) continue
    let element = source[index]
    if (mapper) element = mapper.call(thisArg, element, index, source)
    if (depth > 0 && Array.isArray(element)) flattenInto(target, element, depth - 1)
    else target.push(element)
  }
}

function toLength(value: unknown): number {
  const number = Math.trunc(Number(value))
  return number > 0 ? Math.min(number, Number.MAX_SAFE_INTEGER) : 0
}

export function flat(this: ArrayLike<unknown>, depth?: unknown): unknown[] {
  if (this == null) throw new TypeError('Array.prototype.flat called on null or undefined')
  const wanted = depth === undefined ? 1 : Math.trunc(Number(depth)) || 0
  const result: unknown[] = []
  flattenInto(result, Object(this) as ArrayLike<unknown>, Math.max(wanted, 0))
  return result
}

export function flatMap(this: ArrayLike<unknown>, mapper: Mapper, thisArg?: unknown): unknown[] {
  if (this == null) throw new TypeError('Array.prototype.flatMap called on null or undefined')
  if (typeof mapper !== 'function') throw new TypeError('flatMap mapper is not a function')
  const result: unknown[] = []
  flattenInto(result, Object(this) as ArrayLike<unknown>, 1, mapper, thisArg)
  return result
}

export function installArrayFlat(prototype: object = Array.prototype): void {
  defineMissing(prototype, 'flat', flat)
  defineMissing(prototype, 'flatMap', flatMap)
}
