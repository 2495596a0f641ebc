import { webcrypto } from 'node:crypto'
import type { PinCrypto } from '../../../src/parental/pin'

/** Node's WebCrypto, which is what a browser's crypto.subtle is to the app. */
export const nodePinCrypto: PinCrypto = {
  subtle: webcrypto.subtle as unknown as SubtleCrypto,
  random: (bytes) => webcrypto.getRandomValues(bytes),
}
