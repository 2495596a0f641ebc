import { clockText, type WallZone } from '../i18n/wallZone'
import type { Translate } from './offers'

const two = (n: number): string => String(n).padStart(2, '0')

/** Day/month and hour:minute of a wall-clock time ("22/11", "10:04"). */
export function offlineTimeParts(at: number, zone: WallZone): { date: string; time: string } {
  const d = zone.read(at)
  return { date: `${two(d.day)}/${two(d.month)}`, time: clockText(zone, at) }
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
  zone: WallZone,
): string {
  if (state.status !== 'ready' || state.source !== 'cache' || state.cachedAt === undefined)
    return ''
  return t('catalogue.offline', offlineTimeParts(state.cachedAt, zone))
}
