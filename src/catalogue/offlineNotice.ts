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
 * comes from the backend: "Contenu du 22/11 à 10:04 : il ne peut pas être mis à jour pour
 * l'instant". Not "offline": the same copy shows when the box is online and the backend answers
 * an error page, a broken feed or nothing in time, and the household would look for a cable.
 */
export function offlineNotice(
  state: { status: string; source?: 'network' | 'cache'; cachedAt?: number },
  t: Translate,
): string {
  if (state.status !== 'ready' || state.source !== 'cache' || state.cachedAt === undefined)
    return ''
  return t('catalogue.offline', offlineTimeParts(state.cachedAt))
}
