/**
 * Usage events from what the app already knows, reduced to what may leave the box: a screen
 * name and the catalogue or channel id it shows, never a search text or anything typed.
 */

import { CATALOGUE_ID } from '../catalogue/schema'

/** Routes whose second part is a title or channel id worth counting. */
const ITEM_ROUTES = new Set(['details', 'play', 'live', 'replay', 'buy'])

/** The app's screens; any other hash (a mistyped deep link) is 'not-found', never sent as typed. */
const SCREENS = new Set([
  'home',
  'details',
  'play',
  'live',
  'replay',
  'buy',
  'search',
  'settings',
  'profiles',
  'guide',
  'why-ad',
])

/** The screen a router hash shows: 'details/rosetta' -> details + rosetta; 'search/abc' -> search. */
export function screenOf(hash: string): { screen: string; itemId?: string } {
  const parts = hash.replace(/^#/, '').split('?')[0]!.split('/')
  const first = parts[0] ?? ''
  const screen = first === '' ? 'home' : SCREENS.has(first) ? first : 'not-found'
  // settings/profiles and settings/diagnostics are screens of their own; ids there are not sent.
  if (screen === 'settings' && parts[1] && ['profiles', 'diagnostics'].includes(parts[1]))
    return { screen: `settings-${parts[1]}` }
  const item = parts[1]
  if (ITEM_ROUTES.has(screen) && item && item.length <= 200 && CATALOGUE_ID.test(item))
    return { screen, itemId: item }
  return { screen }
}

/**
 * Whether a query that found nothing is a new dead end: typing on past one ('xq' then 'xqz')
 * is the same search, counted once. The queries stay in memory on the box, never sent.
 */
export function isNewDeadEnd(previous: string | null, query: string): boolean {
  const normalised = query.trim().toLowerCase()
  if (!normalised) return false
  return previous === null || !normalised.startsWith(previous)
}

/**
 * Counts searches that found nothing for audience measurement: call it with each answered query
 * and how many titles it found. The query itself never leaves the box.
 */
export function noResultCounter(record: (event: { type: 'search_no_result' }) => void) {
  let deadEnd: string | null = null
  return (query: string, found: number): void => {
    if (found > 0 || !isNewDeadEnd(deadEnd, query)) return
    deadEnd = query.trim().toLowerCase()
    record({ type: 'search_no_result' })
  }
}
