/**
 * The audio renditions an audio track stands for whose playlists Shaka has not read yet. Shaka
 * reads an HLS rendition's media playlist only once it is chosen, inside a switch: a playlist the
 * server lacks ended the title (then the app reloaded it with the tracks from before, the picture
 * gone for seconds). Reading these first lets a missing one be said while the film plays on.
 */

/** What is read of a variant track (shaka.extern.Track). */
export interface VariantTrackLike {
  language: string
  label: string | null
  audioRoles: string[] | null
  audioId: number | null
}

/** What is read of an audio track (shaka.extern.AudioTrack). */
export interface AudioTrackLike {
  language: string
  label: string | null
  roles: string[]
}

/** What is read of a manifest's audio stream. */
export interface AudioStreamLike {
  id: number
  segmentIndex: unknown
}

export function unreadAudioStreams<S extends AudioStreamLike>(
  track: AudioTrackLike,
  variantTracks: readonly VariantTrackLike[],
  audioStreams: readonly (S | null)[],
): S[] {
  const roles = track.roles.join(',')
  const ids = new Set(
    variantTracks
      .filter(
        (variant) =>
          variant.language === track.language &&
          (variant.label ?? '') === (track.label ?? '') &&
          (variant.audioRoles ?? []).join(',') === roles,
      )
      .map((variant) => variant.audioId),
  )
  const unread = new Set<S>()
  for (const stream of audioStreams) {
    if (stream && ids.has(stream.id) && !stream.segmentIndex) unread.add(stream)
  }
  return [...unread]
}
