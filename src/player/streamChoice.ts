import type { SidecarSubtitle, Stream } from '../catalogue/schema'
import { PlaybackErrorCode, type PlaybackError } from './errors'

export type SourceKind = 'dash' | 'hls' | 'mp4'

/** What the player loads: one URL, how it is carried, and the MIME type Shaka is given. */
export interface PlaybackSource {
  url: string
  kind: SourceKind
  mimeType: string
}

/**
 * Given to Shaka's load() so it does not have to guess from the URL (feeds' URLs often have no
 * extension, or a query string) nor ask the server. `video/mp4` makes Shaka play the file through
 * the video element itself (src=), as it has no MediaSource parser for a plain file.
 */
export const SOURCE_MIME_TYPES: Record<SourceKind, string> = {
  dash: 'application/dash+xml',
  hls: 'application/x-mpegurl',
  mp4: 'video/mp4',
}

type StreamSources = Pick<Stream, 'dash' | 'hls' | 'mp4' | 'mp4Fallbacks'>

/**
 * Every source the title has, best first: the configured manifest format, the other one, the MP4,
 * then the MP4's fallbacks.
 */
export function rankSources(stream: StreamSources, preferred: 'dash' | 'hls'): PlaybackSource[] {
  const manifests: SourceKind[] = preferred === 'dash' ? ['dash', 'hls'] : ['hls', 'dash']
  const ranked: { url: string | undefined; kind: SourceKind }[] = [
    ...manifests.map((kind) => ({ url: stream[kind], kind })),
    ...[stream.mp4, ...(stream.mp4Fallbacks ?? [])].map((url) => ({ url, kind: 'mp4' as const })),
  ]
  const seen = new Set<string>()
  return ranked.flatMap(({ url, kind }) => {
    if (!url || seen.has(url)) return []
    seen.add(url)
    return [{ url, kind, mimeType: SOURCE_MIME_TYPES[kind] }]
  })
}

/**
 * The source to play: the configured manifest format when the title has it, else the other one;
 * a progressive MP4 only when there is no manifest (no adaptive bitrate, no in-stream tracks).
 */
export function chooseSource(
  stream: StreamSources,
  preferred: 'dash' | 'hls',
): PlaybackSource | undefined {
  return rankSources(stream, preferred)[0]
}

/**
 * The title's other sources, in rank order, to play when the chosen one fails before anything
 * played (a manifest missing from the server, unreadable, or in a format the box cannot play):
 * CMSs export the same film as DASH, HLS and MP4 for exactly this, and one export being broken
 * is common. Each is tried once.
 */
export function fallbackSources(
  stream: StreamSources,
  preferred: 'dash' | 'hls',
  chosen: PlaybackSource,
): PlaybackSource[] {
  return rankSources(stream, preferred).filter((source) => source.url !== chosen.url)
}

/** A failure of the source itself (not of a licence or of the player): another source may play. */
export function sourceFailed(error: PlaybackError): boolean {
  return error.category === 'network' || error.category === 'manifest' || error.category === 'media'
}

/**
 * Whether a failure moves on to the title's next source: one of the source itself before anything
 * played, or a progressive file whose picture the box cannot decode, found once its sound may
 * already have started (ShakaSession.checkPicture): the household saw nothing of it.
 */
export function movesOn(
  error: PlaybackError,
  started: boolean,
  source: Pick<PlaybackSource, 'kind'> | undefined,
): boolean {
  if (!sourceFailed(error)) return false
  return !started || (source?.kind === 'mp4' && error.code === PlaybackErrorCode.UNSUPPORTED)
}

/**
 * A source the video element plays by itself (Shaka's src= mode): anything but a manifest. No
 * MIME type means a manifest whose type Shaka guesses.
 */
export function isProgressive(mimeType: string | undefined): boolean {
  return (
    Boolean(mimeType) && mimeType !== SOURCE_MIME_TYPES.dash && mimeType !== SOURCE_MIME_TYPES.hls
  )
}

/** A sidecar subtitle file as Shaka's addTextTrackAsync takes it. */
export interface SidecarTrack {
  url: string
  language: string
  /** HTML track kinds: the only two Shaka accepts without a warning. */
  kind: 'subtitles' | 'captions'
  mimeType: string
}

export const SUBTITLE_MIME_TYPES: Record<SidecarSubtitle['format'], string> = {
  vtt: 'text/vtt',
  srt: 'text/srt',
  ttml: 'application/ttml+xml',
}

/** Sidecar files in catalogue order; one URL listed twice is added once. */
export function sidecarTracks(subtitles: readonly SidecarSubtitle[] | undefined): SidecarTrack[] {
  const seen = new Set<string>()
  return (subtitles ?? []).flatMap((subtitle) => {
    if (seen.has(subtitle.url)) return []
    seen.add(subtitle.url)
    return [
      {
        url: subtitle.url,
        language: subtitle.language,
        kind: subtitle.captions ? 'captions' : 'subtitles',
        mimeType: SUBTITLE_MIME_TYPES[subtitle.format],
      } satisfies SidecarTrack,
    ]
  })
}
