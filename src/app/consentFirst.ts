import { filter, firstValueFrom } from 'rxjs'
import type { AppContext } from './context'

/**
 * Resolves once the profile watching has answered the consent question (at once when it has).
 * Playback waits for it: a deep link opened at first start played its ad behind the question,
 * counted as seen with its beacons sent before the household had chosen, then the film under it.
 */
export async function consentAnswered(context: Pick<AppContext, 'consent'>): Promise<void> {
  if (!context.consent.needsAnswer) return
  await firstValueFrom(context.consent.needsAnswer$.pipe(filter((needed) => !needed)))
}
