import type { LiveChannel } from '../catalogue/live'
import { parentalPrompt } from '../components/PinDialog/pinDialogModel'
import type { Programme } from '../guide/contract'
import { pickText } from '../i18n/localize'
import { catchupUrl, programmeAt, replayState } from '../guide/helpers'
import { guideWaitMs, recordGuideUnanswered } from '../guide/guideHealth'
import { minutesOfDay } from '../i18n/wallZone'
import { lockOf, type Lock } from '../parental/rules'
import type Player from '../screens/Player'
import { viewerOf } from '../state/homeRails'
import type { AppContext } from './context'

/**
 * The programme of a channel at `at`, if the guide knows it quickly. The guide may be slow or
 * down: playback waits for the rating at most guideWaitMs, which is short once the guide has
 * left a tune unanswered.
 */
export async function programmeOf(
  context: AppContext,
  channelId: string,
  at: number,
): Promise<Programme | undefined> {
  const controller = new AbortController()
  let gaveUp = false
  const timer = setTimeout(() => {
    gaveUp = true
    controller.abort()
  }, guideWaitMs(context.guideHealth.value))
  try {
    const load = await context.guide([channelId], at - 1, at + 1, controller.signal)
    return programmeAt(load.programmes, channelId, at)
  } catch {
    if (gaveUp) {
      context.guideHealth.update((health) =>
        recordGuideUnanswered(health, context.platform.wallClock()),
      )
    }
    return undefined
  } finally {
    clearTimeout(timer)
  }
}

/**
 * A programme's lock for the profile watching, by the same CSA rules as titles. A channel whose
 * guide says nothing about now has no rating to apply: it plays. A programme listed with no
 * rating at all is, on TV, one broadcast without a pictogram, which the CSA reads as tous publics:
 * it plays too unless the operator asks otherwise (parental.unratedProgrammes). Without that, a
 * guide with only the required fields locked every channel at every tune.
 */
export function programmeLock(context: AppContext, programme: Programme | undefined): Lock {
  if (!programme) return { state: 'open' }
  const unrated = programme.classification.given.length === 0
  if (unrated && context.config.parental.unratedProgrammes === 'open') return { state: 'open' }
  return lockOf(
    programme.classification,
    viewerOf(context.profiles.active),
    context.config.parental,
    minutesOfDay(context.zone, context.platform.wallClock()),
  )
}

/**
 * Shows the lock for a programme and asks the parental PIN over it; `resume` runs once the right
 * PIN was given (the unlock lasts for this programme only).
 */
function askForProgramme(
  context: AppContext,
  page: Player,
  path: string,
  route: 'live' | 'replay',
  programme: Programme,
  lock: Extract<Lock, { state: 'pin' }>,
  resume: () => void,
  channel?: LiveChannel,
): void {
  // Zapping lands here with nothing else on screen: the prompt says what it is for.
  const title = pickText(programme.title, context.contentOrder())
  const subject = channel ? `${channel.name} · ${title}` : title
  const unlock = async (): Promise<void> => {
    const allowed = await context.askPin(
      'parental',
      parentalPrompt(lock.reason, programme.classification, context.config.parental, subject),
    )
    if (!allowed) return
    context.parental.unlock(programme.id)
    resume()
  }
  page.showMissing(
    path,
    route,
    'locked',
    {},
    { id: 'unlock', label: context.t('refusal.unlock'), run: () => void unlock() },
  )
  void unlock()
}

/**
 * Tunes a live channel if this profile may watch live TV (not a kids profile) and the programme
 * on air by the parental PIN's CSA rules. `whilePlaying`: the programme on air just changed on
 * a channel already playing: nothing happens unless the new one is locked.
 */
export async function requestLive(
  context: AppContext,
  page: Player,
  channelId: string,
  channels: readonly LiveChannel[],
  whilePlaying = false,
): Promise<void> {
  // A kids profile has no Live TV (home offers none): a deep link or the guide cannot reach it,
  // and a channel whose guide says nothing would otherwise play unrated.
  if (context.profiles.active.kids) return page.showMissing(channelId, 'live', 'kids')
  if (!whilePlaying) page.tuneTo(channelId, channels)
  const programme = await programmeOf(context, channelId, context.platform.wallClock())
  const lock = programmeLock(context, programme)
  const again = () => void requestLive(context, page, channelId, channels, true)
  if (lock.state === 'barred') return page.showMissing(channelId, 'live', 'kids')
  if (lock.state === 'pin' && programme && !context.parental.isUnlocked(programme.id)) {
    const resume = () => {
      if (!page.playLive(channelId, channels, again)) page.showMissing(channelId, 'live')
    }
    const channel = channels.find((c) => c.id === channelId)
    return askForProgramme(context, page, channelId, 'live', programme, lock, resume, channel)
  }
  if (whilePlaying) return
  if (!page.playLive(channelId, channels, again)) page.showMissing(channelId, 'live')
}

/**
 * Plays a past programme from the channel's catch-up stream, where the rights allow it and the
 * programme may be watched by this profile. `start` is the programme's start (ms), as the guide
 * links it.
 */
export async function requestReplay(
  context: AppContext,
  page: Player,
  channel: LiveChannel,
  start: number,
): Promise<void> {
  const path = `${channel.id}/${start}`
  if (context.profiles.active.kids) return page.showMissing(path, 'replay', 'kids')
  const programme = await programmeOf(context, channel.id, start)
  if (!programme || programme.start !== start) return page.showMissing(path, 'replay')
  const source = catchupUrl(programme, channel, context.config.player.preferredFormat)
  const state = replayState(programme, channel, context.platform.wallClock())
  if (state.state !== 'replay' || !source) return page.showMissing(path, 'replay', 'expired')
  const lock = programmeLock(context, programme)
  const play = () => page.playReplay(channel, programme, source)
  if (lock.state === 'barred') return page.showMissing(path, 'replay', 'kids')
  if (lock.state === 'pin' && !context.parental.isUnlocked(programme.id)) {
    return askForProgramme(context, page, path, 'replay', programme, lock, play, channel)
  }
  play()
}
