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
  /** One item failed validation and was skipped; the rest is usable. Payload: itemId, reason. */
  ITEM_INVALID: 1100,
} as const

export type CatalogueErrorCodeValue = (typeof CatalogueErrorCode)[keyof typeof CatalogueErrorCode]

export interface CatalogueProblem {
  severity: 'recoverable' | 'critical'
  category: 'network' | 'format' | 'item' | 'config' | 'cache'
  code: CatalogueErrorCodeValue
  message: string
  backend: string
  itemId?: string
  /** HTTP_STATUS: the status the backend answered (e.g. 404 tells "no such item" from an outage). */
  status?: number
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
