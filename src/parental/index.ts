export { inWindow, parseClockTime } from './clock'
export {
  attemptsLeft,
  isLocked,
  minutesLeft,
  NO_FAILURES,
  readLockout,
  recordFailure,
  recordSuccess,
  settle,
  type LockoutSettings,
  type LockoutState,
} from './lockout'
export {
  LOCKOUT_STORAGE_KEYS,
  ParentalStore,
  PIN_KINDS,
  PIN_STORAGE_KEYS,
  type ChangePinResult,
  type CheckResult,
  type ParentalState,
  type ParentalStoreDeps,
  type PinKind,
  type PinStatus,
  type SetPinResult,
  type SkipSetupResult,
} from './ParentalStore'
export {
  browserPinCrypto,
  hashPin,
  isValidPin,
  MIN_PIN_LENGTH,
  PIN_ITERATIONS,
  readPinRecord,
  verifyPin,
  type PinCrypto,
  type PinRecord,
} from './pin'
export {
  ratingDisplay,
  ratingSystemFor,
  type DescriptorIcon,
  type RatingDisplay,
  type RatingSystem,
} from './ratingDisplay'
export {
  csaAge,
  lockOf,
  type Lock,
  type ParentalSettings,
  type PinReason,
  type Viewer,
} from './rules'
export { watchSleep } from './watchSleep'
