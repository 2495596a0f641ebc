/**
 * Gives a component class the ten number-key handlers, each passing its digit to `onDigit`.
 * Lightning finds key handlers on the prototype by name (methods, not instance fields), so they
 * are put there before any instance exists. A held key's auto-repeat is taken and does nothing:
 * a held 1 is one digit, not 11 in a PIN or channel 11; engines that never set `repeat` repeat.
 */
export function installDigitKeys<C extends object>(
  componentClass: { prototype: C },
  onDigit: (component: C, digit: string, event?: KeyboardEvent) => void,
): void {
  for (let n = 0; n <= 9; n++) {
    const digit = String(n)
    Object.defineProperty(componentClass.prototype, `_handleDigit${digit}`, {
      configurable: true,
      writable: true,
      value(this: C, event?: KeyboardEvent): boolean {
        if (!event?.repeat) onDigit(this, digit, event)
        return true
      },
    })
  }
}
