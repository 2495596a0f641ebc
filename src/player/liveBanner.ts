import type { LiveChannel } from '../catalogue/live'
import type { Translate } from '../catalogue/offers'
import type { Programme } from '../guide/contract'
import { nowAndNext, replayState } from '../guide/helpers'
import { pickText } from '../i18n/localize'
import { clockText, type WallZone } from '../i18n/wallZone'

export interface BannerLine {
  /** "20:00 – 21:30" */
  time: string
  title: string
}

export interface BannerModel {
  channelId: string
  number: string
  name: string
  logo?: string
  now: BannerLine | null
  next: BannerLine | null
  /** Share of the programme on air already past, 0..1; 0 without one. */
  progress: number
  /** The programme on air may be restarted from its start (rights and timeshift). */
  restart: boolean
  /** "Rouge : recommencer" when it may; '' otherwise. */
  hint: string
}

/** Banner on each zap and on Info: the channel, what is on and what follows. */
export const BANNER_SHOWN_MS = 5000

const line = (
  programme: Programme | undefined,
  order: readonly string[],
  zone: WallZone,
): BannerLine | null =>
  programme
    ? {
        time: `${clockText(zone, programme.start)} – ${clockText(zone, programme.end)}`,
        title: pickText(programme.title, order),
      }
    : null

/** The zapping banner's content, from the channel's programmes around `now`. */
export function bannerModel(
  channel: LiveChannel,
  programmes: readonly Programme[],
  now: number,
  order: readonly string[],
  t: Translate,
  zone: WallZone,
  /** The guide has not answered yet: what is on is on its way, not unknown. */
  loading = false,
): BannerModel {
  const { now: current, next } = nowAndNext(programmes, channel.id, now)
  const restart = current ? replayState(current, channel, now).state === 'restartable' : false
  const length = current ? current.end - current.start : 0
  return {
    channelId: channel.id,
    number: String(channel.number),
    name: channel.name,
    ...(channel.logo ? { logo: channel.logo } : {}),
    now: line(current, order, zone) ?? {
      time: '',
      title: t(loading ? 'guide.loading' : 'live.noProgramme'),
    },
    next: line(next, order, zone),
    progress: current && length > 0 ? Math.min(1, Math.max(0, (now - current.start) / length)) : 0,
    restart,
    hint: restart ? t('live.restartHint') : '',
  }
}
