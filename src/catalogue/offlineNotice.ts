import type { Translate } from './offers'

const two = (n: number): string => String(n).padStart(2, '0')

/** Day/month and hour:minute of a wall-clock time, in the box's time zone ("22/11", "10:04"). */
export function offlineTimeParts(at: number): { date: string; time: string } {
  const d = new Date(at)
  return {
    date: `${two(d.getDate())}/${two(d.getMonth() + 1)}`,
    time: `${two(d.getHours())}:${two(d.getMinutes())}`,
  }
}

/**
 * The notice shown while home shows the device's last good catalogue, or '' when the catalogue
 * comes from the backend: "Hors ligne : contenu du 22/11 à 10:04".
 */
export function offlineNotice(
  state: { status: string; source?: 'network' | 'cache'; cachedAt?: number },
  t: Translate,
): string {
  if (state.status !== 'ready' || state.source !== 'cache' || state.cachedAt === undefined)
    return ''
  return t('catalogue.offline', offlineTimeParts(state.cachedAt))
}
