import { authorizedFetch } from './authorizedFetch'
import type { DeviceAuth, DeviceAuthSettings } from './contract'
import type { DeviceAuthRegistry } from './registry'

/** What the rest of the app gets from the device seam. */
export interface DeviceAccess {
  /** null with device.auth "none" (or a name nobody registered): requests carry no token. */
  auth: DeviceAuth | null
  /** For the operator's services (catalogue, entitlements, analytics): carries the token. */
  fetch: typeof fetch
  /** The header the token goes in, for the player's licence requests. */
  header: string
  /** The household's words when the box is refused twice, for a URL. */
  notRecognised(url: string): string
}

/**
 * Builds the device seam from appSettings.device at start: the plug-in the settings name, and the
 * fetch the operator's services are given. Nothing is asked of the middleware until a request
 * needs a token.
 */
export function createDeviceAccess(options: {
  settings: DeviceAuthSettings
  registry: DeviceAuthRegistry
  deviceId: () => string
  fetch: typeof fetch
  wallClock: () => number
  app: { version: string; platform: string }
  log: (message: string) => void
  notRecognised: (url: string) => string
}): DeviceAccess {
  const { settings } = options
  const auth = options.registry.create(
    {
      settings,
      // Read (or made) only when a plug-in is used: "none" leaves storage alone.
      get deviceId() {
        return options.deviceId()
      },
      fetch: options.fetch,
      wallClock: options.wallClock,
      app: options.app,
    },
    options.log,
  )
  return {
    auth,
    fetch: authorizedFetch(options.fetch, auth, {
      header: settings.header,
      support: settings.support,
      message: options.notRecognised,
    }),
    header: settings.header,
    notRecognised: options.notRecognised,
  }
}
