/**
 * The SDK starts the app once its fonts and the translations file have loaded, and when that file
 * does not load (a 404 or 500 from the CDN, a body cut short) it only logs: the box stays black
 * for good. This watch notices an app that has not started, says which file is missing (the boot
 * guard's screen, scripts/lib/bootGuard.mjs), and starts the app again once the file answers.
 */

/** How long a start may take before the watch looks at why (a weak box at x6 takes about 10 s). */
export const START_CHECK_MS = 15_000
/** How often a missing file is asked for again while its message shows. */
export const FILE_RETRY_MS = 15_000
/** With the file answering, how much longer the start is given before the page is reloaded. */
export const SLOW_START_MS = 30_000

export interface StartWatchHost {
  started(): boolean
  /** Whether the file answers with what the SDK can read (JSON). */
  fileAnswers(): Promise<boolean>
  /** The file's name, for the message. */
  file: string
  showMissing(file: string): void
  reload(): void
  /** Reloads this watch may still make: a start that fails for another reason is not looped. */
  reloadsLeft: number
  setTimeout(run: () => void, ms: number): unknown
}

export function watchStart(host: StartWatchHost): void {
  const answers = () => host.fileAnswers().catch(() => false)
  const reloadOr = (otherwise: () => void) => (host.reloadsLeft > 0 ? host.reload() : otherwise())
  const askAgain = async (): Promise<void> => {
    if (await answers()) reloadOr(() => host.setTimeout(() => void askAgain(), FILE_RETRY_MS))
    else host.setTimeout(() => void askAgain(), FILE_RETRY_MS)
  }
  const look = async (): Promise<void> => {
    if (host.started()) return
    const fine = await answers()
    if (host.started()) return
    if (!fine) {
      host.showMissing(host.file)
      host.setTimeout(() => void askAgain(), FILE_RETRY_MS)
      return
    }
    // The file answers now: the start failed on it a moment ago, or is only slow.
    host.setTimeout(() => {
      if (!host.started()) reloadOr(() => host.showMissing(host.file))
    }, SLOW_START_MS)
  }
  host.setTimeout(() => void look(), START_CHECK_MS)
}

/** Whether `url` answers 200 with JSON, asked past any cache. */
export async function readsAsJson(url: string): Promise<boolean> {
  const response = await fetch(url, { cache: 'no-store' })
  if (!response.ok) return false
  JSON.parse(await response.text())
  return true
}

const RELOADS_KEY = 'belgica.startReloads'
const MAX_RELOADS = 3

/** Reloads left this session (the tab's or box's), so a start failing otherwise is not looped. */
export function startReloadsLeft(session: Pick<Storage, 'getItem'> | undefined): number {
  try {
    return Math.max(0, MAX_RELOADS - (Number(session?.getItem(RELOADS_KEY)) || 0))
  } catch {
    return 0
  }
}

export function countStartReload(session: Pick<Storage, 'getItem' | 'setItem'> | undefined): void {
  try {
    session?.setItem(RELOADS_KEY, String((Number(session.getItem(RELOADS_KEY)) || 0) + 1))
  } catch {
    // No session storage: the reload happens uncounted, once per watch.
  }
}
