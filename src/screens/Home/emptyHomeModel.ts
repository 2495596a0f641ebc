import type { NotOffered } from '../../catalogue/Catalogue'
import type { CatalogueProblem } from '../../catalogue/errors'
import type { Translate } from '../../catalogue/offers'
import { notOfferedPhrase, reasonPhrase, skippedByReason, totalOf } from '../Diagnostics/skipped'

export type EmptyHomeAction = 'live' | 'retry' | 'settings'

export interface EmptyHomeModel {
  title: string
  /** What happened (skipped items by reason, items out of their window), then what to do. */
  lines: string[]
  skipped: number
  /** The panel's buttons, the first focused. */
  actions: EmptyHomeAction[]
}

/**
 * The message home shows when the catalogue loaded but has nothing to show: the household is told
 * why in a sentence or two, never left with an empty screen. Item ids stay on the operator's
 * diagnostics page. A feed of live channels only (`live`) is no fault: home leads to them.
 */
export function emptyHomeModel(
  catalogue: { problems: readonly CatalogueProblem[]; notOffered?: NotOffered | undefined },
  t: Translate,
  live = false,
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
  if (live) {
    return {
      title: t('home.liveOnly.title'),
      lines: [...lines, t('home.liveOnly.help')],
      skipped,
      actions: lines.length ? ['live', 'retry', 'settings'] : ['live', 'settings'],
    }
  }
  if (lines.length === 0) lines.push(t('home.empty.nothing'))
  lines.push(t('home.empty.help'))
  return { title: t('home.empty.title'), lines, skipped, actions: ['retry', 'settings'] }
}
