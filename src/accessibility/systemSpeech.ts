/**
 * The box's own "audio guidance" / "voice guide" setting, read where the platform documents it,
 * so a household that turned it on for the whole TV hears this app too without looking for a
 * switch they cannot see. Browsers have no such setting: nothing is reported there.
 */

interface LunaRequestOptions {
  method: string
  parameters: Record<string, unknown>
  onSuccess(response: unknown): void
  onFailure(error: unknown): void
}

/** The globals each platform provides, as far as this file uses them; tests pass fakes. */
export interface SystemSpeechGlobals {
  /** webOS TV (webOSTV.js): luna service requests. */
  webOS?: {
    service?: {
      request?(uri: string, options: LunaRequestOptions): { cancel?(): void } | undefined
    }
  }
  /** Samsung Tizen (webapis.js, loaded by the operator's index.html): TvInfo menu values. */
  webapis?: {
    tvinfo?: {
      getMenuValue?(key: unknown): unknown
      TvInfoMenuKey?: { VOICE_GUIDE_KEY?: unknown }
    }
  }
}

/**
 * Reports the box's setting to `report` (true on, false off) as soon as it is known, and again
 * when it changes where the platform says so; never throws. Returns a function that stops
 * listening.
 *
 * - webOS TV 3.0+: luna://com.webos.settingsservice getSystemSettings, category 'option', key
 *   'audioGuidance' ('on' / 'off'), subscribed for changes. (The app's appinfo.json also needs
 *   supportsAudioGuidance: true for the TV to leave speech to the app.)
 * - Tizen: webapis.tvinfo.getMenuValue(TvInfoMenuKey.VOICE_GUIDE_KEY), 1 on, 0 off; read once.
 */
export function watchSystemSpeech(
  globals: SystemSpeechGlobals,
  report: (on: boolean) => void,
  log: (message: string) => void = () => {},
): () => void {
  const service = globals.webOS?.service
  if (service && typeof service.request === 'function') {
    try {
      const handle = service.request('luna://com.webos.settingsservice', {
        method: 'getSystemSettings',
        parameters: { category: 'option', keys: ['audioGuidance'], subscribe: true },
        onSuccess: (response) => {
          const value = (response as { settings?: { audioGuidance?: unknown } } | null)?.settings
            ?.audioGuidance
          if (value === 'on' || value === 'off') report(value === 'on')
        },
        onFailure: (error) => log(`audio guidance setting not readable: ${JSON.stringify(error)}`),
      })
      return () => handle?.cancel?.()
    } catch (error) {
      log(`audio guidance setting not readable: ${String(error)}`)
      return () => {}
    }
  }
  const tvinfo = globals.webapis?.tvinfo
  const key = tvinfo?.TvInfoMenuKey?.VOICE_GUIDE_KEY
  if (tvinfo && typeof tvinfo.getMenuValue === 'function' && key !== undefined) {
    try {
      const value = tvinfo.getMenuValue(key)
      if (value === 1 || value === 0) report(value === 1)
    } catch (error) {
      log(`voice guide setting not readable: ${String(error)}`)
    }
  }
  return () => {}
}
