/**
 * Catalogue errors are data: a category, a numeric code that is never reused, a message for logs,
 * and the offending item where there is one. Screens decide what to say from the code.
 */
export const CatalogueErrorCode = {
  /** The backend could not be reached. Payload: url. */
  NETWORK: 1001,
  /** The backend answered with an HTTP error status. Payload: url, status. */
  HTTP_STATUS: 1002,
  /** The response is not JSON. Payload: url. */
  NOT_JSON: 1003,
  /** The response is JSON but not the catalogue contract. Payload: url, reason. */
  NOT_CONTRACT: 1004,
  /** The request was aborted (navigation away, timeout). */
  ABORTED: 1005,
  /** No backend is registered under the configured name. Payload: backend. */
  UNKNOWN_BACKEND: 1006,
  /** No answer within the configured time (appSettings.catalogue.timeoutMs). Payload: url. */
  TIMEOUT: 1007,
  /**
   * A further page of a rail (or of the title list) could not be loaded; the rail keeps what it
   * has. Recoverable. Payload: url (in the message), itemId = the rail id.
   */
  PAGE_FAILED: 1008,
  /**
   * The last good catalogue could not be stored on the device (storage full or unavailable); the
   * app still works, without an offline copy. Recoverable. Payload: reason.
   */
  CACHE_WRITE_FAILED: 1009,
  /**
   * The response is not well-formed XML (a feed backend such as MRSS expected XML). Payload: url,
   * and the parser's first complaint in the message.
   */
  NOT_XML: 1010,
  /** One item failed validation and was skipped; the rest is usable. Payload: itemId, reason. */
  ITEM_INVALID: 1100,
  /**
   * Parts of a title shown were left out (subtitle files the player cannot use, credits of a
   * role the app has no place for); the title shows without them. Payload: itemId, leftOut.
   */
  PART_LEFT_OUT: 1101,
} as const

export type CatalogueErrorCodeValue = (typeof CatalogueErrorCode)[keyof typeof CatalogueErrorCode]

/**
 * Why an item was skipped, for the diagnostics page and the empty-home message (grouped and
 * counted by reason; `message` keeps the detail).
 */
export const SKIP_REASONS = [
  /** No video the app can play (none, or only Smooth Streaming). */
  'no-playable-video',
  /** A field the app needs is absent (id, title...). */
  'missing-field',
  /** A field has a value the app cannot use (a bad URL, a wrong type, too long...). */
  'invalid-field',
  /** Another item has the same id; the first is kept. */
  'duplicate-id',
  /** Not an item at all (a string, a number, null). */
  'not-an-item',
  /** Its rights exclude the boxes' country (MRSS media:restriction). */
  'not-in-country',
] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

/** Why a part of a title shown was left out, for the diagnostics page (one line each). */
export const LEFT_OUT_REASONS = [
  /** A subtitle file in a format the player cannot show (SSA/ASS, SCC, SAMI...). */
  'subtitle-format',
  /** A subtitle file that says no language, or one that cannot be read as a language code. */
  'subtitle-language',
  /** A credit whose role the app has no place for (a director of photography, an editor). */
  'credit-role',
] as const
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number]

/** One part left out: why, and which (a file's name, a role and a name) for the operator. */
export interface LeftOutPart {
  reason: LeftOutReason
  detail: string
}

export interface CatalogueProblem {
  severity: 'recoverable' | 'critical'
  category: 'network' | 'format' | 'item' | 'config' | 'cache'
  code: CatalogueErrorCodeValue
  message: string
  backend: string
  itemId?: string
  /** HTTP_STATUS: the status the backend answered (e.g. 404 tells "no such item" from an outage). */
  status?: number
  /** ITEM_INVALID: why the item was skipped. */
  reason?: SkipReason
  /** PART_LEFT_OUT: why, how many parts of the item, and the first of them. */
  leftOut?: { reason: LeftOutReason; count: number; detail: string }
}

/** A skipped item, as a problem. */
export function skippedItem(
  backend: string,
  itemId: string,
  reason: SkipReason,
  message: string,
): CatalogueProblem {
  return {
    severity: 'recoverable',
    category: 'item',
    code: CatalogueErrorCode.ITEM_INVALID,
    backend,
    itemId: itemId.slice(0, 200),
    reason,
    message,
  }
}

/**
 * At most this many items are reported per reason: a feed that credits a director of
 * photography on each of its 2,000 titles must not fill the box's storage with the same line.
 */
export const MAX_LEFT_OUT_ITEMS = 100

/**
 * The parts left out of the titles kept, as problems: one per item and reason, counted, naming
 * the first part. `parts` lists each item's feed id (what the operator finds in the CMS).
 */
export function partsLeftOut(
  backend: string,
  parts: readonly { itemId: string; parts: readonly LeftOutPart[] }[],
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = []
  for (const reason of LEFT_OUT_REASONS) {
    let items = 0
    for (const entry of parts) {
      const mine = entry.parts.filter((part) => part.reason === reason)
      if (!mine.length || items++ >= MAX_LEFT_OUT_ITEMS) continue
      const detail = mine[0]!.detail.slice(0, 120)
      problems.push({
        severity: 'recoverable',
        category: 'item',
        code: CatalogueErrorCode.PART_LEFT_OUT,
        backend,
        itemId: entry.itemId.slice(0, 200),
        leftOut: { reason, count: mine.length, detail },
        message: `${reason}: ${mine.length} left out (${detail})`,
      })
    }
  }
  return problems
}

export class CatalogueError extends Error {
  constructor(readonly problem: CatalogueProblem) {
    super(problem.message)
    this.name = 'CatalogueError'
  }
}

/**
 * The critical error for a response that is JSON but not the document expected (`what`), naming
 * the first place where it departs from the contract.
 */
export function notContractError(
  backend: string,
  what: string,
  issue: { path: PropertyKey[]; message: string } | undefined,
): CatalogueError {
  const where = issue?.path.map(String).join('.') || 'root'
  return new CatalogueError({
    severity: 'critical',
    category: 'format',
    code: CatalogueErrorCode.NOT_CONTRACT,
    backend,
    message: `${what} (${where}: ${issue?.message})`,
  })
}
