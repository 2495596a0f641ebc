/** Levenshtein distance, to suggest the key or value an operator probably meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

/**
 * ` (did you mean "x"?)` for the nearest known word within two edits (case ignored), or ''. A
 * word of three letters or fewer gets one edit: two would turn "Zap" or "OK" into "Up".
 */
export function suggestion(word: string, known: readonly string[]): string {
  const best = known
    .map((candidate) => ({ candidate, d: distance(word.toLowerCase(), candidate.toLowerCase()) }))
    .sort((x, y) => x.d - y.d)[0]
  const reach = word.length <= 3 ? 1 : 2
  return best && best.d <= reach ? ` (did you mean "${best.candidate}"?)` : ''
}
