/** What watchSleep needs of `document`. */
export interface VisibilitySource {
  readonly visibilityState: string
  addEventListener(type: 'visibilitychange', listener: () => void): void
  removeEventListener(type: 'visibilitychange', listener: () => void): void
}

/**
 * Relocks every title when the page is hidden: boxes hide the app on standby and when another
 * app takes the screen, and the CSA asks for a relock on standby and power-off. Returns the
 * unsubscribe.
 */
export function watchSleep(document: VisibilitySource, store: { relockAll(): void }): () => void {
  const onChange = () => {
    if (document.visibilityState === 'hidden') store.relockAll()
  }
  document.addEventListener('visibilitychange', onChange)
  return () => document.removeEventListener('visibilitychange', onChange)
}
