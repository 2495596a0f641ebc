/** "1 h 37" / "2 h 05" / "2 h" / "52 min": durations as viewers read them on an EPG. */
export function formatDuration(minutes: number | undefined): string {
  if (minutes === undefined) return ''
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (!hours) return `${rest} min`
  return rest ? `${hours} h ${String(rest).padStart(2, '0')}` : `${hours} h`
}

/** 75.4 -> "1:15", 3725 -> "1:02:05": player clock. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0))
  const hours = Math.floor(s / 3600)
  const minutes = Math.floor((s % 3600) / 60)
  const seconds = String(s % 60).padStart(2, '0')
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

const two = (n: number): string => String(n).padStart(2, '0')

/** "03/12/2026 21:40": a wall-clock time in the box's time zone, as Belgian guides write it. */
export function formatDateTime(at: number): string {
  const d = new Date(at)
  const date = `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`
  return `${date} ${two(d.getHours())}:${two(d.getMinutes())}`
}

/** Prices in the viewer's locale convention: "4,99 €" in fr/nl/de, "€4.99" in en. */
export function formatPrice(amount: number, language: string): string {
  const fixed = amount.toFixed(2)
  return language === 'en' ? `€${fixed}` : `${fixed.replace('.', ',')} €`
}
