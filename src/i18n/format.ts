import type { WallZone } from './wallZone'

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

/** "03/12/2026 21:40": a wall-clock time, as Belgian guides write it. */
export function formatDateTime(at: number, zone: WallZone): string {
  const d = zone.read(at)
  return `${two(d.day)}/${two(d.month)}/${d.year} ${two(d.hour)}:${two(d.minute)}`
}

/** Prices in the viewer's locale convention: "4,99 €" in fr/nl/de, "€4.99" in en. */
export function formatPrice(amount: number, language: string): string {
  const fixed = amount.toFixed(2)
  return language === 'en' ? `€${fixed}` : `${fixed.replace('.', ',')} €`
}

/**
 * Day and month names written out here rather than asked of Intl: old TV engines ship without
 * locale data, or with English only.
 */
const SHORT_DATE_NAMES: Record<string, { days: string[]; months: string[] }> = {
  fr: {
    days: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
    months: [
      'janv.',
      'févr.',
      'mars',
      'avr.',
      'mai',
      'juin',
      'juil.',
      'août',
      'sept.',
      'oct.',
      'nov.',
      'déc.',
    ],
  },
  nl: {
    days: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
    months: [
      'jan.',
      'feb.',
      'mrt.',
      'apr.',
      'mei',
      'jun.',
      'jul.',
      'aug.',
      'sep.',
      'okt.',
      'nov.',
      'dec.',
    ],
  },
  de: {
    days: ['So.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.'],
    months: [
      'Jan.',
      'Feb.',
      'März',
      'Apr.',
      'Mai',
      'Juni',
      'Juli',
      'Aug.',
      'Sept.',
      'Okt.',
      'Nov.',
      'Dez.',
    ],
  },
  en: {
    days: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
}

/**
 * "mer. 3 déc. 2025" (fr), "wo 3 dec. 2025" (nl), "Mi., 3. Dez. 2025" (de), "Wed 3 Dec 2025"
 * (en): a day that may lie in another year, without its time of day.
 */
export function formatDayWithYear(at: number, language: string, zone: WallZone): string {
  const d = zone.read(at)
  const names = SHORT_DATE_NAMES[language] ?? SHORT_DATE_NAMES.fr!
  const day = names.days[d.weekday]!
  const month = names.months[d.month - 1]!
  return language === 'de'
    ? `${day}, ${d.day}. ${month} ${d.year}`
    : `${day} ${d.day} ${month} ${d.year}`
}

/**
 * "mer. 3 déc. 21:40" (fr), "wo 3 dec. 21:40" (nl), "Mi., 3. Dez. 21:40" (de), "Wed 3 Dec 21:40"
 * (en): a time within the coming weeks, with its weekday. Other languages read as French, the
 * app's default.
 */
export function formatShortDate(at: number, language: string, zone: WallZone): string {
  const d = zone.read(at)
  const names = SHORT_DATE_NAMES[language] ?? SHORT_DATE_NAMES.fr!
  const day = names.days[d.weekday]!
  const month = names.months[d.month - 1]!
  const time = `${two(d.hour)}:${two(d.minute)}`
  return language === 'de'
    ? `${day}, ${d.day}. ${month} ${time}`
    : `${day} ${d.day} ${month} ${time}`
}
