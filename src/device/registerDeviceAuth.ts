import { embeddedDeviceAuth } from './embedded'
import { httpDeviceAuth } from './httpAuth'
import { DeviceAuthRegistry } from './registry'

/** The device-token plug-ins the app ships; an operator registers its own here. */
export function registerDeviceAuth(registry = new DeviceAuthRegistry()): DeviceAuthRegistry {
  registry.register('embedded', embeddedDeviceAuth)
  registry.register('http', httpDeviceAuth)
  return registry
}
