import type { CatalogueProblem } from '../catalogue/errors'

/**
 * The help line of the catalogue error dialog, as a translation key. "Check the connection" only
 * helps when the connection is what failed: a feed that arrived but cannot be read, or a backend
 * the app is not set up for, is the operator's to fix, and the household should be told so rather
 * than unplug its box. A backend that says it is busy (429, 503) will answer later, and a box the
 * operator does not recognise (401) needs the operator, and a service that answered with an
 * error (5xx, 404) is said to have failed, not the connection. The key takes a `support` parameter (who to call).
 */
export function catalogueErrorHelp(
  problem: Pick<CatalogueProblem, 'category' | 'status'> | undefined,
): string {
  if (problem?.status === 401) return 'error.catalogue.helpDevice'
  if (problem?.status === 429 || problem?.status === 503) return 'error.catalogue.helpBusy'
  // The box reached the service, which failed: the household's connection is not the cause.
  if (problem?.status && (problem.status >= 500 || problem.status === 404))
    return 'error.catalogue.helpServer'
  switch (problem?.category) {
    case 'format':
    case 'item':
      return 'error.catalogue.helpFormat'
    case 'config':
      return 'error.catalogue.helpConfig'
    default:
      return 'error.catalogue.help'
  }
}
