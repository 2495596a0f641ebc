/**
 * Audio and subtitle choices, from Shaka's track lists to what the menu shows and what to select.
 * Pure: takes plain track descriptions (Shaka's AudioTrack/TextTrack fields the app uses).
 */
export interface AudioTrackInfo {
  language: string
  roles: string[]
  label: string | null
  active: boolean
  /** Shaka 5: 'visually impaired' marks audio description in some manifests. */
  accessibilityPurpose?: string | null
  channelsCount?: number | null
  codecs?: string | null
}

export interface TextTrackInfo {
  id: number
  language: string
  roles: string[]
  label: string | null
  active: boolean
  kind: string | null
  forced?: boolean
  /** Shaka's flag for HLS DEFAULT=YES (and for a DASH Role "main"). */
  primary?: boolean
  /** 'text/vtt', 'application/ttml+xml', ...: how the subtitles are carried. */
  mimeType?: string | null
}

/** One line of the track menu. `key` identifies it across calls. */
export interface TrackOption {
  key: string
  kind: 'audio' | 'text'
  language: string | null
  audioDescription: boolean
  /** Subtitles for the deaf and hard of hearing (they name the sounds and who speaks). */
  hardOfHearing?: boolean
  active: boolean
  /**
   * A track of no known language (no LANGUAGE, `und`) goes by its own name (HLS NAME, DASH Label)
   * where it has one: two such tracks are two choices, not one "unknown language".
   */
  label?: string
  /** What Shaka says of the track behind the option (the active one when several): roles,
   * accessibility purpose, subtitle format. For the test hook and diagnostics, not for display. */
  roles: string[]
  accessibilityPurpose?: string | null
  mimeType?: string | null
  /** Of an audio track: what names one the stream left unnamed (mpdAudioSets.ts). */
  channelsCount?: number | null
  codecs?: string | null
}

/** The household's choice, remembered across titles. `text: null` means subtitles off. */
export interface TrackPreference {
  audio?: string
  audioDescription?: boolean
  text?: string | null
  /** The household wants subtitles for the deaf and hard of hearing where a title has them. */
  textHardOfHearing?: boolean
}

const baseLanguage = (language: string): string => language.toLowerCase().split('-')[0] ?? ''
const fullTag = (language: string): string => language.toLowerCase().replace(/_/g, '-')

/**
 * What an option calls a track's language: its base language ("nl" for "nl-BE"), unless the
 * stream has that language in several regional forms (a Flemish and a Dutch dubbing, "nl-BE" and
 * "nl"): then each keeps its region and is a choice of its own.
 */
function optionLanguageOf(tracks: readonly { language: string }[]): (language: string) => string {
  const tagsByBase = new Map<string, Set<string>>()
  for (const track of tracks) {
    const base = baseLanguage(track.language)
    const tags = tagsByBase.get(base) ?? new Set<string>()
    tags.add(fullTag(track.language))
    tagsByBase.set(base, tags)
  }
  return (language) => {
    const base = baseLanguage(language)
    return (tagsByBase.get(base)?.size ?? 0) > 1 ? fullTag(language) : base
  }
}

/**
 * Names Shaka gives a track itself, not the stream's author: an HLS media playlist given alone
 * (no multivariant playlist) is "Media Playlist", which would show in English in any UI.
 */
const SHAKA_OWN_LABELS = new Set(['Media Playlist'])

/** What tells a track apart when its language does not: its name, when the language is unknown. */
function nameOf(track: { language: string; label: string | null }): string | undefined {
  const language = baseLanguage(track.language)
  const label = track.label?.trim()
  if (!label || SHAKA_OWN_LABELS.has(label)) return undefined
  return language === '' || language === 'und' ? label : undefined
}

/**
 * The name the player gives an audio track that only its channels and format tell apart from
 * the main one of its language (a DASH stereo AAC and 5.1 E-AC-3 sets, both "fr", unlabelled):
 * Shaka selects by both. The menu words it ("français (5.1)"), never shows it.
 */
const LAYOUT_MARK = 'belgica:layout:'

const layoutOf = (track: AudioTrackInfo): string =>
  `${LAYOUT_MARK}${track.channelsCount ?? ''}/${track.codecs ?? ''}`

/** Whether a track's name is the player's own for its layout (layoutOf). */
export const isLayoutName = (label: string | undefined): boolean =>
  label?.startsWith(LAYOUT_MARK) === true

type Named = { language: string; label: string | null }
type Namer = (track: Named) => string | undefined

/**
 * Names that tell audio tracks apart: nameOf's, and within one language (and description flag)
 * the name of each track beside the main one when their names differ: a director's commentary
 * (DASH Role "commentary", an HLS rendition "Français – commentaire") is a choice of its own,
 * and the plain language still selects the main track whatever the stream's order.
 */
function audioNamer(tracks: readonly AudioTrackInfo[]): Namer {
  const languageOf = optionLanguageOf(tracks)
  const groups = new Map<string, AudioTrackInfo[]>()
  for (const track of tracks) {
    if (nameOf(track) !== undefined) continue
    const group = `${languageOf(track.language)}|${isAudioDescription(track)}`
    groups.set(group, [...(groups.get(group) ?? []), track])
  }
  const named = new Map<Named, string>()
  for (const group of groups.values()) {
    const labelOf = (track: AudioTrackInfo) => {
      const label = track.label?.trim()
      return label && !SHAKA_OWN_LABELS.has(label) ? label : undefined
    }
    const main =
      group.find((track) => track.roles.includes('main')) ??
      group.find((track) => !track.roles.includes('commentary')) ??
      group[0]!
    if (new Set(group.map(labelOf)).size < 2) {
      // One name for all (or none): a 5.1 mix beside the stereo one is told by its layout.
      for (const track of group)
        if (layoutOf(track) !== layoutOf(main)) named.set(track, layoutOf(track))
      continue
    }
    for (const track of group) {
      const label = labelOf(track)
      if (track !== main && label !== undefined && label !== labelOf(main)) named.set(track, label)
    }
  }
  return (track) => nameOf(track) ?? named.get(track as AudioTrackInfo)
}

/** The key part for a language, and for a named track of no known language. */
const languagePart = (language: string, label: string | undefined): string =>
  label === undefined ? language : `${language}=${encodeURIComponent(label)}`

export function isAudioDescription(track: AudioTrackInfo): boolean {
  return (
    track.roles.includes('description') ||
    track.roles.includes('alternate-description') ||
    track.accessibilityPurpose === 'visually impaired'
  )
}

/**
 * Subtitles for the deaf and hard of hearing: Shaka's kind 'caption', from a DASH Role "caption"
 * or "captions" and from HLS CHARACTERISTICS "public.accessibility.describes-music-and-sound";
 * a sidecar file keeps the HTML kind it was added with, 'captions'.
 */
export function isHardOfHearing(track: TextTrackInfo): boolean {
  return (
    track.kind === 'caption' ||
    track.kind === 'captions' ||
    track.roles.includes('caption') ||
    track.roles.includes('captions')
  )
}

/** Audio options: one per language and description flag, in stream order. */
export function audioOptions(tracks: AudioTrackInfo[]): TrackOption[] {
  const options = new Map<string, TrackOption>()
  const languageOf = optionLanguageOf(tracks)
  const name = audioNamer(tracks)
  for (const track of tracks) {
    const language = languageOf(track.language)
    const ad = isAudioDescription(track)
    const label = name(track)
    const key = `audio:${languagePart(language, label)}${ad ? ':ad' : ''}`
    const facts = {
      roles: track.roles,
      accessibilityPurpose: track.accessibilityPurpose ?? null,
      channelsCount: track.channelsCount ?? null,
      codecs: track.codecs ?? null,
    }
    const existing = options.get(key)
    if (!existing) {
      options.set(key, {
        key,
        kind: 'audio',
        language,
        ...(label !== undefined ? { label } : {}),
        audioDescription: ad,
        ...facts,
        active: track.active,
      })
    } else if (track.active) Object.assign(existing, facts, { active: true })
  }
  return [...options.values()]
}

/**
 * Subtitle options: "off" first, then one per language and hard-of-hearing flag (forced tracks are
 * not a choice).
 */
export function textOptions(tracks: TextTrackInfo[], textActive: boolean): TrackOption[] {
  const options = new Map<string, TrackOption>()
  const languageOf = optionLanguageOf(tracks.filter((track) => !track.forced))
  for (const track of tracks) {
    if (track.forced) continue
    const language = languageOf(track.language)
    const hardOfHearing = isHardOfHearing(track)
    const label = nameOf(track)
    const key = `text:${languagePart(language, label)}${hardOfHearing ? ':sdh' : ''}`
    const active = textActive && track.active
    const facts = { roles: track.roles, mimeType: track.mimeType ?? null }
    const existing = options.get(key)
    if (!existing) {
      options.set(key, {
        key,
        kind: 'text',
        language,
        ...(label !== undefined ? { label } : {}),
        audioDescription: false,
        hardOfHearing,
        ...facts,
        active,
      })
    } else if (active) Object.assign(existing, facts, { active: true })
  }
  const list = [...options.values()]
  const off: TrackOption = {
    key: 'text:off',
    kind: 'text',
    language: null,
    audioDescription: false,
    active: !list.some((option) => option.active),
    roles: [],
  }
  return [off, ...list]
}

/**
 * The tracks of a language: those of exactly that tag where there are some ("nl-be" of a stream
 * with "nl" and "nl-BE"), else those of its base language; of a named track of no known
 * language, those of that name.
 */
function ofLanguage<T extends Named>(
  tracks: T[],
  language: string,
  label: string | undefined,
  name: Namer = nameOf,
): T[] {
  const same = tracks.filter((track) => baseLanguage(track.language) === baseLanguage(language))
  const exact = same.filter((track) => fullTag(track.language) === fullTag(language))
  const chosen = exact.length ? exact : same
  if (label !== undefined) return chosen.filter((track) => name(track) === label)
  // The language alone is its main track, not one named beside it (a commentary).
  const plain = chosen.filter((track) => name(track) === nameOf(track))
  return plain.length ? plain : chosen
}

/** The audio track to select for an option (or a preference), or undefined when none matches. */
export function findAudioTrack<T extends AudioTrackInfo>(
  tracks: T[],
  language: string,
  audioDescription = false,
  label?: string,
): T | undefined {
  const matching = ofLanguage(tracks, language, label, audioNamer(tracks))
  return (
    matching.find((track) => isAudioDescription(track) === audioDescription) ??
    (audioDescription ? undefined : matching[0])
  )
}

/** The subtitle track for an option or a preference; plain subtitles when the flag is not asked. */
export function findTextTrack<T extends TextTrackInfo>(
  tracks: T[],
  language: string,
  hardOfHearing = false,
  label?: string,
): T | undefined {
  const matching = ofLanguage(
    tracks.filter((track) => !track.forced),
    language,
    label,
  )
  return (
    matching.find((track) => isHardOfHearing(track) === hardOfHearing) ??
    (hardOfHearing ? undefined : matching[0])
  )
}

export interface TrackPlan<A, T> {
  /** Audio track to select, or undefined to keep the stream's default. */
  audio?: A
  /** Text track to select; null turns subtitles off; undefined leaves them as they are. */
  text?: T | null
}

/**
 * What to select at the start of a title from the household's preference: its audio language if
 * the title has it (else the stream's default), its subtitle language if present, "off" if it
 * chose off. Audio description (or subtitles for the hard of hearing) asked for where the title has
 * none gives the same language without it: the household keeps its language, and gets the
 * description back on the next title that has one. Any other preference the title cannot meet
 * changes nothing.
 */
export function planTracks<A extends AudioTrackInfo, T extends TextTrackInfo>(
  preference: TrackPreference,
  audio: A[],
  text: T[],
): TrackPlan<A, T> {
  const plan: TrackPlan<A, T> = {}
  if (preference.audio) {
    const track =
      findAudioTrack(audio, preference.audio, preference.audioDescription ?? false) ??
      findAudioTrack(audio, preference.audio)
    if (track && !track.active) plan.audio = track
  }
  if (preference.text === null) plan.text = null
  else if (preference.text) {
    const track =
      findTextTrack(text, preference.text, preference.textHardOfHearing ?? false) ??
      findTextTrack(text, preference.text)
    if (track) plan.text = track
  }
  return plan
}

/**
 * The subtitles an HLS stream asks to show to a household that has not chosen any: DEFAULT=YES
 * means "play this rendition in the absence of information from the user indicating a different
 * choice" (RFC 8216, 4.3.4.1). Not for DASH: Shaka reads its Role "main" into the same flag, and
 * there it marks the main subtitles among several, not subtitles to show unasked. A household
 * that chose "off", or a language, has told the player: the stream's default does not override it.
 */
export function streamDefaultText<T extends TextTrackInfo>(
  preference: TrackPreference,
  tracks: readonly T[],
  manifestType: string | null,
): T | undefined {
  if (preference.text !== undefined || manifestType !== 'HLS') return undefined
  return tracks.find((track) => track.primary === true && !track.forced)
}

/** Shaka's own start-up preferences for the same choice (used before the first segment loads). */
export function shakaPreferences(preference: TrackPreference): {
  preferredAudio: { language: string; role: string }[]
  preferredText: { language: string }[]
} {
  return {
    preferredAudio: preference.audio
      ? [{ language: preference.audio, role: preference.audioDescription ? 'description' : '' }]
      : [],
    preferredText: preference.text ? [{ language: preference.text }] : [],
  }
}
