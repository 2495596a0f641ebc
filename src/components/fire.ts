import type { Lightning } from '@lightningjs/sdk'

/**
 * Sends an event up the component tree (Lightning's fireAncestors) by name. Core types its events
 * through an augmentable map; the app's events are plain `$name(...)` methods on ancestors.
 */
export function fireUp(
  component: Lightning.Component,
  name: `$${string}`,
  ...args: unknown[]
): void {
  ;(
    component as unknown as { fireAncestors(event: string, ...rest: unknown[]): void }
  ).fireAncestors(name, ...args)
}
