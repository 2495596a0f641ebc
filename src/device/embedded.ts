import type { DeviceAuth, DeviceAuthFactory } from './contract'

/**
 * The demo's device token: made from this install's random device id, so the reference servers
 * can tell boxes apart. It proves nothing and holds no secret; a real operator uses "http" (or
 * its own plug-in) so the token comes from its middleware. refresh() counts up, so a server that
 * rejects a token sees a different one on the retry.
 */
export const embeddedDeviceAuth: DeviceAuthFactory = (host): DeviceAuth => {
  let generation = 1
  const current = () => ({ token: `demo.${host.deviceId}.${generation}` })
  return {
    getDeviceToken: () => Promise.resolve(current()),
    refresh: () => {
      generation++
      return Promise.resolve(current())
    },
  }
}
