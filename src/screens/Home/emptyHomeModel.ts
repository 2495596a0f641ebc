import type { NotOffered } from '../../catalogue/Catalogue'
import type { CatalogueProblem } from '../../catalogue/errors'
import type { Translate } from '../../catalogue/offers'
import { notOfferedPhrase, reasonPhrase, skippedByReason, totalOf } from '../Diagnostics/skipped'

export interface EmptyHomeModel {
  title: string
  /** What happened (skipped items by reason, items out of their window), then what to do. */
  lines: string[]
  skipped: number
}

/**
 * The message home shows when the catalogue loaded but has nothing to show: the household is told
 * why in a sentence or two, never left with an empty screen. Item ids stay on the operator's
 * diagnostics page.
 */
export function emptyHomeModel(
  catalogue: { problems: readonly CatalogueProblem[]; notOffered?: NotOffered | undefined },
  t: Translate,
): EmptyHomeModel {
  const groups = skippedByReason(catalogue.problems)
  const skipped = totalOf(groups)
  const lines: string[] = []
  if (skipped > 0) {
    const reasons = groups.map((group) => reasonPhrase(group, t)).join(', ')
    lines.push(
      skipped === 1
        ? t('home.empty.skippedOne', { reasons })
        : t('home.empty.skipped', { count: skipped, reasons }),
    )
  }
  const notOffered = notOfferedPhrase(catalogue.notOffered, t)
  if (notOffered) lines.push(t('home.empty.notOffered', { reasons: notOffered }))
  if (lines.length === 0) lines.push(t('home.empty.nothing'))
  lines.push(t('home.empty.help'))
  return { title: t('home.empty.title'), lines, skipped }
}
