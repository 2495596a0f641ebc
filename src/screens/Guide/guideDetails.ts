import type { Translate } from '../../catalogue/offers'
import type { LiveChannel } from '../../catalogue/live'
import type { Programme } from '../../guide/contract'
import { replayState, type ReplayReason } from '../../guide/helpers'
import { formatShortDate } from '../../i18n/format'
import { clockText, daysBetween, type WallZone } from '../../i18n/wallZone'
import { pickText } from '../../i18n/localize'
import { ratingDisplay } from '../../parental/ratingDisplay'
import type { Cell } from './gridFocus'

/** What a channel's rights allow, as the operator's channel list gives them. */
export type ChannelRights = Pick<LiveChannel, 'restart' | 'replayDays' | 'catchup'>

export interface GuideDetails {
  title: string
  /** "Belgica 1 · mer. 3 déc. · 21:40 – 22:35 · Série" */
  meta: string
  synopsis: string
  /** "-12 · CSA · Violence": in the household's rating system; '' without a programme. */
  rating: string
  /** What OK does here: live, replay until when, why not, or when it starts. */
  status: string
}

/** "mer. 3 déc.": formatShortDate's day without its time of day. */
export function dayLabel(at: number, language: string, zone: WallZone): string {
  return formatShortDate(at, language, zone).replace(/,?\s\d{2}:\d{2}$/, '')
}

const DAY_WORDS: Record<number, string> = {
  0: 'guide.today',
  1: 'guide.tomorrow',
  [-1]: 'guide.yesterday',
}

/** Today, tomorrow, yesterday in words; other days by date. */
export function relativeDay(
  at: number,
  now: number,
  language: string,
  t: Translate,
  zone: WallZone,
): string {
  const words = DAY_WORDS[daysBetween(zone, now, at)]
  return words ? t(words) : dayLabel(at, language, zone)
}

/** Which of the channel, its window or the programme's rights stops a replay. */
const NO_REPLAY_TEXT: Partial<Record<ReplayReason, string>> = {
  'channel-no-replay': 'guide.channelNoReplay',
  'replay-expired': 'guide.replayExpired',
}

/** The status line: what OK on this programme does now. */
export function offerText(
  programme: Programme,
  channel: ChannelRights,
  now: number,
  language: string,
  t: Translate,
  zone: WallZone,
): string {
  const info = replayState(programme, channel, now)
  switch (info.state) {
    case 'live':
      return t('guide.live')
    case 'restartable':
      return `${t('guide.live')} · ${t('guide.restartable')}`
    case 'replay':
      return t('guide.replayUntil', { date: dayLabel(info.until ?? programme.end, language, zone) })
    case 'no-replay':
      return t(NO_REPLAY_TEXT[info.reason ?? 'programme-no-replay'] ?? 'guide.noReplay')
    case 'upcoming':
      return t('guide.startsAt', { date: formatShortDate(programme.start, language, zone) })
  }
}

/** The panel above the grid for the focused cell (a programme, or a stretch without one). */
export function guideDetails(
  cell: Cell,
  channel: ChannelRights & { name: string },
  now: number,
  order: readonly string[],
  t: Translate,
  zone: WallZone,
): GuideDetails {
  const language = order[0] ?? 'fr'
  const hours = `${clockText(zone, cell.start)} – ${clockText(zone, cell.end)}`
  const when = `${relativeDay(cell.start, now, language, t, zone)} · ${hours}`
  const programme = cell.programme
  if (!programme) {
    return {
      title: t('guide.noInfo'),
      meta: `${channel.name} · ${when}`,
      synopsis: '',
      rating: '',
      status: '',
    }
  }
  const rating = ratingDisplay(programme.classification, language, t)
  const subtitle = programme.subtitle ? pickText(programme.subtitle, order) : ''
  const { season, episode: number } = programme.episode ?? {}
  const episode = [
    season ? t('details.season', { n: season }) : '',
    number ? t('guide.episode', { n: number }) : '',
  ]
    .filter(Boolean)
    .join(', ')
  return {
    title: pickText(programme.title, order),
    meta: [channel.name, when, programme.category ?? '', subtitle, episode]
      .filter(Boolean)
      .join(' · '),
    synopsis: programme.synopsis ? pickText(programme.synopsis, order) : '',
    rating: [
      rating.sign,
      rating.notRated ? '' : rating.systemName,
      ...rating.descriptors.map((d) => d.label),
    ]
      .filter(Boolean)
      .join(' · '),
    status: offerText(programme, channel, now, language, t, zone),
  }
}
