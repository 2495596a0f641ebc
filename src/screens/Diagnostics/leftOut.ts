import {
  CatalogueErrorCode,
  LEFT_OUT_REASONS,
  type CatalogueProblem,
  type LeftOutReason,
} from '../../catalogue/errors'

/** Parts left out of the titles shown, for one reason: how many, in which items, the first. */
export interface LeftOutGroup {
  reason: LeftOutReason
  /** Parts over all items (three subtitle files of one film count three). */
  count: number
  /** Item ids in feed order. */
  ids: string[]
  /** The first part, as the operator finds it in the CMS ("fr.ass", "Editor: Ed Monteur"). */
  firstDetail: string
}

export const isLeftOutPart = (problem: CatalogueProblem): boolean =>
  problem.code === CatalogueErrorCode.PART_LEFT_OUT

/**
 * The parts left out, grouped by reason in LEFT_OUT_REASONS order (subtitles first: the
 * household misses those). A problem kept from an older copy without a known reason is passed over.
 */
export function leftOutByReason(problems: readonly CatalogueProblem[]): LeftOutGroup[] {
  const groups = new Map<LeftOutReason, LeftOutGroup>()
  for (const problem of problems) {
    const leftOut = problem.leftOut
    if (!isLeftOutPart(problem) || !leftOut || !LEFT_OUT_REASONS.includes(leftOut.reason)) continue
    const group = groups.get(leftOut.reason) ?? {
      reason: leftOut.reason,
      count: 0,
      ids: [],
      firstDetail: leftOut.detail,
    }
    group.count += leftOut.count
    group.ids.push(problem.itemId ?? '?')
    groups.set(leftOut.reason, group)
  }
  return LEFT_OUT_REASONS.flatMap((reason) => groups.get(reason) ?? [])
}
