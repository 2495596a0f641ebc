/**
 * The SDK's Router takes a hash change only when it is not already navigating: one that comes
 * while a key's navigation is in flight (Back through the history during a tile's OK, a deep link
 * from the box during a key) finds no request of its own in the Router's queue, throws inside the
 * Router's listener, and is lost. The address then names one screen while another is shown, and
 * OK on the tile the address names does nothing, since the hash does not change. The App
 * follows such a hash once the Router is done.
 */

export interface RouterLike {
  isNavigating(): boolean
  getActiveHash(): string | undefined
  navigate(hash: string, args?: { reload?: boolean }): void
}

/** The address's route when the Router shows another; null when they agree. */
export function droppedHash(locationHash: string, activeHash: string | undefined): string | null {
  const body = locationHash.replace(/^#/, '')
  if (body === '') return null
  let decoded = body
  try {
    decoded = decodeURIComponent(body)
  } catch {
    // Mended before the Router reads it (decodableHash.ts); compared as written here.
  }
  const active = activeHash ?? ''
  return body === active || decoded === active ? null : body
}

const POLL_MS = 100
const MAX_POLLS = 50

/**
 * A hashchange listener that, when the change came while the Router was navigating, waits for it
 * to finish (at most 5 s) and navigates to the address if the Router did not.
 *
 * Only the change this listener was called for is followed. The address may already name a newer
 * one whose hashchange event is still to come (a link followed, a screen left with Back, just as
 * the Router finished): following that too sent the Router to the same screen twice, the second
 * time keeping the screen in its own history, and the household's next Back went nowhere.
 */
export function followDroppedHashes(
  router: RouterLike,
  location: Pick<Location, 'hash'>,
  schedule: (run: () => void, ms: number) => unknown = setTimeout,
): () => void {
  return () => {
    if (!router.isNavigating()) return
    const changedTo = location.hash
    let polls = 0
    const check = () => {
      if (router.isNavigating() && ++polls < MAX_POLLS) {
        schedule(check, POLL_MS)
        return
      }
      // A newer change: its own event decides.
      if (location.hash !== changedTo) return
      const lost = droppedHash(location.hash, router.getActiveHash())
      if (lost !== null) {
        console.warn(`router: #${lost} came while navigating and was dropped; following it`)
        // The address already has it, so no hashchange would come: the Router is told directly.
        router.navigate(lost, { reload: true })
      }
    }
    schedule(check, POLL_MS)
  }
}

/**
 * The Router's throw for such a hash, as each engine words it ("Cannot set properties of undefined
 * (setting 'hash')", "undefined is not an object (evaluating 'request.hash = …')"). It escapes as
 * an unhandled rejection of the Router's own listener; the hash is followed above, so the box's
 * log is spared an uncaught error for every hurried Back.
 */
export function isDroppedHashThrow(reason: unknown): boolean {
  return (
    reason instanceof TypeError &&
    /\bhash\b/.test(reason.message) &&
    /undefined/.test(reason.message)
  )
}
