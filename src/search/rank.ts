/**
 * Why a title matched a query, strongest first. The order is what the household expects of the
 * big apps: the title they are spelling, then a word of a title, then someone in it, then who
 * made or broadcast it, then its genre, and last any title merely containing the letters.
 */
export const MATCH_KINDS = [
  'title-prefix',
  'word-prefix',
  'person',
  'brand',
  'genre',
  'substring',
] as const
export type MatchKind = (typeof MATCH_KINDS)[number]

/** Higher is stronger. */
export const MATCH_STRENGTH: Readonly<Record<MatchKind, number>> = {
  'title-prefix': 6,
  'word-prefix': 5,
  person: 4,
  brand: 3,
  genre: 2,
  substring: 1,
}

export interface Ranked<T> {
  item: T
  kind: MatchKind
  /** The title is exactly the query: first among the title-prefix matches. */
  exact: boolean
  /** Position in the catalogue: ties keep the catalogue's (editorial) order. */
  position: number
}

export function compareRanked<T>(a: Ranked<T>, b: Ranked<T>): number {
  return (
    MATCH_STRENGTH[b.kind] - MATCH_STRENGTH[a.kind] ||
    Number(b.exact) - Number(a.exact) ||
    a.position - b.position
  )
}

/** The strongest matches first, at most `limit`. */
export function rank<T>(matches: Ranked<T>[], limit: number): Ranked<T>[] {
  return [...matches].sort(compareRanked).slice(0, Math.max(0, limit))
}
