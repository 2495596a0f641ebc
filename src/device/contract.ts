/**
 * The operator's middleware vouches for this box: it gives a token the app sends with licence,
 * catalogue, entitlement and analytics requests, so no secret has to live in settings.json or in
 * the bundle. A plug-in behind a registry like the catalogue backends (see registry.ts).
 *
 * Lifecycle: created once at start from the settings; getDeviceToken() is called before each
 * authorised request and may answer from memory; refresh() is called once when a service
 * answered 401, and its token replaces the old one. Neither throws anything but DeviceAuthError.
 */
export interface DeviceToken {
  token: string
  /** Wall-clock ms after which the token is refreshed before use; absent: until a 401. */
  expiresAt?: number
}

export interface DeviceAuth {
  getDeviceToken(): Promise<DeviceToken>
  refresh(): Promise<DeviceToken>
}

/** What a DeviceAuth plug-in is given: the box's identity and the network, nothing else. */
export interface DeviceAuthHost {
  settings: DeviceAuthSettings
  /** This box's id (one per install, kept in storage). */
  deviceId: string
  fetch: typeof fetch
  wallClock: () => number
  /** App version and platform name, sent to the middleware as information. */
  app: { version: string; platform: string }
}

export interface DeviceAuthSettings {
  auth: string
  /** The middleware's token endpoint (auth "http"). */
  url: string
  timeoutMs: number
  /** The request header that carries the token; "Authorization" gets "Bearer <token>". */
  header: string
  /** Shown when the operator does not recognise the box, e.g. "0800 00 000". */
  support: string
}

export type DeviceAuthFactory = (host: DeviceAuthHost) => DeviceAuth

/** Codes never reused (docs/device-auth-api/README.md). */
export const DeviceAuthErrorCode = {
  /** The middleware could not be reached or did not answer in time; payload: the cause. */
  UNREACHABLE: 9001,
  /** The middleware answered with an error status or without a token; payload: status/body. */
  REFUSED: 9002,
  /** A service answered 401 again after the token was refreshed; payload: the URL. */
  NOT_RECOGNISED: 9003,
} as const

export class DeviceAuthError extends Error {
  constructor(
    readonly code: (typeof DeviceAuthErrorCode)[keyof typeof DeviceAuthErrorCode],
    message: string,
  ) {
    super(message)
    this.name = 'DeviceAuthError'
  }
}
