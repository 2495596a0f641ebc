import { CatalogueErrorCode, SKIP_REASONS, type CatalogueProblem } from '../../catalogue/errors'
import type { SkipReason } from '../../catalogue/errors'
import type { NotOffered } from '../../catalogue/Catalogue'
import type { Translate } from '../../catalogue/offers'

/** A skip reason, or 'other' for a skipped item whose backend gave none. */
export type SkipGroupReason = SkipReason | 'other'

export const SKIP_GROUP_REASONS: readonly SkipGroupReason[] = [...SKIP_REASONS, 'other']

export interface SkippedGroup {
  reason: SkipGroupReason
  count: number
  /** Item ids in feed order (an item without an id is listed by its position, e.g. "#3"). */
  ids: string[]
  /** What the backend said of the first of them ("genres.0: Invalid option..."): which field. */
  firstMessage?: string
}

export const isSkippedItem = (problem: CatalogueProblem): boolean =>
  problem.code === CatalogueErrorCode.ITEM_INVALID

/**
 * Skipped items grouped by reason: largest group first, ties in SKIP_REASONS order, so the most
 * telling reason leads both the household's line and the operator's list.
 */
export function skippedByReason(problems: readonly CatalogueProblem[]): SkippedGroup[] {
  const groups = new Map<SkipGroupReason, SkippedGroup>()
  for (const problem of problems) {
    if (!isSkippedItem(problem)) continue
    const reason: SkipGroupReason =
      problem.reason && SKIP_GROUP_REASONS.includes(problem.reason) ? problem.reason : 'other'
    const group = groups.get(reason) ?? {
      reason,
      count: 0,
      ids: [],
      ...(problem.message ? { firstMessage: problem.message } : {}),
    }
    group.count++
    group.ids.push(problem.itemId ?? '?')
    groups.set(reason, group)
  }
  const rank = (reason: SkipGroupReason) => SKIP_GROUP_REASONS.indexOf(reason)
  return [...groups.values()].sort((a, b) => b.count - a.count || rank(a.reason) - rank(b.reason))
}

export const totalOf = (groups: readonly SkippedGroup[]): number =>
  groups.reduce((sum, group) => sum + group.count, 0)

/** "9 sans vidéo lisible": a group as its count and reason, in the UI language. */
export const reasonPhrase = (group: Pick<SkippedGroup, 'reason' | 'count'>, t: Translate) =>
  t(`skip.${group.reason}`, { count: group.count })

export const AVAILABILITY_STATES = ['expired', 'upcoming'] as const

/** "3 no longer available": titles held back by their window, as a count and why. */
export const availabilityPhrase = (
  state: (typeof AVAILABILITY_STATES)[number],
  count: number,
  t: Translate,
) => t(`availability.${state}`, { count })

/** "3 no longer available, 2 coming soon", or '' when nothing is held back. */
export function notOfferedPhrase(notOffered: NotOffered | undefined, t: Translate): string {
  if (!notOffered) return ''
  return AVAILABILITY_STATES.filter((state) => notOffered[state].length > 0)
    .map((state) => availabilityPhrase(state, notOffered[state].length, t))
    .join(', ')
}
