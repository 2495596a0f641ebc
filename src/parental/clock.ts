/** Minutes since local midnight, from an "HH:MM" time of day (00:00 to 23:59); null otherwise. */
export function parseClockTime(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text)
  if (!match) return null
  const hours = Number(match[1])
  const minutes = Number(match[2])
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null
}

/**
 * Whether a time of day falls in a window that starts at `from` (included) and ends at `until`
 * (excluded); a window whose end is earlier than its start runs past midnight. An empty window
 * (from = until) contains no time at all.
 */
export function inWindow(minutes: number, from: number, until: number): boolean {
  if (from <= until) return minutes >= from && minutes < until
  return minutes >= from || minutes < until
}
