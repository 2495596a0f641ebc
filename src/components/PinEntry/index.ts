export { default, type PinEntryLabels, type PinEntrySnapshot } from './PinEntry'
export type { PadKey } from './padLayout'
