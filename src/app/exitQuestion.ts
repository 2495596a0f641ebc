/** The dialogs App can show over every screen. */
export type Overlay = 'exit' | 'exit-unavailable' | 'config-error' | 'catalogue-error' | null

/**
 * Whether the overlay shown must close because the app was sent to `hash`. The exit question
 * belongs to home: a deep link from the box's launcher or guide ("watch now") that arrives while
 * it is open takes the household somewhere else, and the question left over that screen would
 * take its keys (OK answered "Stay" instead of pressing Play). The error overlays follow the
 * state of the settings and the catalogue, not the route.
 */
export function overlayClosesOnRoute(overlay: Overlay, hash: string): boolean {
  if (overlay !== 'exit' && overlay !== 'exit-unavailable') return false
  const route = hash.replace(/^#\/?/, '')
  return route !== 'home' && route !== ''
}
