/**
 * Entitlement errors are data: a numeric code (never reused; the 3000s are this plug-in's), a
 * kind a screen can branch on, whether the same call may still succeed, and a message for logs.
 * Kind and recoverability follow from the code (CODE_INFO), so they never disagree.
 */
export const EntitlementErrorCode = {
  /** The backend could not be reached (no network, refused connection, CORS). Payload: url. */
  OFFLINE: 3001,
  /** No answer within appSettings.entitlements.timeoutMs. Payload: url. */
  TIMEOUT: 3002,
  /** The backend failed (5xx, 429, an unexpected status). Payload: url, status. */
  SERVER: 3003,
  /**
   * The backend answered 2xx with something that is not the contract. A purchase may have gone
   * through: recoverable, so the idempotency key is kept. Payload: url, reason in the message.
   */
  NOT_CONTRACT: 3004,
  /** Payment refused (HTTP 402). Final for this attempt. Payload: url, status. */
  DECLINED: 3005,
  /** The price shown is no longer the price (HTTP 409 price_changed). Payload: url, status. */
  PRICE_CHANGED: 3006,
  /** The backend refused the request as wrong (4xx: unknown title, offer or pass). Payload: url, status. */
  INVALID_REQUEST: 3007,
  /** The caller aborted (dispose, navigation). A purchase's outcome is then unknown. */
  ABORTED: 3008,
  /** No entitlement backend is registered under appSettings.entitlements.backend. */
  UNKNOWN_BACKEND: 3009,
  /** appSettings.entitlements.url is not a URL. */
  BAD_URL: 3010,
  /** The rental to start is not the household's (HTTP 404 unknown_rental). Payload: url, status. */
  UNKNOWN_RENTAL: 3011,
  /** The rental was never played before its startBy and has lapsed (HTTP 409 start_window_passed). */
  START_EXPIRED: 3012,
  /**
   * The idempotency key was already used for another request (HTTP 422): the request changed
   * while its key was pending (e.g. a new price). Final: the next attempt takes a new key.
   */
  KEY_REUSED: 3013,
  /** Any other refusal because the server's state differs (HTTP 409). Payload: url, status. */
  CONFLICT: 3014,
  /**
   * The operator refused the box's device token even after a refresh (src/device, 401 twice).
   * Final. Payload: url in the message.
   */
  DEVICE_NOT_RECOGNISED: 3015,
} as const

export type EntitlementErrorCodeValue =
  (typeof EntitlementErrorCode)[keyof typeof EntitlementErrorCode]

/**
 * 'aborted' is not a failure to show: the app itself stopped the call (it is not in the list of
 * kinds screens explain to the household).
 */
export type EntitlementErrorKind =
  'declined' | 'timeout' | 'offline' | 'server' | 'invalid' | 'conflict' | 'aborted'

const CODE_INFO: Record<
  EntitlementErrorCodeValue,
  { kind: EntitlementErrorKind; recoverable: boolean }
> = {
  [EntitlementErrorCode.OFFLINE]: { kind: 'offline', recoverable: true },
  [EntitlementErrorCode.TIMEOUT]: { kind: 'timeout', recoverable: true },
  [EntitlementErrorCode.SERVER]: { kind: 'server', recoverable: true },
  [EntitlementErrorCode.NOT_CONTRACT]: { kind: 'server', recoverable: true },
  [EntitlementErrorCode.DECLINED]: { kind: 'declined', recoverable: false },
  [EntitlementErrorCode.PRICE_CHANGED]: { kind: 'conflict', recoverable: false },
  [EntitlementErrorCode.INVALID_REQUEST]: { kind: 'invalid', recoverable: false },
  [EntitlementErrorCode.ABORTED]: { kind: 'aborted', recoverable: true },
  [EntitlementErrorCode.UNKNOWN_BACKEND]: { kind: 'invalid', recoverable: false },
  [EntitlementErrorCode.BAD_URL]: { kind: 'invalid', recoverable: false },
  [EntitlementErrorCode.UNKNOWN_RENTAL]: { kind: 'invalid', recoverable: false },
  [EntitlementErrorCode.START_EXPIRED]: { kind: 'conflict', recoverable: false },
  [EntitlementErrorCode.KEY_REUSED]: { kind: 'invalid', recoverable: false },
  [EntitlementErrorCode.CONFLICT]: { kind: 'conflict', recoverable: false },
  [EntitlementErrorCode.DEVICE_NOT_RECOGNISED]: { kind: 'invalid', recoverable: false },
}

export class EntitlementError extends Error {
  readonly kind: EntitlementErrorKind
  /**
   * True: the same call may still succeed (and a purchase may have gone through): retry with the
   * same idempotency key. False: the outcome is final.
   */
  readonly recoverable: boolean

  constructor(
    readonly code: EntitlementErrorCodeValue,
    message: string,
    readonly backend: string,
    /** The HTTP status, when there was an answer. */
    readonly status?: number,
  ) {
    super(message)
    this.name = 'EntitlementError'
    const info = CODE_INFO[code]
    this.kind = info.kind
    this.recoverable = info.recoverable
  }
}

export const isEntitlementError = (error: unknown): error is EntitlementError =>
  error instanceof EntitlementError

/** Any rejection as an EntitlementError: a backend that breaks the contract still yields data. */
export function asEntitlementError(error: unknown, backend: string): EntitlementError {
  if (isEntitlementError(error)) return error
  return new EntitlementError(EntitlementErrorCode.SERVER, String(error), backend)
}

/** The translation key of what to tell the household about `error` (static/translations.json). */
export function entitlementErrorKey(error: EntitlementError): string {
  switch (error.code) {
    case EntitlementErrorCode.PRICE_CHANGED:
      return 'entitlement.error.priceChanged'
    case EntitlementErrorCode.START_EXPIRED:
      return 'entitlement.error.startExpired'
    case EntitlementErrorCode.DEVICE_NOT_RECOGNISED:
      return 'entitlement.error.deviceNotRecognised'
    default:
      return `entitlement.error.${error.kind}`
  }
}
