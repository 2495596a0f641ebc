/**
 * Adds `value` as `owner[name]` only where the engine has no such built-in, the way built-ins are
 * defined (not enumerable, so `for...in` over an array or a promise does not list it).
 */
export function defineMissing(owner: object, name: string, value: unknown): void {
  if (name in owner) return
  Object.defineProperty(owner, name, {
    value,
    writable: true,
    configurable: true,
    enumerable: false,
  })
}
