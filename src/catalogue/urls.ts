import type { Stream, Title } from './schema'

export const resolve = (url: string, base: string): string => new URL(url, base).href

export const resolveStream = (stream: Stream, base: string): Stream => ({
  ...(stream.dash ? { dash: resolve(stream.dash, base) } : {}),
  ...(stream.hls ? { hls: resolve(stream.hls, base) } : {}),
  ...(stream.mp4 ? { mp4: resolve(stream.mp4, base) } : {}),
  ...(stream.subtitles
    ? {
        subtitles: stream.subtitles.map((subtitle) => ({
          ...subtitle,
          url: resolve(subtitle.url, base),
        })),
      }
    : {}),
})

/**
 * Makes a title's artwork and stream URLs absolute. Catalogue documents may use URLs relative to
 * where they come from; the renderer's image worker and the player need absolute ones.
 */
export function resolveTitleUrls(title: Title, base: string): Title {
  const { poster, backdrop } = title.artwork
  const artwork = {
    ...(poster ? { poster: resolve(poster, base) } : {}),
    ...(backdrop ? { backdrop: resolve(backdrop, base) } : {}),
  }
  if (title.kind === 'film') return { ...title, artwork, stream: resolveStream(title.stream, base) }
  return {
    ...title,
    artwork,
    seasons: title.seasons.map((season) => ({
      ...season,
      episodes: season.episodes.map((episode) => ({
        ...episode,
        stream: resolveStream(episode.stream, base),
      })),
    })),
  }
}
