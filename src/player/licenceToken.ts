import { authHeader } from '../device/authorizedFetch'
import type { DeviceAuth, DeviceToken } from '../device/contract'

/**
 * The device token on licence requests. Shaka runs its request filters before every attempt of a
 * request and reports each failed attempt with a cancelable 'retry' event (shaka-player 5.2,
 * lib/net/networking_engine.js send_), so: the filter adds the token; on a 401 the session asks
 * `unauthorized()`, which refreshes the token once and lets Shaka try again (the next attempt's
 * filter waits for the new token); a second 401 is refused, and the session reports that the
 * operator did not recognise the box. A licence that arrives resets the once-rule.
 */
export class LicenceToken {
  private refreshing: Promise<DeviceToken> | null = null
  private refreshed = false
  /** True once a refreshed token was refused too, until a licence arrives. */
  notRecognised = false

  constructor(
    private readonly auth: DeviceAuth,
    private readonly header: string,
  ) {}

  /** Request filter body for LICENSE requests. Rejects only with a DeviceAuthError. */
  async addTo(headers: Record<string, string>): Promise<void> {
    const { token } = await (this.refreshing ?? this.auth.getDeviceToken())
    headers[this.header] = authHeader(this.header, token)
  }

  /** A licence attempt got 401: true when a fresh token is on its way and a retry makes sense. */
  unauthorized(): boolean {
    if (this.refreshed) {
      this.notRecognised = true
      return false
    }
    this.refreshed = true
    const refreshing = this.auth.refresh()
    this.refreshing = refreshing
    const done = () => {
      if (this.refreshing === refreshing) this.refreshing = null
    }
    refreshing.then(done, done)
    return true
  }

  /** A licence arrived: the next 401 may refresh again. */
  licenceReceived(): void {
    this.refreshed = false
    this.notRecognised = false
  }
}
