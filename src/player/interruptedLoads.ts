/**
 * Shaka's error for a load cut short by destroy() or by another load (category PLAYER, code
 * LOAD_INTERRUPTED). The app interrupts loads on purpose (Back during a start, leaving during a
 * pre-roll), and Shaka's interstitial manager leaves the promise of its own ad load unhandled when
 * that happens, which the engine reports as an uncaught error. Nothing else is silenced.
 */
const PLAYER_CATEGORY = 7
const LOAD_INTERRUPTED = 7000

export function isInterruptedLoad(reason: unknown): boolean {
  if (typeof reason !== 'object' || reason === null) return false
  const { code, category } = reason as { code?: unknown; category?: unknown }
  return code === LOAD_INTERRUPTED && category === PLAYER_CATEGORY
}

/** Keeps interrupted loads out of the engine's uncaught errors; installed once, with Shaka. */
export function quietInterruptedLoads(target: Pick<Window, 'addEventListener'>): void {
  target.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    if (isInterruptedLoad(event.reason)) event.preventDefault()
  })
}
