import type { Translate } from '../../catalogue/offers'
import type { TrackMenuColumn } from '../../components/TrackMenu'
import { isLayoutName, type TrackOption } from '../../player/tracks'
import { unnamedAudioNumber } from '../../player/mpdAudioSets'
import { languageName } from '../Details/detailsModel'

/** The options the session offers (ShakaSession's TrackState has these and more). */
export interface TrackLists {
  audio: TrackOption[]
  text: TrackOption[]
}

/** What a menu key asks for: "audio:fr", "audio:fr:ad", "text:nl", "text:nl:sdh", "text:off". */
export type TrackChoice =
  | { kind: 'audio'; language: string; audioDescription: boolean; label?: string }
  | { kind: 'text'; language: string | null; hardOfHearing: boolean; label?: string }

/** Household words for a channel layout: "stéréo", "5.1"; null when the stream does not say. */
function channelLayout(channels: number | null | undefined, t: Translate): string | null {
  if (!channels) return null
  if (channels === 1) return t('player.channelsMono')
  if (channels === 2) return t('player.channelsStereo')
  if (channels === 6) return '5.1'
  if (channels === 8) return '7.1'
  return t('player.channelsCount', { n: channels })
}

/** Sound formats a household knows by their name; plain AAC is what it expects, left unsaid. */
const CODEC_NAMES: [RegExp, string][] = [
  [/^ec-3/i, 'Dolby Digital Plus'],
  [/^ac-3/i, 'Dolby Digital'],
  [/^ac-4/i, 'Dolby AC-4'],
  [/^dts/i, 'DTS'],
]

/**
 * An audio track the stream gave no language and no name (mpdAudioSets.ts): "Audio 2 (5.1, Dolby
 * Digital Plus)", its place among them with what its channels, format and role say; one told
 * from its language's main track by its layout only: "français (5.1)".
 */
function unnamedAudioName(option: TrackOption, name: string, t: Translate): string {
  const codec = option.codecs ?? ''
  const facts = [
    channelLayout(option.channelsCount, t),
    CODEC_NAMES.find(([pattern]) => pattern.test(codec))?.[1] ?? null,
    option.roles.includes('commentary') ? t('player.commentary') : null,
  ].filter((fact): fact is string => fact !== null)
  return facts.length ? `${name} (${facts.join(', ')})` : name
}

/** "Français", "Français · audiodescription", "Néerlandais · sourds et malentendants", or "off". */
export function trackLabel(option: TrackOption, t: Translate, uiLanguage?: string): string {
  if (option.language === null) return t('player.subtitlesOff')
  const number = option.kind === 'audio' ? unnamedAudioNumber(option.label) : undefined
  const language = () => languageName(option.language!, t, uiLanguage)
  const name =
    number !== undefined
      ? unnamedAudioName(option, t('player.audioNumbered', { n: number }), t)
      : isLayoutName(option.label)
        ? unnamedAudioName(option, language(), t)
        : (option.label ?? language())
  if (option.audioDescription) return `${name} · ${t('player.audioDescription')}`
  return option.hardOfHearing ? `${name} · ${t('player.hardOfHearing')}` : name
}

/**
 * The menu's columns. A column with nothing to choose is left out: a progressive file played by
 * the element itself lists no audio track on most browsers, and an empty column would hold focus.
 */
export function trackMenuColumns(
  tracks: TrackLists,
  t: Translate,
  uiLanguage?: string,
): TrackMenuColumn[] {
  const item = (o: TrackOption) => ({
    key: o.key,
    label: trackLabel(o, t, uiLanguage),
    active: o.active,
  })
  const columns = [
    { heading: t('player.audio'), items: tracks.audio.map(item) },
    { heading: t('player.subtitles'), items: tracks.text.map(item) },
  ]
  return columns.filter((column) => column.items.length > 0)
}

export function parseTrackKey(key: string): TrackChoice | undefined {
  const [kind, part, flag] = key.split(':')
  if (!part) return undefined
  // "und=Nederlands": a track of no known language, by its name (tracks.ts).
  const [language = '', name] = part.split('=')
  const label = name === undefined ? {} : { label: decodeURIComponent(name) }
  if (kind === 'audio') return { kind, language, audioDescription: flag === 'ad', ...label }
  if (kind === 'text')
    return {
      kind,
      language: language === 'off' ? null : language,
      hardOfHearing: flag === 'sdh',
      ...label,
    }
  return undefined
}

/** Shaka's active audio track: audio description shows in its roles or accessibility purpose. */
export interface ActiveAudio {
  language: string | null
  /** The name of a track of no known language. */
  label?: string
  audioDescription: boolean
  roles: string[]
  accessibilityPurpose: string | null
}

/** Shaka's active subtitle track and its format ('text/vtt', 'application/ttml+xml'). */
export interface ActiveText {
  language: string | null
  mimeType: string | null
  hardOfHearing: boolean
}

/** What the test hook reports of the tracks playing, as Shaka describes them (null: none). */
export function activeTracks(tracks: TrackLists | undefined): {
  activeAudio: ActiveAudio | null
  activeText: ActiveText | null
} {
  const audio = tracks?.audio.find((o) => o.active)
  const text = tracks?.text.find((o) => o.active && o.language !== null)
  return {
    activeAudio: audio
      ? {
          language: audio.language,
          ...(audio.label !== undefined ? { label: audio.label } : {}),
          audioDescription: audio.audioDescription,
          roles: audio.roles,
          accessibilityPurpose: audio.accessibilityPurpose ?? null,
        }
      : null,
    activeText: text
      ? {
          language: text.language,
          mimeType: text.mimeType ?? null,
          hardOfHearing: text.hardOfHearing ?? false,
        }
      : null,
  }
}
