import type { Stream, Title, TitleAdsInput } from './schema'

export const resolve = (url: string, base: string): string => new URL(url, base).href

export const resolveStream = (stream: Stream, base: string): Stream => ({
  ...(stream.dash ? { dash: resolve(stream.dash, base) } : {}),
  ...(stream.hls ? { hls: resolve(stream.hls, base) } : {}),
  ...(stream.mp4 ? { mp4: resolve(stream.mp4, base) } : {}),
  ...(stream.mp4Fallbacks
    ? { mp4Fallbacks: stream.mp4Fallbacks.map((url) => resolve(url, base)) }
    : {}),
  ...(stream.subtitles
    ? {
        subtitles: stream.subtitles.map((subtitle) => ({
          ...subtitle,
          url: resolve(subtitle.url, base),
        })),
      }
    : {}),
})

/** A title's own VMAP, relative to its catalogue document like its streams. */
const resolveAds = <T extends { ads?: TitleAdsInput | undefined }>(item: T, base: string): T =>
  item.ads?.vmap ? { ...item, ads: { ...item.ads, vmap: resolve(item.ads.vmap, base) } } : item

/**
 * Makes a title's artwork, stream and VMAP URLs absolute. Catalogue documents may use URLs relative to
 * where they come from; the renderer's image worker and the player need absolute ones.
 */
export function resolveTitleUrls(title: Title, base: string): Title {
  const { poster, backdrop } = title.artwork
  const artwork = {
    ...(poster ? { poster: resolve(poster, base) } : {}),
    ...(backdrop ? { backdrop: resolve(backdrop, base) } : {}),
  }
  if (title.kind === 'film')
    return resolveAds({ ...title, artwork, stream: resolveStream(title.stream, base) }, base)
  return {
    ...title,
    artwork,
    seasons: title.seasons.map((season) => ({
      ...season,
      episodes: season.episodes.map((episode) =>
        resolveAds({ ...episode, stream: resolveStream(episode.stream, base) }, base),
      ),
    })),
  }
}
