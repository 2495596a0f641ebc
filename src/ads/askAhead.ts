/**
 * A mid-roll's tag is asked this long before its break, not when the content starts: ad servers
 * decide a break when it is asked (the household's latest ads, frequency caps, fresh campaigns),
 * and a title with a break every few minutes would otherwise ask dozens of tags at once. Thirty
 * seconds leaves room for the operator's tag timeout and for Shaka to fetch the ad's first
 * segments ahead of the break.
 */
export const ASK_AHEAD_S = 30

/** A mid-roll placed on the content but not asked yet. */
export interface WaitingBreak<P> {
  plan: P
  /** Its place in the content, in seconds. */
  at: number
}

/**
 * Which waiting mid-rolls to ask now that the content moved from `previous` to `now` seconds
 * (`previous` undefined: nothing known of where it was, as after an ad break):
 * - the breaks coming within `ahead` seconds;
 * - of the breaks a seek went past, the last only: Shaka plays just the last break skipped, so
 *   the others are not asked, and stay waiting for a household that goes back before them.
 * `waiting` is in content order; so are both lists returned.
 */
export function breaksToAsk<P>(
  waiting: readonly WaitingBreak<P>[],
  previous: number | undefined,
  now: number,
  ahead = ASK_AHEAD_S,
): { ask: WaitingBreak<P>[]; wait: WaitingBreak<P>[] } {
  const crossed =
    previous === undefined ? [] : waiting.filter((b) => b.at > previous && b.at <= now)
  const lastCrossed = crossed[crossed.length - 1]
  const ask = waiting.filter((b) => b === lastCrossed || (b.at > now && b.at - now <= ahead))
  return { ask, wait: waiting.filter((b) => !ask.includes(b)) }
}
