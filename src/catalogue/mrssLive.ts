import { liveCategoryOf } from './feedFields'
import { parseLiveChannels, type ParsedChannels } from './live'
import { clip, encodeUrlsIn } from './tolerant'

/**
 * MRSS items whose video is `expression="nonstop"` (Media RSS: a live stream) as the operator's
 * live channels, as Direct Publisher's `liveFeeds` are (directPublisherLive.ts): a household zaps
 * to them on Live TV rather than finding a "film" with a duration that never ends.
 */

export interface MrssChannel {
  /** The item's id, made as a title's would be (its guid, else its link or video). */
  id: string
  name: string
  stream: { hls?: string; dash?: string; mp4?: string }
  logo?: string
  /** The item's category names: the guide's category comes from them. */
  genres: string[]
}

/** The channels in feed order, numbered from 1 (MRSS gives no number), validated as any. */
export function mrssChannels(items: readonly MrssChannel[], backend: string, base: string) {
  const channels = items.map((item, position) => {
    const category = liveCategoryOf(item.genres)
    return {
      id: item.id,
      number: position + 1,
      name: clip(item.name, 80),
      stream: item.stream,
      ...(item.logo ? { logo: item.logo } : {}),
      ...(category ? { category } : {}),
    }
  })
  const parsed: ParsedChannels = parseLiveChannels(
    { version: 1, channels: encodeUrlsIn(channels) },
    backend,
    base,
    base,
  )
  return parsed
}
