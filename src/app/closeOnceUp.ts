/** What the SDK's Launch returns: its Application, with the App under the ref 'App' once built. */
interface LaunchedApplication {
  tag?: (ref: string) => unknown
  close?: () => void
}

/**
 * The SDK's `platformSettings.onClose`, which its Application calls for Back and Exit that no
 * component took. Until the App exists (fonts and translations still loading), every Back reaches
 * the Application, and its default closing destroyed the stage under the App the loading then
 * built on it: a black screen for good, from a household pressing Back at the loading screen of
 * a slow box. Such a key is ignored; once the App is up, closing is what it was (the start-up
 * page's own onClose, or the SDK's).
 */
export function closeOnceUp(
  platformSettings: Record<string, unknown>,
  application: () => unknown,
): (...args: unknown[]) => void {
  const given = platformSettings.onClose
  return (...args: unknown[]) => {
    const launched = application() as LaunchedApplication | undefined
    if (!launched?.tag?.('App')) {
      console.info('Back or Exit before the app was up: ignored')
      return
    }
    if (typeof given === 'function') (given as (...a: unknown[]) => void)(...args)
    else launched.close?.()
  }
}
