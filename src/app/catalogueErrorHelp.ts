import type { CatalogueProblem } from '../catalogue/errors'

/**
 * The help line of the catalogue error dialog, as a translation key. "Check the connection" only
 * helps when the connection is what failed: a feed that arrived but cannot be read, or a backend
 * the app is not set up for, is the operator's to fix, and the household should be told so rather
 * than unplug its box. HTTP errors stay with the connection: a 5xx or a 404 may be passing.
 */
export function catalogueErrorHelp(
  problem: Pick<CatalogueProblem, 'category'> | undefined,
): string {
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
