export { inWindow, localMinutesOf, parseClockTime } from './clock'
export {
  attemptsLeft,
  isLocked,
  minutesLeft,
  NO_FAILURES,
  recordFailure,
  recordSuccess,
  settle,
  type LockoutSettings,
  type LockoutState,
} from './lockout'
export {
  ParentalStore,
  PIN_KINDS,
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
  PIN_ITERATIONS,
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
