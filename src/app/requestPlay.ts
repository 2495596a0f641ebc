import { Router } from '@lightningjs/sdk'
import type { Episode, Title } from '../catalogue/schema'
import { acquireButtons } from '../entitlements/accessLabel'
import { minutesOfDay } from '../i18n/wallZone'
import { parentalPrompt } from '../components/PinDialog/pinDialogModel'
import { lockOf } from '../parental/rules'
import type Player from '../screens/Player'
import { viewerOf } from '../state/homeRails'
import { consentAnswered } from './consentFirst'
import type { AppContext } from './context'
import { classificationToPlay, playDecision, type PlayDecision } from './playGate'

/** How old the household's rights may be when a title is asked to play (or to buy). */
export const RIGHTS_FRESH_MS = 2 * 60_000

interface Target {
  title: Title
  episode?: { episode: Episode; season: number }
}

/** The decision for a title at this moment, for the profile watching. */
export function decidePlay(context: AppContext, target: Target): PlayDecision {
  const now = context.platform.wallClock()
  const lock = lockOf(
    classificationToPlay(target.title, target.episode?.episode),
    viewerOf(context.profiles.active),
    context.config.parental,
    minutesOfDay(context.zone, now),
  )
  const access = context.entitlements.access(target.title)
  return playDecision(access, lock, context.parental.isUnlocked(target.title.id))
}

/**
 * Plays a title on the player page if this household and profile may, else shows why and the way
 * to get it: rent or take the pass, or the parental PIN (asked at once; "Entrer le code" asks
 * again). Every play route goes through here, deep links included.
 */
export async function requestPlay(
  context: AppContext,
  page: Player,
  target: Target,
  playingId: string,
): Promise<void> {
  await consentAnswered(context)
  // Rights a few minutes old are asked again (a rental bought elsewhere, a pass that ended); none
  // known yet (start-up without a kept copy) are waited for rather than a title refused.
  await context.entitlements.refreshIfStale(RIGHTS_FRESH_MS)
  const decision = decidePlay(context, target)
  const t = context.t
  const { title } = target
  switch (decision.kind) {
    case 'barred':
      page.showMissing(playingId, 'play', 'kids')
      return
    case 'unknown':
      // Nothing known of the household's rights (the service did not answer, the box keeps no
      // copy): what looks for sale may be paid for already, so checking comes before buying.
      page.showMissing(
        playingId,
        'play',
        'unchecked',
        {},
        {
          id: 'recheck',
          label: t('details.recheckRights'),
          run: () =>
            void context.entitlements
              .refresh()
              .then(() => requestPlay(context, page, target, playingId)),
        },
      )
      return
    case 'acquire': {
      const { access } = decision
      const language = context.contentOrder()[0] ?? 'fr'
      const way = acquireButtons(title, t, language).find((button) => button.id === access.kind)
      // A pass without a price is not sold here: the refusal says so, with no way to buy.
      if (!way) {
        page.showMissing(playingId, 'play', 'unpriced')
        return
      }
      const { label } = way
      const kind = access.kind === 'rent' ? 'rental' : 'pass'
      page.showMissing(
        playingId,
        'play',
        access.kind,
        {},
        {
          id: access.kind,
          label,
          run: () => Router.navigate(`buy/${title.id}/${kind}`),
        },
      )
      return
    }
    case 'pin': {
      const unlock = async (): Promise<void> => {
        const classification = classificationToPlay(title, target.episode?.episode)
        const allowed = await context.askPin(
          'parental',
          parentalPrompt(decision.reason, classification, context.config.parental),
        )
        if (!allowed) return
        context.parental.unlock(title.id)
        await requestPlay(context, page, target, playingId)
      }
      page.showMissing(
        playingId,
        'play',
        'locked',
        {},
        {
          id: 'unlock',
          label: t('refusal.unlock'),
          run: () => void unlock(),
        },
      )
      // Not awaited: the route completes with the locked screen drawn, the prompt over it.
      void unlock()
      return
    }
    case 'play':
      if (decision.startRental) {
        const started = await context.entitlements.startPlayback(title.id)
        // A lapsed rental (never played in time) goes back to "Louer"; an outage does not stop
        // a household that paid: the service learns of the first play at the next one.
        // The store no longer counts a rental the service refused to start, so deciding again
        // offers the title (each refusal removes one rental: this ends).
        if (!started.ok && started.error.kind === 'conflict') {
          return requestPlay(context, page, target, playingId)
        }
      }
      page.play(target)
  }
}
