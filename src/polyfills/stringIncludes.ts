import { defineMissing } from './defineMissing'

/*
 * String.prototype.includes (ES2015) for engines before Chrome 41, where the SDK's own polyfills
 * are not loaded. Written here rather than taken from core-js for the reason in arrayFlat.ts: its
 * module tests the engine by making it throw (`'/./'.includes(/./)`) when the bundle loads.
 */

function isRegExp(value: unknown): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false
  const matcher =
    typeof Symbol === 'function' && Symbol.match
      ? (value as Record<symbol, unknown>)[Symbol.match]
      : undefined
  if (matcher !== undefined) return Boolean(matcher)
  return Object.prototype.toString.call(value) === '[object RegExp]'
}

export function stringIncludes(this: string, search: unknown, position?: unknown): boolean {
  if (this == null) throw new TypeError('String.prototype.includes called on null or undefined')
  if (isRegExp(search)) throw new TypeError('First argument to includes must not be a RegExp')
  return String(this).indexOf(String(search), position as number) !== -1
}

export function installStringIncludes(prototype: object = String.prototype): void {
  defineMissing(prototype, 'includes', stringIncludes)
}
