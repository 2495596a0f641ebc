import type { PlaybackError } from './errors'
import { sourceFailed } from './streamChoice'
import type { TrackPreference } from './tracks'

/** How long after a household's track choice a failure to load counts as that choice's. */
export const CHOICE_FAILURE_MS = 15_000

/** A track chosen in the player's menu, with the profile's preference from before it. */
export interface TrackChoice {
  at: number
  previous: TrackPreference
  /** Which column it was chosen in: a subtitle failure only undoes a subtitle choice. */
  kind?: 'audio' | 'text'
}

export type TrackRecovery =
  /** The chosen track failed: back to the preference from before it, the choice forgotten. */
  | { kind: 'revert-choice'; preference: TrackPreference }
  /** The title failed with the profile's languages: once more with the stream's own defaults. */
  | { kind: 'default-tracks' }

export interface TrackFailure {
  error: PlaybackError
  /** The title's first frame has played. */
  started: boolean
  now: number
  choice?: TrackChoice
  /** The preference the failed load was opened with. */
  preference: TrackPreference
  /** A file the video element plays itself (MP4): no rendition of it can fail on its own. */
  progressive?: boolean
}

const hasLanguages = (preference: TrackPreference): boolean =>
  preference.audio !== undefined ||
  preference.audioDescription === true ||
  (preference.text !== undefined && preference.text !== null) ||
  preference.textHardOfHearing === true

/**
 * What to do when a title fails to load one of its renditions. A stream may list a language whose
 * playlist is missing from the server (an export that names a Dutch track it never uploaded):
 * choosing it, or having it as the profile's language, would otherwise end the title with "not
 * found" at every Play. The rest of the title is fine, so it plays on without that track.
 * Null: the failure is not about tracks (the fallbacks and the error panel take it).
 */
export function recoverFromTrackFailure(failure: TrackFailure): TrackRecovery | null {
  const { error, started, now, choice, preference } = failure
  // A progressive file's failure is the file's: loading it again with other tracks would only
  // double the wait for the same message.
  if (failure.progressive || !sourceFailed(error)) return null
  if (choice && now - choice.at <= CHOICE_FAILURE_MS) {
    return { kind: 'revert-choice', preference: choice.previous }
  }
  if (!started && hasLanguages(preference)) return { kind: 'default-tracks' }
  return null
}

export interface SubtitleFailure {
  now: number
  /** The household's last choice in the menu, if any since the title started. */
  choice?: TrackChoice
  /** The profile's preference as stored now (the choice already in it). */
  stored: TrackPreference
  /**
   * The subtitles chosen could not be loaded at all (a rendition's playlist): the failure is that
   * choice's however long the server took to fail. Otherwise (a file that failed once selected)
   * it is the choice's only within CHOICE_FAILURE_MS of it.
   */
  ofChoice?: boolean
}

/**
 * The profile's preference once subtitles fail, or null to leave it as it is. A language chosen
 * in the menu is remembered for the next title at once; when it is what failed (within
 * CHOICE_FAILURE_MS of the choice, as for audio, or whenever a rendition chosen could not be read
 * at all), remembering it made the next Play ask for the missing subtitles again and show the
 * failure for subtitles the viewer had not asked for that time. So the subtitle part of the
 * preference from before the choice comes back (its audio part is left as it is now). Subtitles
 * the profile already preferred before this title are kept: another title may well have them.
 */
export function afterSubtitleFailure(failure: SubtitleFailure): TrackPreference | null {
  const { choice, now, stored } = failure
  if (!choice || choice.kind !== 'text') return null
  if (!failure.ofChoice && now - choice.at > CHOICE_FAILURE_MS) return null
  return withFieldsFrom(stored, choice.previous, ['text', 'textHardOfHearing'])
}

/**
 * The profile's preference once the audio chosen in the menu could not be loaded (its rendition
 * read before the switch, ShakaSession.selectAudio), or null to leave it. The choice was
 * remembered at once; the audio part from before it comes back, so the next Play does not ask
 * for the missing sound again. The subtitle part is left as it is now.
 */
export function afterAudioChoiceFailure(
  choice: TrackChoice | undefined,
  stored: TrackPreference,
): TrackPreference | null {
  if (!choice || choice.kind !== 'audio') return null
  return withFieldsFrom(stored, choice.previous, ['audio', 'audioDescription'])
}

/** `stored` with `fields` as they were in `previous` (left out where it had none). */
function withFieldsFrom(
  stored: TrackPreference,
  previous: TrackPreference,
  fields: readonly (keyof TrackPreference)[],
): TrackPreference {
  const preference: Record<string, unknown> = { ...stored }
  for (const field of fields) {
    if (previous[field] === undefined) delete preference[field]
    else preference[field] = previous[field]
  }
  return preference as TrackPreference
}
